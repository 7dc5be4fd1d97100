package io.exportguard.e2e;

import io.exportguard.policy.CheckDiscovery;
import io.exportguard.policy.PolicyLoader;

/** Whether the embedded engine compiles the built-in pack in this build (it lands in stages). */
final class DefaultPack {
  private static Boolean available;
  private static String why;

  private DefaultPack() {}

  static synchronized boolean compiles() {
    if (available == null) {
      try {
        CheckDiscovery.discover(PolicyLoader.load(PolicyLoader.Sources.defaults()).compile().packages());
        available = true;
      } catch (Throwable t) {
        available = false;
        why = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
      }
    }
    return available;
  }

  static String why() { return "the built-in policy pack does not compile in this build yet: " + why; }
}
