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
      List<String> close = u.getSuggestions().stream().filter(s -> !s.isBlank()).limit(3).toList();
      if (!close.isEmpty()) err.println("did you mean " + String.join(" or ", close) + "?");
    }
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    return ExitCodes.ERROR;
  }
}
