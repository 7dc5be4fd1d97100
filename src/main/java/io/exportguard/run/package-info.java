/**
 * Composes each command's pipeline from the stages below it, in the order data moves:
 * {@link io.exportguard.run.CloudSession} (where calls go, whose credentials, the SDK clients) →
 * a {@link io.exportguard.facts.FactsSource} (preflight's {@code cloud.LiveImageSource}, eval's
 * {@code facts.SavedFactsSource}) → {@link io.exportguard.run.TargetPipeline}: the one compiled
 * {@code policy.CheckEvaluation} decides each target, then the run's steps (preflight's
 * {@code export.ExportStep}) → a {@code report.ReportSink} → {@link io.exportguard.run.ReportOutput}
 * writes the formats. {@link io.exportguard.run.PreflightRunner} and
 * {@link io.exportguard.run.EvalRunner} are short compositions of these; every flag is checked
 * ({@link io.exportguard.run.PathFlags}, {@link io.exportguard.run.Durations}) before the first call.
 *
 * <h2>Adding a facts source (an audit, a static scan)</h2>
 * <ol>
 *   <li>Implement {@code facts.FactsSource} in the package of the new capability ({@code audit},
 *       {@code scan}): deliver one {@code TargetFacts} per target, each with a
 *       {@code facts.TargetRef} whose kind ({@code image}, {@code plan-resource}, {@code file}) and
 *       stable label name it, as soon as its document is complete, from as many threads as suits
 *       the source. A fact that could not be gathered is an entry in the document's
 *       {@code errors}; a failure that belongs to no target goes to {@code Sink.error}.</li>
 *   <li>Write a runner here: check the flags, start a {@link io.exportguard.run.PolicyCompilation}
 *       and a {@link io.exportguard.run.ReportOutput} (bad input before any call), open a
 *       {@link io.exportguard.run.CloudSession} if the source calls the cloud, then
 *       {@code new TargetPipeline(policies.evaluation()).run(source, sink)} with a
 *       {@code report.ReportCollector(false)} (or a streaming sink for very large runs), and write
 *       {@code collector.report(...)}: a {@code exportguard.report/v2} report of many targets,
 *       which every writer renders. The exit code is its verdict's.</li>
 *   <li>Keep the cli command to flag parsing; add the command to {@code cli.Main}.</li>
 * </ol>
 */
package io.exportguard.run;
