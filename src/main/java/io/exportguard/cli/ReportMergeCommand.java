package io.exportguard.cli;

import io.exportguard.run.PolicyOptions;
import io.exportguard.run.ReportMergeRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard report merge FILE...}: binds the flags and hands them to {@link ReportMergeRunner}. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Combines the JSON reports of an audit's shards (--shard i/n) into the report of the whole audit,",
        "in any format. Exit 0 pass, 1 fail, 2 error, or a shard missing, repeated or overlapping."})
public final class ReportMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--report", paramLabel = "FORMATS",
      description = "Comma list of json,jsonl,html,sarif,junit,md,console (default: console,json).")
  String report = PolicyOptions.DEFAULT_REPORTS;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the report files (default: reports).")
  Path out = PolicyOptions.DEFAULT_OUT;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON reports of the shards.")
  List<Path> files;

  @Override
  public Integer call() {
    return new ReportMergeRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(files, report, out);
  }
}
