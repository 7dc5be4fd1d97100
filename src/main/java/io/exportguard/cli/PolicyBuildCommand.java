package io.exportguard.cli;

import io.exportguard.run.PolicyBuildRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard policy build [DIR] -o FILE}: binds the flags and hands them to {@link PolicyBuildRunner}. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Writes the policies of DIR (default: the built-in pack) as an OPA bundle (.tar.gz) that",
        "'opa run -b' and '--bundle' load: .manifest, the .rego modules (not *_test.rego), data files,",
        "and .signatures.json with --signing-key. Exit 2 when the policies do not load or compile."})
public final class PolicyBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "Policy directory (default: the built-in pack).")
  Path dir;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The bundle to write.")
  Path output;

  @Option(names = "--revision", paramLabel = "REV",
      description = "The manifest revision (default: a digest of the bundle's files).")
  String revision;

  @Option(names = "--root", paramLabel = "PATH",
      description = "A manifest root (repeatable; default: the first segment of each package and data path).")
  List<String> roots = new ArrayList<>();

  @Option(names = "--signing-key", paramLabel = "KEY",
      description = "Sign the bundle: a PEM PKCS#8 private key file, or the HMAC secret.")
  String signingKey;

  @Option(names = "--signing-alg", paramLabel = "ALG", defaultValue = "RS256",
      description = "Signature algorithm (default: ${DEFAULT-VALUE}).")
  String signingAlg;

  @Override
  public Integer call() {
    return new PolicyBuildRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(new PolicyBuildRunner.Options(dir, output, revision, roots, signingKey, signingAlg));
  }
}
