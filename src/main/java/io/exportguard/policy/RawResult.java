package io.exportguard.policy;

import io.exportguard.report.Report;
import java.util.List;

/**
 * What the engine said about one check, before the status rules: its {@code deny} and {@code warn}
 * findings, or the evaluation error that kept it from saying anything.
 */
public record RawResult(CheckDefinition check, List<Report.Finding> deny, List<Report.Finding> warn, String error) {
  public RawResult {
    deny = deny == null ? List.of() : List.copyOf(deny);
    warn = warn == null ? List.of() : List.copyOf(warn);
  }

  public static RawResult findings(CheckDefinition c, List<Report.Finding> deny, List<Report.Finding> warn) {
    return new RawResult(c, deny, warn, null);
  }

  public static RawResult failed(CheckDefinition c, String error) {
    return new RawResult(c, List.of(), List.of(), error);
  }
}
