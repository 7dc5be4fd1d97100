package io.exportguard.export;

import io.exportguard.cloud.ApiException;
import io.exportguard.cloud.CloudClients;
import io.exportguard.facts.Request;
import io.exportguard.report.ExitCodes;
import io.exportguard.report.Report;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The export step of a preflight whose verdict is pass: runs ExportImage with the checked request,
 * optionally follows the task to its end, and says on stderr what happened and, whenever a task may
 * keep running, how to follow and cancel it. Its outcome is the report's export record and the
 * run's exit code: 0 started or finished, 1 refused (already exporting), 2 anything else.
 */
public final class ExportStep {
  private final ExportRunner runner;
  private final PrintWriter out;
  private final PrintWriter err;
  private final String prefix;

  /** @param prefix what every message starts with, e.g. {@code "exportguard preflight: "} */
  public ExportStep(ExportRunner runner, PrintWriter out, PrintWriter err, String prefix) {
    this.runner = runner;
    this.out = out;
    this.err = err;
    this.prefix = prefix;
  }

  public ExportStep(CloudClients clients, PrintWriter out, PrintWriter err, String prefix) {
    this(new ExportRunner(clients, err), out, err, prefix);
  }

  /** The export record for the report and the exit code the export decides. */
  public record Outcome(Report.ExportRecord record, int exitCode) {}

  /**
   * Exports. {@code factsSha256} and {@code policiesSha256} are the evidence of what was decided.
   *
   * @param wait null to start the export and return; otherwise how long to follow it
   */
  public Outcome run(Request r, String factsSha256, String policiesSha256, Duration wait) {
    ExportRunner.Launch launch;
    try {
      launch = runner.start(r);
    } catch (ExportRefusedException e) {
      err.println(prefix + e.getMessage());
      return outcome(null, "Refused", List.of(), factsSha256, policiesSha256, ExitCodes.FAIL);
    } catch (ApiException e) {
      err.println(prefix + "not exporting: could not check for an export in progress: " + e.code() + ": "
          + e.getMessage());
      return outcome(null, "NotStarted: " + e.code(), List.of(), factsSha256, policiesSha256, ExitCodes.ERROR);
    }
    if (!launch.started()) {
      err.println(prefix + launch.problem());
      if (launch.taskId() != null) err.println(ExportRunner.howToFollow(r.regionId(), launch.taskId()));
      else if (launch.status().equals(ExportRunner.UNKNOWN)) err.println(ExportRunner.howToFind(r.regionId(), r.imageId()));
      err.flush();
      return outcome(launch.taskId(), launch.status(), List.of(), factsSha256, policiesSha256, ExitCodes.ERROR);
    }
    String taskId = launch.taskId();
    out.println("export started: task " + taskId);
    out.flush();
    if (wait == null) {
      err.println(ExportRunner.howToFollow(r.regionId(), taskId));
      return outcome(taskId, "Started", List.of(), factsSha256, policiesSha256, ExitCodes.PASS);
    }
    Thread hook = new Thread(() -> {
      err.println();
      err.println("interrupted: " + ExportRunner.howToFollow(r.regionId(), taskId));
      err.flush();
    }, "exportguard-export-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ExportRunner.Outcome followed = runner.follow(r, taskId, wait);
      if (!followed.succeeded()) err.println(prefix + followed.problem());
      return outcome(taskId, followed.status(), followed.objects(), factsSha256, policiesSha256,
          followed.succeeded() ? ExitCodes.PASS : ExitCodes.ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(ExportRunner.howToFollow(r.regionId(), taskId));
      return outcome(taskId, "Interrupted", List.of(), factsSha256, policiesSha256, ExitCodes.ERROR);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it tells the user how to follow the task
      }
    }
  }

  private static Outcome outcome(String taskId, String status, List<Report.ExportedObject> objects, String factsSha,
                                 String policiesSha, int exitCode) {
    return new Outcome(new Report.ExportRecord(taskId, status, objects, factsSha, policiesSha), exitCode);
  }
}
