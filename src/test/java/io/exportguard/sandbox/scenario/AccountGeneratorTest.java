package io.exportguard.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountGeneratorTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theSameSpecGivesTheSameAccount() {
    AccountGenerator.Spec spec = AccountGenerator.Spec.of(3, 300).withNow(NOW);
    assertThat(AccountGenerator.yaml(spec)).isEqualTo(AccountGenerator.yaml(spec));
  }

  @Test
  void aGeneratedAccountLoadsAndMixesInWhatAnAuditReports() {
    Scenario s = ScenarioLoader.parse("gen.yaml", AccountGenerator.yaml(AccountGenerator.Spec.of(4, 1_000).withNow(NOW)));
    assertThat(s.regions()).hasSize(4);
    assertThat(s.images()).hasSize(1_000).allSatisfy(i -> assertThat(i.ownerAlias()).isEqualTo("self"));
    assertThat(s.images()).extracting(Scenario.Image::region).containsOnly("cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen");
    assertThat(s.snapshots()).anyMatch(Scenario.Snapshot::encrypted).anyMatch(x -> !x.productCode().isEmpty());
    assertThat(s.images()).anyMatch(i -> i.status().equals("Creating")).anyMatch(i -> i.osType().equals("windows"))
        .anyMatch(i -> i.dataDisks().stream().anyMatch(d -> d.sizeGiB() > 500));
    assertThat(s.users()).hasSize(20);
    assertThat(s.buckets()).anyMatch(b -> !b.owner().equals(AccountGenerator.ACCOUNT)).anyMatch(b -> b.acl().equals("public-read"));
    assertThat(s.tasks()).hasSize(25).anyMatch(t -> t.status().equals("Failed") && t.errorCode() != null)
        .anyMatch(t -> t.createdAt().isBefore(NOW.minus(Duration.ofDays(30))))
        .anyMatch(t -> t.export().bucket().equals(AccountGenerator.PUBLIC_BUCKET))
        .anyMatch(t -> t.export().bucket().equals(AccountGenerator.FOREIGN_BUCKET));
    assertThat(s.faults()).isEmpty();
  }

  @Test
  void aRateThrottlesEveryApi() {
    Scenario s = ScenarioLoader.parse("gen.yaml", AccountGenerator.yaml(AccountGenerator.Spec.of(1, 10).withRate(20).withNow(NOW)));
    assertThat(s.faults()).singleElement().satisfies(f -> {
      assertThat(f.api()).isEqualTo("*");
      assertThat(f.ratePerSecond()).isEqualTo(20.0);
      assertThat(f.perApi()).isTrue();
    });
  }
}
