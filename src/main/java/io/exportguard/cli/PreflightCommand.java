package io.exportguard.cli;

import io.exportguard.facts.Request;
import io.exportguard.run.PreflightRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exportguard preflight}: binds the flags and hands them to {@link PreflightRunner}. */
@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Gathers the facts of one ExportImage request, evaluates the policies and decides.",
        "Exit 0 pass, 1 fail, 2 error or bad input."})
public final class PreflightCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--region", required = true, paramLabel = "R", description = "Region of the image (RegionId).")
  String region;

  @Option(names = "--image", required = true, paramLabel = "I", description = "Custom image id (ImageId).")
  String image;

  @Option(names = "--bucket", required = true, paramLabel = "B", description = "Target OSS bucket (OSSBucket).")
  String bucket;

  @Option(names = "--prefix", paramLabel = "P", description = "OSSPrefix of the exported objects.")
  String prefix;

  @Option(names = "--format", paramLabel = "F", defaultValue = Request.DEFAULT_FORMAT,
      description = "ImageFormat: raw, vhd, qcow2, vmdk or vdi (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--role", paramLabel = "NAME", defaultValue = Request.DEFAULT_ROLE,
      description = "RoleName (default: ${DEFAULT-VALUE}).")
  String role;

  @Mixin PolicyFlags policyFlags;

  @Mixin EngineFlags engineFlags;

  @Mixin CloudFlags cloud;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Bound on the run (default 5m; with --export --wait the wait defaults to 60m).")
  String timeout;

  @Option(names = "--save-facts", paramLabel = "FILE", description = "Write the gathered facts document to FILE.")
  Path saveFacts;

  @Option(names = "--export", description = "When the verdict is pass, run ExportImage with the checked request.")
  boolean export;

  @Option(names = "--wait", description = "With --export: follow the task to the end and verify the objects in OSS.")
  boolean await;

  @Override
  public Integer call() {
    Request request = Request.of(region, image, bucket, prefix, format, role);
    return new PreflightRunner(spec.commandLine().getOut(), spec.commandLine().getErr(), engineFlags.engines(spec))
        .run(new PreflightRunner.Options(request, policyFlags.toOptions(), cloud.profile, cloud.sandbox, cloud.endpoint,
            timeout, saveFacts, export, await));
  }
}
