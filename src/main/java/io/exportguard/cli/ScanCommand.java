package io.exportguard.cli;

import io.exportguard.run.ScanRunner;
import io.exportguard.scan.ScanSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard scan}: binds the flags and hands them to {@link ScanRunner}. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Checks Terraform plans (terraform show -json), ROS templates and RAM/OSS policy files before"
        + " anything is applied, with the same policies as preflight. Folders are searched; files they hold that"
        + " are not understood are listed as ignored.",
        "Exit 0 pass, 1 fail, 2 error or bad input."})
public final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Plan JSON, ROS template, policy file or folder.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--trust-policy", paramLabel = "FILE", description = "Trust policy of the export role under review.")
  List<Path> trustPolicies = new ArrayList<>();

  @Option(names = "--role-policy", paramLabel = "FILE",
      description = "Policy attached to the export role under review (repeatable).")
  List<Path> rolePolicies = new ArrayList<>();

  @Option(names = "--bucket-policy", paramLabel = "FILE", description = "Bucket policy of the target bucket under review.")
  List<Path> bucketPolicies = new ArrayList<>();

  @Option(names = "--parameters", paramLabel = "FILE", description = "ROS parameter values (JSON or YAML).")
  Path parameters;

  @Option(names = "--terraform-dir", paramLabel = "DIR",
      description = "Root module folder, for the .tf lines of plan resources (default: the plan's folder).")
  Path terraformDir;

  @Option(names = "--region", paramLabel = "R", description = "Region of the request checked against the files.")
  String region;

  @Option(names = "--image", paramLabel = "I", description = "Image of the request checked against the files.")
  String image;

  @Option(names = "--bucket", paramLabel = "B", description = "Bucket of the request checked against the files.")
  String bucket;

  @Option(names = "--prefix", paramLabel = "P", description = "OSSPrefix of the request.")
  String prefix;

  @Option(names = "--format", paramLabel = "F", description = "ImageFormat of the request (default raw).")
  String format;

  @Option(names = "--role", paramLabel = "NAME", description = "RoleName of the request (default AliyunECSImageExportDefaultRole).")
  String role;

  @Option(names = "--account-id", paramLabel = "ID", description = "Account the files are applied in (for role ARNs).")
  String accountId;

  @Option(names = "--facts", paramLabel = "FILE", description = "Facts document (preflight --save-facts) for what the files do not declare.")
  Path facts;

  @Option(names = "--live", description = "Gather what the files do not declare (the image, tasks) from the cloud.")
  boolean live;

  @Option(names = "--profile", paramLabel = "NAME", description = "With --live: profile of the aliyun CLI's config.")
  String profile;

  @Option(names = "--sandbox", paramLabel = "SCENARIO", description = "With --live: the built-in emulator with this scenario.")
  String sandbox;

  @Option(names = "--endpoint", paramLabel = "URL", description = "With --live: send every call to an emulator at URL.")
  String endpoint;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "Bound on the run (default 5m).")
  String timeout;

  @Mixin PolicyFlags policyFlags;

  @Mixin EngineFlags engineFlags;

  @Override
  public Integer call() {
    ScanSource.RequestFlags request = new ScanSource.RequestFlags(region, image, bucket, prefix, format, role);
    ScanSource.Options scan = new ScanSource.Options(paths, trustPolicies, rolePolicies, bucketPolicies, parameters,
        terraformDir, request, accountId);
    return new ScanRunner(spec.commandLine().getOut(), spec.commandLine().getErr(), engineFlags.engines(spec))
        .run(new ScanRunner.Options(scan, policyFlags.toOptions(), facts, live, profile, sandbox, endpoint, timeout));
  }
}
