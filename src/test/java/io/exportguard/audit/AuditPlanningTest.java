package io.exportguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit's planning parts: API rates, shards, image selection and the pacer's accounting. */
class AuditPlanningTest {
  @Test
  void apiRatesTakeABaseThenOverridesPerApiAndPerProduct() {
    ApiRates r = ApiRates.parse("10,ecs:DescribeSnapshots=50,ram:*=5");
    assertThat(r.rate("ecs:DescribeSnapshots")).isEqualTo(50);
    assertThat(r.rate("ECS:describesnapshots")).isEqualTo(50);
    assertThat(r.rate("ram:ListUsers")).isEqualTo(5);
    assertThat(r.rate("ecs:DescribeImages")).isEqualTo(10);
    assertThat(ApiRates.parse(null).rate("oss:GetBucketAcl")).isEqualTo(ApiRates.DEFAULT);
    for (String bad : List.of("fast", "0", "-1", "ecs:DescribeImages=x", "ecs DescribeImages=3", "NaN", "1e9")) {
      assertThatThrownBy(() -> ApiRates.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shardsPartitionEveryTargetExactlyOnceAndAlikeInEveryProcess() {
    int n = 3;
    int[] sizes = new int[n];
    for (int i = 0; i < 3000; i++) {
      String image = String.format("m-gen%07d", i);
      int owners = 0;
      for (int s = 1; s <= n; s++) {
        if (new Shard(s, n).owns("1234567890123456", "cn-hangzhou", image)) {
          owners++;
          sizes[s - 1]++;
        }
      }
      assertThat(owners).as(image).isEqualTo(1);
    }
    for (int size : sizes) assertThat(size).isBetween(850, 1150);
    assertThat(Shard.bucketOf("a\u0000b\u0000c", 7)).isEqualTo(Shard.bucketOf("a\u0000b\u0000c", 7));
    assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
    for (String bad : List.of("0/2", "3/2", "1", "a/b", "1/0", "", "1/2/3")) {
      assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void imagePatternsSelectWithWildcardsAndQuoteEverythingElse() {
    AuditPlan plan = new AuditPlan(null, List.of("m-bp1*", "m-x.y"), null, Map.of(), "R", Duration.ofDays(1), null, null);
    assertThat(plan.selects("m-bp1demo")).isTrue();
    assertThat(plan.selects("m-x.y")).isTrue();
    assertThat(plan.selects("m-xzy")).isFalse();
    assertThat(plan.selects("m-bp2")).isFalse();
    AuditPlan mapped = new AuditPlan(null, null, "fallback", Map.of("cn-shanghai", "sh-exports"), "R",
        Duration.ofDays(1), null, null);
    assertThat(mapped.bucketFor("cn-shanghai")).isEqualTo("sh-exports");
    assertThat(mapped.bucketFor("cn-hangzhou")).isEqualTo("fallback");
    assertThat(mapped.selects("anything")).isTrue();
  }

  @Test
  void thePacerCountsEveryAttemptAndNamesTheThrottledOnesPerApi() throws InterruptedException {
    ApiPacer pacer = new ApiPacer(ApiRates.uniform(100_000));
    for (int i = 0; i < 3; i++) {
      pacer.enter("ecs:DescribeImages");
      pacer.exit("ecs:DescribeImages", i == 0);
    }
    pacer.enter("ram:ListUsers");
    pacer.exit("ram:ListUsers", false);
    assertThat(pacer.calls()).containsExactly(Map.entry("ecs:DescribeImages", 3L), Map.entry("ram:ListUsers", 1L));
    assertThat(pacer.throttled()).containsExactly(Map.entry("ecs:DescribeImages", 1L));
    assertThat(pacer.summary()).isEqualTo("4 calls (ecs:DescribeImages 3 (1 throttled), ram:ListUsers 1), 1 throttled");
  }
}
