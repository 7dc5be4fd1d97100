package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report of spooled targets renders exactly as the same report held in memory. */
class TargetSpoolTest {

  @Test
  void spooledTargetsRenderAsTheSameTargetsInMemory() throws Exception {
    Report inMemory = SampleReports.manyTargets();
    List<Report.TargetResult> arrival = new ArrayList<>(inMemory.targets());
    java.util.Collections.reverse(arrival); // decided in another order than the report's
    try (TargetSpool spool = TargetSpool.create()) {
      for (Report.TargetResult t : arrival) spool.add(t);
      Report spooled = spool.report(inMemory.tool(), inMemory.startedAt(), inMemory.durationMs(), inMemory.scope(),
          inMemory.runErrors());
      assertThat(spooled.targets()).isInstanceOf(Report.StoredTargets.class);
      for (ReportWriter w : List.of(new JsonReportWriter(), new JsonLinesReportWriter(), new SarifReportWriter(),
          new MarkdownReportWriter())) {
        assertThat(Render.of(w, spooled)).as(w.format()).isEqualTo(Render.of(w, inMemory));
      }
    }
  }
}
