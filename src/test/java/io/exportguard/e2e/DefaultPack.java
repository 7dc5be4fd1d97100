package io.exportguard.e2e;

import io.exportguard.policy.CheckDiscovery;
import io.exportguard.policy.PolicyLoader;

/**
 * The built-in pack, compiled once for the end-to-end tests. A pack that does not compile fails
 * every test that needs it (it is the product's default, never an optional part to skip).
 */
final class DefaultPack {
  private static String failure;
  private static boolean checked;

  private DefaultPack() {}

  /** Returns when the built-in pack compiles; throws AssertionError with the compiler's message when it does not. */
  static synchronized void mustCompile() {
    if (!checked) {
      checked = true;
      try {
        CheckDiscovery.discover(PolicyLoader.load(PolicyLoader.Sources.defaults()).compile().packages());
      } catch (Exception e) {
        failure = String.valueOf(e.getMessage());
      }
    }
    if (failure != null) throw new AssertionError("the built-in policy pack does not compile: " + failure);
  }
}
