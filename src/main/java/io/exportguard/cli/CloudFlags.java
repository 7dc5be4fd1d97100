package io.exportguard.cli;

import picocli.CommandLine.Option;

/**
 * Where the cloud calls go: a profile of the aliyun CLI, the built-in emulator, or an emulator at a
 * URL (a picocli mixin for preflight and audit; scan words them for its --live).
 */
public final class CloudFlags {
  @Option(names = "--profile", paramLabel = "NAME", description = "Profile of the aliyun CLI's ~/.aliyun/config.json.")
  String profile;

  @Option(names = "--sandbox", paramLabel = "SCENARIO",
      description = "Run against the built-in emulator with this scenario (name or file); no credentials needed.")
  String sandbox;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Send every call to an emulator at URL.")
  String endpoint;
}
