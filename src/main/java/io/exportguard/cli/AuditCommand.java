package io.exportguard.cli;

import io.exportguard.facts.Request;
import io.exportguard.run.AuditRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exportguard audit}: binds the flags and hands them to {@link AuditRunner}. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
    description = {"Audits a whole account: the export readiness of every custom image in every region, the export",
        "role and buckets, the export history, and who can export. Exit 0 pass, 1 fail, 2 error, bad input or interrupted."})
public final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--regions", paramLabel = "all|R1,R2", description = "Regions to audit (default: all).")
  String regions;

  @Option(names = "--images", paramLabel = "ID,...", description = "Only these image ids ('*' wildcards).")
  String images;

  @Option(names = "--bucket", paramLabel = "B",
      description = "The export bucket to check in every audited region (or map regions to buckets with auditBuckets in --data).")
  String bucket;

  @Option(names = "--role", paramLabel = "NAME", defaultValue = Request.DEFAULT_ROLE,
      description = "The export role (default: ${DEFAULT-VALUE}).")
  String role;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "30d",
      description = "How far back the export history goes (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(names = "--shard", paramLabel = "i/n", description = "Decide only slice i of n (see 'exportguard report merge').")
  String shard;

  @Option(names = "--assume-role", paramLabel = "ARN", description = "Audit as this RAM role (STS AssumeRole), e.g. another account's.")
  String assumeRole;

  @Option(names = "--api-rate", paramLabel = "RATE",
      description = "Calls per second per API: N, then api=N overrides (default: 20; e.g. 20,ecs:DescribeSnapshots=50,ram:*=10).")
  String apiRate;

  @Option(names = {"--quiet", "-q"}, description = "No progress display.")
  boolean quiet;

  @Mixin PolicyFlags policyFlags;

  @Mixin CloudFlags cloud;

  @Override
  public Integer call() {
    return new AuditRunner(spec.commandLine().getOut(), spec.commandLine().getErr())
        .run(new AuditRunner.Options(regions, images, bucket, role, since, shard, assumeRole, apiRate, quiet,
            policyFlags.toOptions(), cloud.profile, cloud.sandbox, cloud.endpoint));
  }
}
