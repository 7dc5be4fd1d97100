package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.facts.Facts;
import io.exportguard.facts.Skipped;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every per-code scenario gathers without a single fact error; the invalid requests skip what they must. */
class ScenarioFactsIT {

  static List<ScenarioRequest> scenarios() { return ScenarioRequest.perCode(); }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void gathersCleanly(ScenarioRequest s) {
    try (SandboxClients c = new SandboxClients(s.scenario())) {
      Facts f = c.gather(s.request());
      assertThat(f.errors()).as(s.code()).isEmpty();
      List<String> skipped = f.skipped().stream().map(Skipped::area).toList();
      switch (s.code()) {
        case "InvalidRegionId.NotFound" -> {
          assertThat(f.region().exists()).isFalse();
          assertThat(skipped).contains("image", "snapshots", "bucket", "bucketPolicy", "bucketEncryption", "tasks");
        }
        case "InvalidOSSBucket.NotMatched" -> assertThat(skipped).containsExactly("bucket", "bucketPolicy", "bucketEncryption");
        case "MissingParameter" -> assertThat(skipped).containsExactly("bucket", "bucketPolicy", "bucketEncryption");
        case "InvalidImageId.NotFound" -> {
          assertThat(f.image().exists()).isFalse();
          assertThat(skipped).containsExactly("snapshots");
        }
        case "ImageIsExporting" -> assertThat(f.tasks().exportsInProgress())
            .anySatisfy(t -> assertThat(t.imageId()).isEqualTo(s.request().imageId()));
        case "InvalidOSSBucket.NotFound" -> {
          // OSS answers AccessDenied with the bucket's endpoint: it exists in another region,
          // where its other facts are then read
          assertThat(f.bucket().exists()).isTrue();
          assertThat(f.bucket().regionId()).isEqualTo("cn-shanghai");
          assertThat(f.bucket().location()).isEqualTo("oss-cn-shanghai");
          assertThat(f.bucket().acl()).isNotNull();
          assertThat(f.bucket().encryption()).isNotNull();
          assertThat(skipped).isEmpty();
        }
        default -> assertThat(skipped).isEmpty();
      }
    }
  }
}
