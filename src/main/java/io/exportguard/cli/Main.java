package io.exportguard.cli;

import io.exportguard.cloud.CredentialSecrets;
import io.exportguard.redact.RedactingOutputStream;
import io.exportguard.redact.Redactor;
import io.exportguard.run.Prestart;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** The process entry point. Only {@link #main} calls System.exit; everything else returns exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Before anything can print or log: whatever reaches the process's stdout and stderr (a
    // library's log line, an uncaught exception's trace) is redacted too.
    RedactingOutputStream stdout = new RedactingOutputStream(new FileOutputStream(FileDescriptor.out),
        Redactor.process(), false);
    RedactingOutputStream stderr = new RedactingOutputStream(new FileOutputStream(FileDescriptor.err),
        Redactor.process(), false);
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    // picocli's default factory otherwise looks for Groovy's Closure class on the class path as it
    // is first used (a failed lookup through the whole jar, ~7 ms); no command here is a closure.
    System.setProperty("picocli.disable.closures", "true");
    // Begin the slow start-up work of a run's cloud calls (the SDK client) while picocli reads the command line.
    if (args.length > 0 && (args[0].equals("preflight") || args[0].equals("audit"))) Prestart.begin(args);
    int code = run(args, System.out, System.err);
    finish(stdout);
    finish(stderr);
    System.exit(code);
  }

  /**
   * Runs one command line and returns its exit code: 0 pass, 1 fail, 2 error or bad input. All it
   * writes passes through the {@link Redactor}, which knows the secrets in the environment first.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(commandLine(args), args, out, err);
  }

  /** {@link #run(String[], PrintStream, PrintStream)} with this command tree (a test compares two). */
  static int run(CommandLine cl, String[] args, PrintStream out, PrintStream err) {
    CredentialSecrets.registerEnvironment();
    RedactingOutputStream redactedOut = new RedactingOutputStream(out, Redactor.process(), false);
    RedactingOutputStream redactedErr = new RedactingOutputStream(err, Redactor.process(), false);
    try {
      return run(cl, args, redactedOut, redactedErr);
    } finally {
      finish(redactedOut);
      finish(redactedErr);
    }
  }

  private static int run(CommandLine cl, String[] args, RedactingOutputStream out, RedactingOutputStream err) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    Handlers handlers = new Handlers(errWriter);
    cl.setParameterExceptionHandler(handlers);
    cl.setExecutionExceptionHandler(handlers);
    try {
      ConfigDefaults.install(cl, args);
    } catch (io.exportguard.config.ConfigException e) {
      errWriter.println("exportguard: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands on Errors; the heap is free again once the command's frames are gone.
      errWriter.println("exportguard: out of memory (heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB); the input is too large for this run");
      code = ExitCodes.ERROR;
    } catch (RuntimeException | Error e) {
      errWriter.println("exportguard: internal error: " + e);
      code = ExitCodes.ERROR;
    }
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  private static void finish(RedactingOutputStream s) {
    try {
      s.finish();
    } catch (IOException e) {
      // stdout or stderr is gone (a closed pipe): nothing more can be said
    }
  }

  /**
   * How picocli's errors read. A class, not two lambdas: on JDK 17 linking a lambda's call site costs
   * a millisecond or more of start-up, each.
   */
  private static final class Handlers implements CommandLine.IParameterExceptionHandler,
      CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Handlers(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      return UsageErrors.report(ex, args, err);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
      // Never a stack trace: bad input is reported by the commands themselves; anything reaching
      // here is an internal error, reported in one line.
      err.println("exportguard: internal error: " + ex);
      return ExitCodes.ERROR;
    }
  }

  /** The subcommands, in the order the help lists them. */
  private static final List<String> SUBCOMMANDS = List.of("preflight", "eval", "audit", "report", "scan", "policy", "rego",
      "sandbox", "serve");

  /** A new command object for a subcommand's name (a switch: method references cost start-up on JDK 17). */
  private static Object newSubcommand(String name) {
    switch (name) {
      case "preflight": return new PreflightCommand();
      case "eval": return new EvalCommand();
      case "audit": return new AuditCommand();
      case "report": return new ReportCommand();
      case "scan": return new ScanCommand();
      case "policy": return new PolicyCommand();
      case "rego": return new RegoCommand();
      case "sandbox": return new SandboxCommand();
      case "serve": return new ServeCommand();
      default: throw new IllegalArgumentException(name);
    }
  }

  /**
   * The command tree for these arguments. Building a picocli model costs start-up time, so when the
   * first argument names a subcommand only that one is built; anything else (help, version, a typo)
   * gets the whole tree, so usage and suggestions list every command. The model is the generated
   * {@link CommandModels} (no annotations read, no reflection) when the build checked it against the
   * annotated classes ({@value #MODELS_CHECKED}, made by the build's command-models step); otherwise
   * picocli reads the annotations.
   */
  static CommandLine commandLine(String[] args) {
    return modelsChecked() ? generatedCommandLine(args) : reflectiveCommandLine(args);
  }

  /**
   * A class the build writes when {@link CommandModels} is what the annotated classes say (a class,
   * not a resource: looking it up is a class-archive hit, a resource costs milliseconds on JDK 17).
   */
  static final String MODELS_CHECKED = "io.exportguard.cli.CommandModelsChecked";

  static boolean modelsChecked() {
    try {
      Class.forName(MODELS_CHECKED, false, Main.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The tree from {@link CommandModels}. */
  static CommandLine generatedCommandLine(String[] args) {
    String first = args.length > 0 ? args[0] : null;
    boolean named = first != null && SUBCOMMANDS.contains(first);
    CommandLine cl = CommandModels.exportGuardCommand(args, 0, named);
    for (String name : SUBCOMMANDS) {
      if (!named || name.equals(first)) cl.addSubcommand(name, CommandModels.subcommand(name, args, 1));
    }
    cl.registerConverter(java.nio.file.Path.class, CommandModelSupport.PATHS);
    return cl;
  }

  /** The same tree read from the command classes' annotations by picocli (what {@link CommandModels} is made from). */
  static CommandLine reflectiveCommandLine(String[] args) {
    CommandLine cl = new CommandLine(new ExportGuardCommand());
    String first = args.length > 0 ? args[0] : null;
    boolean named = first != null && SUBCOMMANDS.contains(first);
    for (String name : SUBCOMMANDS) {
      if (!named || name.equals(first)) cl.addSubcommand(name, newSubcommand(name));
    }
    return cl;
  }
}
