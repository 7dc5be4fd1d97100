/**
 * The report model and one writer per output format behind {@link io.exportguard.report.ReportWriter}
 * (json, html, sarif, junit, md, console), chosen by name through
 * {@link io.exportguard.report.ReportWriters} and written into {@code --out} by
 * {@link io.exportguard.report.ReportFiles}.
 *
 * <p>Writers render only the {@link io.exportguard.report.Report} they are given: they never read
 * the clock or the environment, so a fixed {@code startedAt} gives byte-identical output. Every
 * string in a report may come from the cloud or a user (image names, tags, bucket and policy names,
 * messages) and is escaped for its format: HTML through Pebble, whose autoescaping is on by default
 * and never switched off for report data; XML, Markdown and terminal text through
 * {@code internal.Text}.
 */
package io.exportguard.report;
