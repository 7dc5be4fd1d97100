package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import io.exportguard.facts.Facts;
import io.exportguard.facts.Request;
import io.exportguard.facts.Skipped;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls whose input is already invalid are not made: pointed at a port nobody listens on, any
 * call would show up as an error, so "no errors" means "no calls".
 */
class FactGathererTest {

  static Facts gather(Request r) {
    CloudConfig config = CloudConfig.of(Endpoints.emulator("http://127.0.0.1:9"),
        new StaticCredentialsProvider(new BasicCredentials("id", "secret"))).withRetry(RetryPolicy.NONE);
    try (CloudClients clients = new CloudClients(config)) {
      return new FactGatherer(clients, Runnable::run).gather(r, Instant.now(), Duration.ofSeconds(10));
    }
  }

  @Test
  void nothingIsCalledWhenNothingIsValid() {
    Facts f = gather(new Request("", "", "Bad_Bucket", null, "raw", ""));
    assertThat(f.errors()).isEmpty();
    assertThat(f.skipped()).extracting(Skipped::area).containsExactly("region", "image", "snapshots", "role",
        "rolePolicies", "bucket", "bucketPolicy", "bucketEncryption", "tasks");
    assertThat(f.region()).isNull();
    assertThat(f.image()).isNull();
    assertThat(f.bucket()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "'cn hangzhou', m-1, my-bucket, image",
      "cn-hangzhou, '', my-bucket, snapshots",
      "cn-hangzhou, m-1, ab, bucketEncryption",
  })
  void anInvalidInputSkipsItsAreasAndNamesWhy(String region, String image, String bucket, String skippedArea) {
    Facts f = gather(new Request(region, image, bucket, null, "raw", "AliyunECSImageExportDefaultRole"));
    assertThat(f.skipped()).extracting(Skipped::area).contains(skippedArea);
    assertThat(f.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    // what was called failed (nobody listens), and only the areas that were called
    assertThat(f.errors()).allSatisfy(e -> assertThat(f.isSkipped(e.area())).isFalse());
  }
}
