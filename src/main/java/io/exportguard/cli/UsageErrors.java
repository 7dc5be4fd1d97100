package io.exportguard.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a usage error reads: the problem, the closest spellings of a mistyped command or option
 * ("did you mean --region?"), and where the help is. Exit 2, nothing else written.
 */
final class UsageErrors {
  private UsageErrors() {}

  static int report(ParameterException ex, String[] args, PrintWriter err) {
    CommandLine cl = ex.getCommandLine();
    if (!(ex instanceof UnmatchedArgumentException)) {
      // picocli reports missing required options before unknown ones; a typo is the likelier cause.
      List<String> unknown = Arrays.stream(args)
          .filter(a -> a.startsWith("--") && a.length() > 2)
          .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
          .filter(a -> cl.getCommandSpec().findOption(a) == null)
          .toList();
      if (!unknown.isEmpty()) ex = new UnmatchedArgumentException(cl, unknown);
    }
    err.println("exportguard: " + ex.getMessage());
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> close = closest(u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0), u.getSuggestions());
      if (!close.isEmpty()) err.println("did you mean " + String.join(" or ", close) + "?");
    }
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.ERROR;
  }

  /** picocli's suggestions, nearest spelling first, only the nearest ones ("polciy": policy, not report). */
  private static List<String> closest(String typed, List<String> suggestions) {
    String word = typed.replaceFirst("=.*", "");
    List<String> named = suggestions.stream().filter(s -> !s.isBlank()).toList();
    int best = named.stream().mapToInt(s -> io.exportguard.config.Spelling.distance(word, s)).min().orElse(0);
    return named.stream().filter(s -> io.exportguard.config.Spelling.distance(word, s) == best).limit(3).toList();
  }
}
