package io.exportguard.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.sandbox.scenario.Scenario.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectorTest {
  static Fault error(String api, String code, Integer times, Double probability, long seed) {
    return new Fault(api, code, null, null, times, probability, seed, 0, 0, null, false, false);
  }

  @Test
  void timesCountsOnlyMatchingCalls() {
    FaultInjector f = new FaultInjector(List.of(error("ram:GetRole", "Throttling.User", 1, null, 0)));
    assertThat(f.apply("ecs:DescribeImages", false)).isNull();
    assertThat(f.apply("ram:GetRole", false)).isEqualTo(new FaultInjector.Injected(400, "Throttling.User", "Injected fault: Throttling.User."));
    assertThat(f.apply("ram:GetRole", false)).isNull();
  }

  @Test
  void aSeededProbabilityRepeatsExactly() {
    List<Boolean> first = new ArrayList<>();
    List<Boolean> second = new ArrayList<>();
    FaultInjector a = new FaultInjector(List.of(error("*", "InternalError", null, 0.3, 99)));
    FaultInjector b = new FaultInjector(List.of(error("*", "InternalError", null, 0.3, 99)));
    for (int i = 0; i < 200; i++) {
      first.add(a.apply("oss:GetObject", true) != null);
      second.add(b.apply("oss:GetObject", true) != null);
    }
    assertThat(first).isEqualTo(second);
    long fired = first.stream().filter(x -> x).count();
    assertThat(fired).isBetween(30L, 90L);
  }

  @Test
  void aRateLetsABurstOfOneSecondThroughThenThrottles() {
    FaultInjector f = new FaultInjector(List.of(new Fault("ecs:DescribeImages", null, null, null, null, null, 0, 0, 0, 5.0, false, false)));
    int throttled = 0;
    for (int i = 0; i < 20; i++) {
      FaultInjector.Injected r = f.apply("ecs:DescribeImages", false);
      if (r != null) {
        assertThat(r.code()).isEqualTo("Throttling.User");
        throttled++;
      }
    }
    assertThat(throttled).isBetween(10, 15); // 15 minus the tokens refilled while the loop runs
  }

  @Test
  void aRateOnEveryApiGivesEachApiItsOwnBudget() {
    FaultInjector shared = new FaultInjector(List.of(new Fault("*", null, null, null, null, null, 0, 0, 0, 5.0, false, false)));
    FaultInjector perApi = new FaultInjector(List.of(new Fault("*", null, null, null, null, null, 0, 0, 0, 5.0, true, false)));
    int sharedThrottled = 0;
    int perApiThrottled = 0;
    for (int i = 0; i < 5; i++) {
      for (String api : List.of("ecs:DescribeImages", "ecs:DescribeSnapshots", "ram:ListUsers")) {
        if (shared.apply(api, false) != null) sharedThrottled++;
        if (perApi.apply(api, false) != null) perApiThrottled++;
      }
    }
    assertThat(perApiThrottled).as("5 calls to each of 3 APIs, 5 per second each").isZero();
    assertThat(sharedThrottled).as("15 calls against one budget of 5").isBetween(8, 10);
  }

  @ParameterizedTest
  @CsvSource({"Throttling.User, false, 400", "Throttling.User, true, 503", "ServiceUnavailable, false, 503", "InternalError, true, 500",
      "NoSuchBucket, true, 404", "Forbidden.RAM, false, 403", "EntityNotExist.Role, false, 404", "Whatever, false, 400"})
  void defaultStatusesFollowTheCode(String code, boolean oss, int status) {
    assertThat(FaultInjector.defaultStatus(code, oss)).isEqualTo(status);
  }
}
