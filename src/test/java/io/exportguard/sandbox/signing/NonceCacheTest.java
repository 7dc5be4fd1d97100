package io.exportguard.sandbox.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceCacheTest {
  @Test
  void aNonceIsAcceptedOncePerKeyWithinTheWindow() {
    NonceCache cache = new NonceCache(1000);
    assertThat(cache.firstUse("k", "n1", 0)).isTrue();
    assertThat(cache.firstUse("k", "n1", 500)).isFalse();
    assertThat(cache.firstUse("other", "n1", 500)).isTrue();
    assertThat(cache.firstUse("k", "n1", 1500)).as("still in the previous generation").isFalse();
    assertThat(cache.firstUse("k", "n1", 3600)).as("forgotten after two windows").isTrue();
  }

  @Test
  void memoryIsBoundedButRecentNoncesAreStillCaught() {
    NonceCache cache = new NonceCache(60_000, 100);
    for (int i = 0; i < 1000; i++) {
      assertThat(cache.firstUse("k", "n" + i, 10)).isTrue();
    }
    assertThat(cache.firstUse("k", "n999", 10)).isFalse();
    assertThat(cache.firstUse("k", "n950", 10)).isFalse();
  }
}
