package io.exportguard.run;

import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.report.ExitCodes;
import java.io.PrintWriter;

/**
 * What the runners of preflight, audit and scan share: their two streams, the policy engine, and
 * one rule for how a run ends early — bad input or an interrupt is one line on stderr and exit 2,
 * never a stack trace, and both streams are flushed whatever happened.
 *
 * @param <O> the command's options
 */
public abstract class CommandRunner<O> {
  protected final PrintWriter out;
  protected final PrintWriter err;
  protected final PolicyEngineFactory engines;
  private final String prefix;

  protected CommandRunner(String prefix, PrintWriter out, PrintWriter err, PolicyEngineFactory engines) {
    this.prefix = prefix;
    this.out = out;
    this.err = err;
    this.engines = engines;
  }

  /** Runs the command; the exit code it returns is the process's. */
  public final int run(O options) {
    try {
      return runChecked(options);
    } catch (BadInputException e) {
      err.println(prefix + e.getMessage());
      return ExitCodes.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(prefix + "interrupted");
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  protected abstract int runChecked(O options) throws BadInputException, InterruptedException;
}
