package io.exportguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports in a real headless Chromium (Debian's {@code chromium}, installed by .ci/run):
 * the hostile report must load without console errors and without any payload running, the filter
 * and sorting must work, the page must read fully with scripts off, and it must print.
 */
class HtmlReportBrowserIT {
  private static Chromium browser;

  @TempDir
  static Path dir;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) browser.close();
  }

  private static Path write(String name, Report report) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, Render.of(new HtmlReportWriter(), report));
    return file;
  }

  @Test
  void hostileReportLoadsCleanAndNoPayloadRuns() throws Exception {
    Report report = Payloads.hostile(SampleReports.failing());
    browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    browser.load(write("hostile.html", report));
    Thread.sleep(300); // let a late onerror or onload fire if one were there

    assertThat(browser.problems(false)).as("console errors, exceptions, CSP reports or dialogs").isEmpty();
    assertThat(browser.eval("document.documentElement.dataset." + Payloads.MARKER + " === undefined").asBoolean())
        .as("a payload script ran").isTrue();
    assertThat(browser.eval("document.scripts.length").asInt()).isEqualTo(1);
    assertThat(browser.eval("document.querySelectorAll('img,iframe,object,embed,link,x,base').length").asInt()).isZero();
    assertThat(browser.eval("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
        + ".some(a => a.name.startsWith('on'))).length").asInt()).isZero();
    assertThat(browser.eval("document.querySelectorAll('tbody.check').length").asInt()).isEqualTo(report.checks().size());
    // The payload is there, as text.
    assertThat(browser.eval("document.querySelector('.facts code').textContent").asText())
        .isEqualTo(report.target().imageId().replace("\r", "")
            .replaceAll("[\\u0000-\\u0008\\u000b-\\u001f\\u202a-\\u202e\\u2066-\\u2069]", "\uFFFD"));
  }

  @Test
  void filterAndSortWork() throws Exception {
    Report report = SampleReports.failing();
    browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    browser.load(write("fail.html", report));
    assertThat(browser.eval("document.getElementById('filters').hidden").asBoolean()).isFalse();
    assertThat(browser.eval("document.getElementById('shown').textContent").asText()).isEqualTo("30 of 30 checks shown");

    browser.eval("(() => { const i = document.querySelector('#filters input[value=pass]'); i.click(); })()");
    assertThat(browser.eval("[...document.querySelectorAll('tbody.check')].filter(b => !b.hidden).length").asInt())
        .isEqualTo(report.checks().size() - report.summary().passed());
    assertThat(browser.eval("document.getElementById('shown').textContent").asText()).isEqualTo("9 of 30 checks shown");

    browser.eval("document.querySelector('th[data-key=id] button').click()");
    assertThat(browser.eval("document.querySelector('tbody.check').dataset.id").asText()).isEqualTo("EG-BUCKET-001");
    assertThat(browser.eval("document.querySelector('th[data-key=id]').getAttribute('aria-sort')").asText())
        .isEqualTo("ascending");
    browser.eval("document.querySelector('th[data-key=id] button').click()");
    assertThat(browser.eval("document.querySelector('tbody.check').dataset.id").asText()).isEqualTo("EG-TASK-002");
    browser.eval("document.querySelector('th[data-key=severityRank] button').click()");
    assertThat(browser.eval("document.querySelector('tbody.check').dataset.severity").asText()).isEqualTo("critical");
    assertThat(browser.problems(false)).isEmpty();
  }

  @Test
  void readsFullyWithScriptsOff() throws Exception {
    Report report = SampleReports.failing();
    browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", true));
    try {
      browser.load(write("noscript.html", report));
      assertThat(browser.eval("document.getElementById('filters').hidden").asBoolean()).isTrue();
      String text = browser.eval("document.body.innerText").asText();
      for (Report.CheckResult c : report.checks()) assertThat(text).contains(c.id());
      assertThat(text).contains("Export blocked", SampleReports.TRUST_FIX, "Throttling.User");
    } finally {
      browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }
  }

  @Test
  void aReportOfManyTargetsLoadsCleanAndListsWhatNeedsAction() throws Exception {
    Report report = Payloads.hostileTargets(SampleReports.manyTargets());
    browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    browser.load(write("targets.html", report));
    Thread.sleep(300);
    assertThat(browser.problems(false)).as("console errors, exceptions, CSP reports or dialogs").isEmpty();
    assertThat(browser.eval("document.documentElement.dataset." + Payloads.MARKER + " === undefined").asBoolean())
        .as("a payload script ran").isTrue();
    assertThat(browser.eval("document.querySelectorAll('#targets tbody.t').length").asInt()).isEqualTo(5);
    String text = browser.eval("document.body.innerText").asText();
    assertThat(text).contains("Targets that need action", "2 targets passed every check that blocks",
        "ListingIncomplete");
    String all = browser.eval("document.body.textContent").asText(); // passing targets sit folded
    for (Report.TargetResult t : SampleReports.manyTargets().targets()) assertThat(all).contains(t.target().label());
  }

  /** An account audit of 5,000 images: by region and by check, failing first; search and filters work in the page. */
  @Test
  void anAuditOverviewIsSmallAndItsSearchAndFiltersWork() throws Exception {
    Report report = SampleReports.audit(5_000);
    Path file = write("audit.html", report);
    assertThat(Files.size(file)).as("small enough to open").isLessThan(3_000_000);
    browser.send("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    browser.load(file);
    assertThat(browser.problems(false)).as("console errors, exceptions, CSP reports or dialogs").isEmpty();
    int failing = 5_000 / 25 + 1; // every 25th image and one RAM user
    int errored = (int) java.util.stream.IntStream.range(0, 5_000).filter(i -> i % 25 != 0 && i % 40 == 0).count();
    int all = 5_000 + 4;
    assertThat(shown()).isEqualTo(all + " of " + all + " targets shown");
    assertThat(browser.eval("document.querySelectorAll('#targets tbody.t').length").asInt()).isEqualTo(failing + errored);
    assertThat(browser.eval("document.querySelectorAll('#passed tbody tr').length").asInt())
        .isEqualTo(all - failing - errored);
    // Failing items first: the regions with failures, then the checks that failed most, then the failed targets.
    assertThat(browser.eval("document.querySelector('#regions tbody tr').dataset.region").asText())
        .isEqualTo("cn-hangzhou");
    assertThat(browser.eval("document.querySelector('#regions tbody tr:last-child').dataset.region").asText())
        .isEqualTo("account-wide");
    assertThat(browser.eval("document.querySelector('#check-totals tbody.tally').dataset.status").asText()).isEqualTo("fail");
    assertThat(browser.eval("document.querySelector('#targets tbody.t').dataset.verdict").asText()).isEqualTo("fail");
    assertThat(browser.eval("document.getElementById('passed-targets').open").asBoolean()).isFalse();

    // Search for one passing image: it alone is shown, and the folded passing targets open.
    search("m-aud000003");
    assertThat(shown()).isEqualTo("1 of " + all + " targets shown");
    assertThat(browser.eval("document.getElementById('passed-targets').open").asBoolean()).isTrue();
    assertThat(browser.eval("[...document.querySelectorAll('#passed tbody tr')].filter(r => !r.hidden)"
        + ".map(r => r.cells[2].textContent).join()").asText()).isEqualTo("us-west-1/m-aud000003");
    // A search matches what a failing target's findings say, not only its name.
    search("Throttling.User");
    assertThat(shown()).isEqualTo(errored + failing + " of " + all + " targets shown"); // the failing sample has it too
    search("");

    // Pick a region in the by-region table: only its targets remain.
    browser.eval("document.querySelector('#regions tr[data-region=\"us-west-1\"]').click()");
    assertThat(browser.eval("document.querySelector('#target-filters select[name=region]').value").asText())
        .isEqualTo("us-west-1");
    assertThat(browser.eval("[...document.querySelectorAll('#targets tbody.t, #passed tbody tr')].filter(e => !e.hidden)"
        + ".every(e => (e.dataset.region || e.cells[1].textContent) === 'us-west-1')").asBoolean()).isTrue();
    assertThat(shown()).isEqualTo("1250 of " + all + " targets shown");
    browser.eval("(() => { const s = document.querySelector('#target-filters select[name=region]'); s.value = '';"
        + " s.dispatchEvent(new Event('change', {bubbles: true})); })()");

    // Only the failed ones: untick errors and the passing verdicts.
    for (String v : new String[] {"error", "pass", "passed"}) {
      browser.eval("document.querySelector('#target-filters input[value=" + v + "]').click()");
    }
    assertThat(shown()).isEqualTo(failing + " of " + all + " targets shown");
    assertThat(browser.eval("[...document.querySelectorAll('#targets tbody.t')].filter(b => !b.hidden)"
        + ".every(b => b.dataset.verdict === 'fail')").asBoolean()).isTrue();

    // Pick a check in the by-check table: the targets it failed on.
    browser.eval("document.querySelector('#check-totals tbody.tally[data-check=\"EG-ROLE-002\"] tr').click()");
    assertThat(browser.eval("document.querySelector('#target-filters select[name=check]').value").asText())
        .isEqualTo("EG-ROLE-002");
    int roleFailures = browser.eval("Number(document.querySelector('#check-totals tbody.tally[data-check=\"EG-ROLE-002\"]"
        + " td:nth-child(3)').textContent)").asInt();
    assertThat(shown()).isEqualTo(roleFailures + " of " + all + " targets shown");
    assertThat(browser.problems(false)).isEmpty();
  }

  private static String shown() throws Exception {
    return browser.eval("document.getElementById('targets-shown').textContent").asText();
  }

  private static void search(String text) throws Exception {
    browser.eval("(() => { const q = document.querySelector('#target-filters input[name=q]'); q.value = "
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "; q.dispatchEvent(new Event('input', {bubbles: true})); })()");
  }

  @Test
  void printsToPdf() throws Exception {
    browser.load(write("print.html", SampleReports.failing()));
    byte[] pdf = browser.pdf();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.write(Path.of("target", "exportguard-fail-sample.pdf"), pdf);
  }

  @Test
  void screenshotOfTheFailingReport() throws Exception {
    browser.load(write("shot.html", SampleReports.failing()));
    byte[] png = browser.screenshot(1100);
    assertThat(png.length).isGreaterThan(10_000);
    Files.write(Path.of("target", "exportguard-fail-sample.png"), png);
  }
}
