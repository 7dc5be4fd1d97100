package io.exportguard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where policies come from: folders, the built-in pack, OPA bundles and their key (a picocli mixin). */
public final class PolicySourceFlags {
  @Option(names = "--policies", paramLabel = "DIR", description = "Add Rego and data files from DIR (repeatable).")
  List<Path> policies = new ArrayList<>();

  @Option(names = "--no-default-policies", description = "Leave the built-in policy pack out.")
  boolean noDefaultPolicies;

  @Option(names = "--bundle", paramLabel = "FILE", description = "Load an OPA bundle (.tar.gz; repeatable).")
  List<Path> bundles = new ArrayList<>();

  @Option(names = "--verification-key", paramLabel = "KEY",
      description = "Verify bundle signatures: a PEM public key file, or the HMAC secret.")
  String verificationKey;

  @Option(names = "--signing-alg", paramLabel = "ALG", defaultValue = "RS256",
      description = "Algorithm of the bundle signatures (default: ${DEFAULT-VALUE}).")
  String signingAlg;
}
