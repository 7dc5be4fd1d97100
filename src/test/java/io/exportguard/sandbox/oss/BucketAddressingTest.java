package io.exportguard.sandbox.oss;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Path style and virtual-hosted style resolve to the same bucket-first path. */
class BucketAddressingTest {
  static final Scenario DEMO = ScenarioLoader.load("demo-pass");

  static BucketAddressing.Addressed resolve(String host, String path) {
    return BucketAddressing.resolve(host, path, DEMO);
  }

  @Test
  void ipAddressesLocalhostAndOssEndpointsArePathStyle() {
    assertThat(resolve("127.0.0.1:8080", "/my-export-bucket/a/b.txt")).isEqualTo(new BucketAddressing.Addressed("/my-export-bucket/a/b.txt", null));
    assertThat(resolve("[::1]:8080", "/b/k").path()).isEqualTo("/b/k");
    assertThat(resolve("localhost:8080", "/b/").path()).isEqualTo("/b/");
    assertThat(resolve("oss-cn-hangzhou.aliyuncs.com", "/b/k")).isEqualTo(new BucketAddressing.Addressed("/b/k", "cn-hangzhou"));
    assertThat(resolve("oss-cn-hangzhou-internal.aliyuncs.com", "/b/k").endpointRegion()).isEqualTo("cn-hangzhou");
    assertThat(resolve("oss-accelerate.aliyuncs.com", "/b/k")).isEqualTo(new BucketAddressing.Addressed("/b/k", null));
    assertThat(resolve(null, "/b/k").path()).isEqualTo("/b/k");
  }

  @Test
  void aBucketInTheHostPrefixesThePath() {
    assertThat(resolve("my-export-bucket.oss-cn-beijing.aliyuncs.com", "/"))
        .isEqualTo(new BucketAddressing.Addressed("/my-export-bucket/", "cn-beijing"));
    assertThat(resolve("Any-Bucket.OSS-CN-HANGZHOU.aliyuncs.com:443", "/dir/obj.txt").path()).isEqualTo("/any-bucket/dir/obj.txt");
    assertThat(resolve("unknown-bucket.localhost:9000", "/k").path()).isEqualTo("/unknown-bucket/k");
    assertThat(resolve("b1.oss-accelerate.aliyuncs.com", "/k")).isEqualTo(new BucketAddressing.Addressed("/b1/k", null));
    // A name the user mapped to the sandbox: virtual-hosted only when the label is one of the scenario's buckets.
    assertThat(resolve("my-export-bucket.oss.example.test", "/k").path()).isEqualTo("/my-export-bucket/k");
    assertThat(resolve("oss.example.test", "/my-export-bucket/k").path()).isEqualTo("/my-export-bucket/k");
  }
}
