package io.exportguard.cli;

import io.exportguard.opa.OpaEngineFactory;
import io.exportguard.opa.OpaSettings;
import io.exportguard.policy.PolicyEngineFactory;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where checks are evaluated: the embedded engine, or an OPA server (a picocli mixin for preflight and eval). */
public final class EngineFlags {
  @Option(names = "--engine", paramLabel = "embedded|opa", defaultValue = "embedded",
      description = "Evaluate with the embedded Rego engine or on an OPA server (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--opa-url", paramLabel = "URL", description = "The OPA server, e.g. http://127.0.0.1:8181.")
  String opaUrl;

  @Option(names = "--opa-push",
      description = "Load the policies and their data onto the OPA server first (otherwise it must hold them).")
  boolean opaPush;

  @Option(names = "--opa-token-file", paramLabel = "FILE",
      description = "Bearer token for the OPA server (default: the OPA_TOKEN environment variable).")
  Path opaTokenFile;

  @Option(names = "--opa-ca-file", paramLabel = "FILE", description = "PEM certificates to trust for an https OPA URL.")
  Path opaCaFile;

  @Option(names = "--opa-timeout", paramLabel = "DURATION",
      description = "Bound on each OPA request, e.g. 10s (default 30s).")
  String opaTimeout;

  @Option(names = "--opa-connect-timeout", paramLabel = "DURATION",
      description = "Bound on connecting to the OPA server (default 5s).")
  String opaConnectTimeout;

  /** The engine the flags ask for; a bad combination is a usage error (exit 2). */
  PolicyEngineFactory engines(CommandSpec spec) {
    switch (engine) {
      case "embedded":
        // Only flags typed on the command line: a configuration file's OPA defaults stay quiet when a run
        // asks for the embedded engine.
        if (opaFlagGiven(spec)) throw new ParameterException(spec.commandLine(), "the --opa-* options need --engine opa");
        return PolicyEngineFactory.EMBEDDED;
      case "opa":
        try {
          return new OpaEngineFactory(OpaSettings.of(opaUrl, opaTokenFile, opaCaFile,
              duration(spec, "--opa-connect-timeout", opaConnectTimeout), duration(spec, "--opa-timeout", opaTimeout),
              opaPush, System.getenv()));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
      default:
        throw new ParameterException(spec.commandLine(), "--engine " + engine + ": expected embedded or opa");
    }
  }

  private static boolean opaFlagGiven(CommandSpec spec) {
    var parsed = spec.commandLine().getParseResult();
    return parsed != null && parsed.matchedOptions().stream().anyMatch(o -> o.longestName().startsWith("--opa-"));
  }

  private static Duration duration(CommandSpec spec, String flag, String text) {
    if (text == null) return null;
    try {
      return io.exportguard.run.Durations.parse(flag, text);
    } catch (io.exportguard.run.BadInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
