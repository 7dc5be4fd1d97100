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
    assertThat(browser.eval("document.querySelectorAll('section.target').length").asInt()).isEqualTo(3);
    String text = browser.eval("document.body.innerText").asText();
    assertThat(text).contains("Targets that need action", "2 targets passed every check that blocks",
        "ListingIncomplete");
    String all = browser.eval("document.body.textContent").asText(); // passing targets sit folded
    for (Report.TargetResult t : SampleReports.manyTargets().targets()) assertThat(all).contains(t.target().label());
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
