package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrierTest {
  final List<Long> sleeps = new ArrayList<>();
  final Retrier retrier = new Retrier(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250)),
      sleeps::add, ceiling -> ceiling);

  static Exception error(String kind, String code) {
    return switch (kind) {
      case "core" -> new ClientException(code, "m", "req");
      case "server" -> new ServerException(code, "m", "req");
      case "oss" -> new com.aliyun.oss.OSSException("m", code, "req", "host", null, null, null);
      default -> new IllegalStateException(code);
    };
  }

  @ParameterizedTest
  @CsvSource({
      "core,Throttling.User,true", "core,Throttling,true", "core,Throttling.Api,true",
      "core,ServiceUnavailable,true", "server,InternalError,true", "oss,InternalError,true",
      "oss,ServiceUnavailable,true", "core,Forbidden.RAM,false", "core,InvalidImageId.NotFound,false",
      "oss,NoSuchBucket,false", "oss,AccessDenied,false", "other,x,false",
  })
  void retriesOnlyThrottlingUnavailableAndServerErrors(String kind, String code, boolean retried) {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retrier.call("ecs:X", () -> {
      calls.incrementAndGet();
      throw error(kind, code);
    })).isInstanceOf(ApiException.class);
    assertThat(calls.get()).isEqualTo(retried ? 4 : 1);
  }

  @Test
  void backoffIsExponentialAndCapped() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Supplier<String> flaky = () -> "ok";
    String r = retrier.call("ecs:X", () -> {
      if (calls.incrementAndGet() < 4) throw error("core", "Throttling.User");
      return flaky.get();
    });
    assertThat(r).isEqualTo("ok");
    assertThat(sleeps).containsExactly(100L, 200L, 250L);
  }

  @Test
  void errorCarriesApiCodeAndMessage() {
    assertThatThrownBy(() -> retrier.call("ram:GetRole", () -> {
      throw error("core", "EntityNotExist.Role");
    })).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.api()).isEqualTo("ram:GetRole");
      assertThat(e.code()).isEqualTo("EntityNotExist.Role");
      assertThat(e.getMessage()).isEqualTo("m");
    });
  }

  @Test
  void jitterStaysUnderTheCeiling() {
    Retrier real = new Retrier(RetryPolicy.DEFAULT);
    assertThat(RetryPolicy.DEFAULT.ceilingMillis(10)).isEqualTo(2000);
    assertThat(real.policy().maxAttempts()).isGreaterThan(1);
  }
}
