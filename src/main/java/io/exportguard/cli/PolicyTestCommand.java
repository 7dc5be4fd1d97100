package io.exportguard.cli;

import io.exportguard.policy.PolicyTests;
import io.exportguard.rego.RegoVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard policy test [DIR]...}: runs the test_ rules of *_test.rego (and test_*.rego) files, like {@code opa test}. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {
        "Runs the test_* rules of the *_test.rego (and test_*.rego) files in the directories (default: the built-in pack;",
        "directories given are tested with the pack's exportguard.lib packages, which they may import)",
        "and prints PASS/FAIL per test and 'N passed, M failed'.",
        "Exit 0 when all pass, 1 when one fails, 2 when the policies do not load or compile."})
public final class PolicyTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "DIR", description = "Policy directories or files to test.")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--v0-compatible",
      description = "Read the policies as OPA 0.x did (p { }, deny[msg] { }, keywords only when imported).")
  boolean v0Compatible;

  @Option(names = {"-r", "--run"}, paramLabel = "REGEX",
      description = "Only run tests whose full name (data.<package>.<rule>) matches the regular expression.")
  String run;

  @Override
  public Integer call() {
    RegoVersion version = v0Compatible ? RegoVersion.V0 : RegoVersion.V1;
    return PolicyTests.execute(dirs, run, version, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
