package io.exportguard.cli;

import io.exportguard.run.ServeRunner;
import io.exportguard.serve.ServeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exportguard serve}: binds the flags and hands them to {@link ServeRunner}. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Serves OPA's REST API (Data, Policy, Query, Health) with the embedded engine, and",
        "POST /v1/exportguard/preflight (a facts document in, the report JSON out), until stopped."})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--addr", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8181",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String addr;

  @Mixin PolicySourceFlags sources;

  @Option(names = "--authentication", paramLabel = "off|token", defaultValue = "off",
      description = "token: require 'Authorization: Bearer' with a token from --token-file (default: ${DEFAULT-VALUE}).")
  String authentication;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Accepted bearer tokens, one per line.")
  Path tokenFile;

  @Option(names = "--max-request-bytes", paramLabel = "N", description = "Largest request body (default: 16 MiB).")
  long maxRequestBytes = ServeOptions.DEFAULT_MAX_BODY;

  @Option(names = "--eval-timeout", paramLabel = "DURATION", description = "Bound on one evaluation (default 30s).")
  String evalTimeout;

  @Option(names = "--shutdown-grace-period", paramLabel = "DURATION",
      description = "How long a stop waits for requests in flight (default 10s).")
  String shutdownGrace;

  @Option(names = "--v0-compatible",
      description = "Read --policies and Policy API modules as OPA 0.x Rego; the built-in pack and bundles keep their own.")
  boolean v0Compatible;

  /** For tests: stop by itself after this long instead of waiting for a signal. */
  @Option(names = "--stop-after", hidden = true, paramLabel = "DURATION")
  Duration stopAfter;

  @Override
  public Integer call() {
    return new ServeRunner(spec.commandLine().getOut(), spec.commandLine().getErr()).run(new ServeRunner.Options(addr,
        sources.policies, sources.noDefaultPolicies, sources.bundles, sources.verificationKey, sources.signingAlg,
        authentication, tokenFile, maxRequestBytes, evalTimeout, shutdownGrace, v0Compatible, stopAfter));
  }
}
