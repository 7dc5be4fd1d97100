package io.exportguard.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The process entry point. Only {@link #main} calls System.exit; everything else returns exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line and returns its exit code: 0 pass, 1 fail, 2 error or bad input. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = new CommandLine(new ExportGuardCommand());
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    cl.setParameterExceptionHandler((ex, a) -> {
      errWriter.println("exportguard: " + ex.getMessage());
      errWriter.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.ERROR;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      // Never a stack trace: bad input is reported by the commands themselves; anything reaching
      // here is an internal error, reported in one line.
      errWriter.println("exportguard: internal error: " + ex);
      return ExitCodes.ERROR;
    });
    int code = cl.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }
}
