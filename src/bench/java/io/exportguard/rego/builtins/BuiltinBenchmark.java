package io.exportguard.rego.builtins;

import io.exportguard.rego.value.ArrayValue;
import io.exportguard.rego.value.NumberValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * regex.match, glob.match and sprintf over inputs like the policy pack's: bucket names, RAM role ARNs,
 * OSS object keys and finding messages. "cold" variants start from an empty policy cache, showing what
 * the per-policy cache saves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BuiltinBenchmark {
  private Builtin regexMatch;
  private Builtin globMatch;
  private Builtin sprintf;
  private BuiltinContext warm;

  private final List<Value> bucketRegex = List.of(StringValue.of("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"),
      StringValue.of("exportguard-images-cn-hangzhou-01"));
  private final List<Value> arnRegex = List.of(StringValue.of("^acs:ram::[0-9]+:role/[A-Za-z0-9._-]+$"),
      StringValue.of("acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole"));
  private final List<Value> keyGlob = List.of(StringValue.of("exports/**/*.raw"), ArrayValue.of(StringValue.of("/")),
      StringValue.of("exports/2026/01/m-bp1abcdefghijklmnopq/system.raw"));
  private final List<Value> hostGlob = List.of(StringValue.of("*.{oss,ecs}-cn-*.aliyuncs.com"), ArrayValue.EMPTY,
      StringValue.of("bucket.oss-cn-hangzhou.aliyuncs.com"));
  private final List<Value> message = List.of(
      StringValue.of("image %s (%s) cannot be exported to oss://%s/%s: %d snapshots, %.1f GiB, tags %v"),
      ArrayValue.of(StringValue.of("m-bp1abcdefghijklmnopq"), StringValue.of("system"),
          StringValue.of("exportguard-images"), StringValue.of("exports/2026/"), NumberValue.of(3),
          NumberValue.of(new BigDecimal("40.25")),
          ArrayValue.of(StringValue.of("env=prod"), StringValue.of("owner=team-a"))));

  @Setup
  public void setup() {
    BuiltinRegistry r = BuiltinRegistry.standard();
    regexMatch = r.lookup("regex.match").orElseThrow().impl();
    globMatch = r.lookup("glob.match").orElseThrow().impl();
    sprintf = r.lookup("sprintf").orElseThrow().impl();
    warm = new SimpleBuiltinContext(Instant.EPOCH, new ConcurrentHashMap<>(), false);
  }

  private static BuiltinContext cold() { return new SimpleBuiltinContext(Instant.EPOCH, new ConcurrentHashMap<>(), false); }

  @Benchmark public Value regexMatchBucketName() { return regexMatch.call(warm, bucketRegex); }

  @Benchmark public Value regexMatchRoleArn() { return regexMatch.call(warm, arnRegex); }

  @Benchmark public Value regexMatchRoleArnCold() { return regexMatch.call(cold(), arnRegex); }

  @Benchmark public Value globMatchObjectKey() { return globMatch.call(warm, keyGlob); }

  @Benchmark public Value globMatchHost() { return globMatch.call(warm, hostGlob); }

  @Benchmark public Value globMatchHostCold() { return globMatch.call(cold(), hostGlob); }

  @Benchmark public Value sprintfFinding() { return sprintf.call(warm, message); }
}
