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
    assertThat(cache.firstUse("k", "n1", 2000)).isTrue();
  }
}
