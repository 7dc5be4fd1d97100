package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import org.junit.jupiter.api.Test;

/**
 * The built-in pack's compiled form, which the build puts on the classpath and start-up loads
 * instead of compiling the pack: it is there, it is exactly what compiling the pack gives now, and
 * it is what the pack's policy set is loaded from (see CompiledPackIT for the verdicts).
 */
class BuiltInPackFormTest {
  @Test
  void theBuildPutsTheFormOfTheCurrentPackOnTheClasspath() throws Exception {
    byte[] packaged = BuiltInPackForm.read();
    assertThat(packaged).as(BuiltInPackForm.RESOURCE + " (made by the build, after compiling the classes)").isNotNull();
    assertThat(packaged).as("the packaged form against a fresh compile of the pack").isEqualTo(BuiltInPackForm.make());
  }

  @Test
  void theBuiltInPackIsLoadedFromItsFormAndItsPackagesAreThoseOfAFreshCompile() throws Exception {
    LoadedPolicies pack = PolicyLoader.load(PolicyLoader.Sources.defaults());
    PolicySet loaded = pack.compile();
    PolicySet compiled = Rego.builder().modules(pack.modules()).data(pack.data()).compile();

    assertThat(loaded.fromCompiledForm()).isTrue();
    assertThat(compiled.fromCompiledForm()).isFalse();
    assertThat(loaded.packages()).isEqualTo(compiled.packages());
  }

  @Test
  void theFormHoldsThePlansOfEveryChecksQueriesAndWritesBackTheSameBytes() throws Exception {
    byte[] packaged = BuiltInPackForm.read();
    PolicySet loaded = PolicyLoader.load(PolicyLoader.Sources.defaults()).compile();
    assertThat(loaded.fromCompiledForm()).isTrue();
    // Nothing prepared since loading: the queries written back are those the form held, and the
    // modules are decoded from it only now.
    assertThat(loaded.compiledForm()).isEqualTo(packaged);
  }

  @Test
  void theFormIsNotUsedForAnyOtherSetOfModulesOrWhenSwitchedOff() throws Exception {
    LoadedPolicies withTests = PolicyLoader.load(new PolicyLoader.Sources(java.util.List.of(), true, java.util.List.of(), true));
    assertThat(withTests.compile().fromCompiledForm()).isFalse();

    System.setProperty("exportguard.compiledPack", "false");
    try {
      assertThat(PolicyLoader.load(PolicyLoader.Sources.defaults()).compile().fromCompiledForm()).isFalse();
    } finally {
      System.clearProperty("exportguard.compiledPack");
    }
  }
}
