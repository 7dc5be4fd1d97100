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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    CredentialSecrets.registerEnvironment();
    RedactingOutputStream redactedOut = new RedactingOutputStream(out, Redactor.process(), false);
    RedactingOutputStream redactedErr = new RedactingOutputStream(err, Redactor.process(), false);
    try {
      return run(args, redactedOut, redactedErr);
    } finally {
      finish(redactedOut);
      finish(redactedErr);
    }
  }

  private static int run(String[] args, RedactingOutputStream out, RedactingOutputStream err) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = commandLine(args);
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler((ex, a) -> UsageErrors.report(ex, a, errWriter));
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      // Never a stack trace: bad input is reported by the commands themselves; anything reaching
      // here is an internal error, reported in one line.
      errWriter.println("exportguard: internal error: " + ex);
      return ExitCodes.ERROR;
    });
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

  /** The subcommands, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("preflight", PreflightCommand::new);
    m.put("eval", EvalCommand::new);
    m.put("audit", AuditCommand::new);
    m.put("report", ReportCommand::new);
    m.put("scan", ScanCommand::new);
    m.put("policy", PolicyCommand::new);
    m.put("rego", RegoCommand::new);
    m.put("sandbox", SandboxCommand::new);
    m.put("serve", ServeCommand::new);
    return m;
  }

  /**
   * The command tree for these arguments. Building a picocli model costs start-up time (its classes
   * cannot go into a CDS archive), so when the first argument names a subcommand only that one is
   * built; anything else (help, version, a typo) gets the whole tree, so usage and suggestions list
   * every command.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new ExportGuardCommand());
    String first = args.length > 0 ? args[0] : null;
    boolean named = first != null && SUBCOMMANDS.containsKey(first);
    SUBCOMMANDS.forEach((name, command) -> {
      if (!named || name.equals(first)) cl.addSubcommand(name, command.get());
    });
    return cl;
  }
}
