package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * The generated command models ({@link CommandModels}) are the annotated commands' models: the
 * committed source is what {@link CommandModelSource} writes now, and both models have the same
 * attributes, usage help and parse outcomes for every command.
 */
class CommandModelsTest {
  private static final Path SOURCE = Path.of("src/main/java/io/exportguard/cli/CommandModels.java");

  @Test
  void theCommittedSourceIsWhatTheGeneratorWrites() throws IOException {
    String expected = CommandModelSource.render();
    if (Boolean.getBoolean("exportguard.regenerate")) Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
    assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
        .as("CommandModels.java is stale: run " + CommandModelSource.REGENERATE).isEqualTo(expected);
  }

  @Test
  void aCheckedBuildRunsTheGeneratedModels() {
    assertThat(Main.modelsChecked()).as("the build's command-models step wrote " + Main.MODELS_CHECKED).isTrue();
    CommandLine cl = Main.commandLine(new String[] {"preflight"});
    assertThat(cl.getSubcommands().get("preflight").getCommandSpec().findOption("--region").getter().getClass().getName())
        .isEqualTo(CommandModels.class.getName() + "$Field");
  }

  @Test
  void everyAttributeOfTheWholeTreeIsTheSame() {
    String[] none = new String[0];
    sameDump(Main.generatedCommandLine(none), Main.reflectiveCommandLine(none), "whole-tree");
  }

  @Test
  void everyCommandPrunedForItsOwnCommandLineIsTheSame() {
    for (List<String> path : paths()) {
      // Above the command, the generated tree leaves out what this command line cannot reach (the
      // siblings' help subcommand); the command itself and all below it are compared.
      String[] args = path.toArray(String[]::new);
      sameDump(at(Main.generatedCommandLine(args), path), at(Main.reflectiveCommandLine(args), path), String.join("-", path));
    }
  }

  @Test
  void everyCommandLineOfTheCorpusHasTheSameOutcome(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("defaults.yaml");
    Files.writeString(config, "defaults:\n  fail-on: high\n  report: json\n  opa-timeout: 7s\n  port: \"9\"\n  out: elsewhere\n");
    List<String[]> corpus = corpus(config);
    assertThat(corpus).hasSizeGreaterThan(1000);
    int parsed = 0;
    for (String[] args : corpus) {
      String fast = outcome(Main.generatedCommandLine(args), args);
      String annotated = outcome(Main.reflectiveCommandLine(args), args);
      assertThat(fast).as(String.join(" ", args)).isEqualTo(annotated);
      if (fast.startsWith("parsed")) parsed++;
    }
    assertThat(parsed).as("lines the commands accept").isGreaterThan(200);
    System.out.println("corpus " + corpus.size() + " lines, " + parsed + " accepted");
  }

  private static CommandLine at(CommandLine root, List<String> path) {
    CommandLine cl = root;
    for (String name : path) cl = cl.getSubcommands().get(name);
    return cl;
  }

  /** Every command's path from the top: [], [preflight], [policy], [policy, test], ... */
  private static List<List<String>> paths() {
    List<List<String>> out = new ArrayList<>();
    walk(Main.reflectiveCommandLine(new String[0]), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    cl.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandSpec().parent() != cl.getCommandSpec()) return;
      path.add(name);
      walk(sub, path, out);
      path.remove(path.size() - 1);
    });
  }

  /**
   * Command lines for every command: help, version, no arguments, mistyped subcommands, and for each
   * option and positional parameter a valid value, a bad one, a missing one, a typo of its name, and
   * the required ones left out; with and without a configuration file's defaults.
   */
  private static List<String[]> corpus(Path config) {
    List<String[]> out = new ArrayList<>();
    CommandLine root = Main.reflectiveCommandLine(new String[0]);
    for (List<String> path : paths()) {
      CommandSpec spec = root.getCommandSpec();
      for (String p : path) spec = spec.subcommands().get(p).getCommandSpec();
      List<String> base = new ArrayList<>(path);
      for (OptionSpec o : spec.options()) {
        if (o.required()) base.addAll(List.of(o.longestName(), good(o)));
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (p.arity().min > 0) base.add(good(p));
      }
      List<List<String>> lines = new ArrayList<>();
      lines.add(path);
      lines.add(base);
      for (String extra : List.of("--help", "-h", "--version", "-V", "help", "hepl", "--nosuch", "-x", "--", "x y",
          "help nosuch", "--config")) {
        lines.add(with(base, extra.split(" ")));
      }
      for (String extra : List.of("--help", "--version", "hepl", "--nosuch")) lines.add(with(path, extra));
      for (String sub : spec.subcommands().keySet()) {
        lines.add(with(path, sub));
        lines.add(with(path, "help", sub));
        lines.add(with(path, sub.substring(1)));
        lines.add(with(path, sub + "x", "--help"));
      }
      List<List<String>> withDefaults = new ArrayList<>(List.of(path, base));
      for (OptionSpec o : spec.options()) {
        String name = o.longestName();
        for (String n : o.names()) withDefaults.add(with(base, n, good(o)));
        lines.add(with(base, name + "=" + good(o)));
        lines.add(with(base, name, good(o), name, good(o)));
        lines.add(with(base, name));
        if (name.length() > 3) lines.add(with(base, name.substring(0, name.length() - 1), good(o)));
        if (name.length() > 3) lines.add(with(base, name.substring(0, 3) + name.substring(4)));
        lines.add(with(base, name, "not-a-number-or-duration"));
        lines.add(with(base, name, "nul\0in-a-path"));
        lines.add(with(base, o.longestName() + "=false"));
        lines.add(with(base, o.longestName() + "=true"));
        if (o.required()) {
          List<String> without = new ArrayList<>(base);
          int at = without.indexOf(o.longestName());
          without.remove(at + 1);
          without.remove(at);
          lines.add(without);
          lines.add(with(without, "--nosuch-flag"));
          lines.add(with(without, o.longestName().substring(0, o.longestName().length() - 1), good(o)));
        }
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        lines.add(with(base, good(p), good(p), good(p)));
        lines.add(with(path, good(p)));
      }
      for (List<String> line : lines) out.add(line.toArray(String[]::new));
      for (List<String> line : withDefaults) {
        out.add(line.toArray(String[]::new));
        out.add(with(line, "--config", config.toString()).toArray(String[]::new));
      }
    }
    return out;
  }

  private static List<String> with(List<String> line, String... more) {
    List<String> out = new ArrayList<>(line);
    out.addAll(List.of(more));
    return out;
  }

  /** A value the argument's type accepts. */
  private static String good(ArgSpec a) {
    Class<?> t = a.auxiliaryTypes().length > 0 ? a.auxiliaryTypes()[0] : a.type();
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "3";
    if (t == java.time.Duration.class) return "PT2S";
    if (t == boolean.class || t == Boolean.class) return "true";
    return "v1";
  }

  /**
   * What a command line does to a tree: the error, help or version text and exit code when it ends
   * there, else every argument's value in every command it reaches (the command is not run).
   */
  private static String outcome(CommandLine cl, String[] args) {
    try {
      return run(cl, args);
    } catch (java.nio.file.InvalidPathException e) {
      return "threw " + e; // --config with a NUL in it (a real process cannot be given one)
    }
  }

  private static String run(CommandLine cl, String[] args) {
    try {
      ConfigDefaults.install(cl, args);
      CommandLine.ParseResult parsed = cl.parseArgs(args);
      boolean ends = false;
      StringBuilder values = new StringBuilder("parsed\n");
      for (CommandLine c : parsed.asCommandLineList()) {
        values.append(c.getCommandSpec().qualifiedName()).append(c.isUsageHelpRequested()).append(c.isVersionHelpRequested())
            .append('\n');
        for (ArgSpec a : c.getCommandSpec().args()) {
          values.append("  ").append(a.toString()).append(" = ").append(CommandModelDump.value(a.getValue())).append('\n');
        }
        ends |= c.isUsageHelpRequested() || c.isVersionHelpRequested();
      }
      Object last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1).getCommandSpec().userObject();
      if (!ends && !(last instanceof GroupCommand) && !(last instanceof ExportGuardCommand)
          && !(last instanceof CommandLine.HelpCommand)) {
        return values.toString();
      }
    } catch (ParameterException | io.exportguard.config.ConfigException e) {
      // run below: the error as the user sees it
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(cl, args, new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    return "ran " + code + "\nout:\n" + out.toString(java.nio.charset.StandardCharsets.UTF_8) + "err:\n"
        + err.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Compares two dumps; when they differ, both are left in target/ for a diff. */
  private static void sameDump(picocli.CommandLine fast, picocli.CommandLine reflective, String name) {
    String a = CommandModelDump.of(fast);
    String b = CommandModelDump.of(reflective);
    if (!a.equals(b)) {
      try {
        Files.writeString(Path.of("target/command-model-" + name + ".generated.txt"), a);
        Files.writeString(Path.of("target/command-model-" + name + ".annotated.txt"), b);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    assertThat(a).as("the generated model of " + name + " (diff target/command-model-" + name + ".*.txt)").isEqualTo(b);
  }
}
