/**
 * The last stage of every run: the {@link io.exportguard.report.ReportSink} that takes each decided
 * target, the report model (one target or many, with totals), and one writer per output format
 * behind {@link io.exportguard.report.ReportWriter}, chosen by name through
 * {@link io.exportguard.report.ReportWriters} and written into {@code --out} by
 * {@link io.exportguard.report.ReportFiles}. The exit codes ({@link io.exportguard.report.ExitCodes})
 * are the verdict's.
 *
 * <p>Writers render only the {@link io.exportguard.report.Report} they are given: they never read
 * the clock or the environment, so a fixed {@code startedAt} gives byte-identical output. Every
 * string in a report may come from the cloud or a user (image names, tags, bucket and policy names,
 * messages) and is escaped for its format: HTML through Pebble, whose autoescaping is on by default
 * and never switched off for report data; XML, Markdown and terminal text through
 * {@code internal.Text}.
 */
package io.exportguard.report;
