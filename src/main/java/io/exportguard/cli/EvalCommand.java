package io.exportguard.cli;

import io.exportguard.run.EvalRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exportguard eval}: binds the flags and hands them to {@link EvalRunner}. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Evaluates a saved facts document (from preflight --save-facts) offline.",
        "Exit 0 pass, 1 fail, 2 error or bad input."})
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--facts", required = true, paramLabel = "FILE", description = "Facts document (exportguard.facts/v1).")
  Path facts;

  @Mixin PolicyFlags policyFlags;

  @Mixin EngineFlags engineFlags;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Bound on evaluating every check, e.g. 30s, 5m (default: 5m).")
  String timeout;

  @Override
  public Integer call() {
    return new EvalRunner(spec.commandLine().getOut(), spec.commandLine().getErr(), engineFlags.engines(spec))
        .run(facts, policyFlags.toOptions(), timeout);
  }
}
