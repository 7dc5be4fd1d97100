package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckScopeTest {

  @Test
  void scopesOfTheSameAreasAreEqualWhateverTheSetsOrder() {
    CheckScope a = CheckScope.of(Set.of("image", "snapshots"), Set.of("region"), true);
    CheckScope b = CheckScope.of(new java.util.LinkedHashSet<>(java.util.List.of("snapshots", "image")),
        Set.of("region"), true);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(CheckScope.ALL).isEqualTo(new CheckScope(null, null, true)).hasSameHashCodeAs(new CheckScope(null, null, true));
  }

  @Test
  void scopesDifferingInAnyPartAreNotEqual() {
    CheckScope a = CheckScope.of(Set.of("image"), Set.of("region"), true);
    assertThat(a).isNotEqualTo(CheckScope.of(Set.of("bucket"), Set.of("region"), true))
        .isNotEqualTo(CheckScope.of(Set.of("image"), Set.of(), true))
        .isNotEqualTo(CheckScope.of(Set.of("image"), Set.of("region"), false))
        .isNotEqualTo(CheckScope.ALL)
        .isNotEqualTo("image");
    assertThat(CheckScope.ALL).isNotEqualTo(a);
  }
}
