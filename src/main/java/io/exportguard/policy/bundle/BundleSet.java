package io.exportguard.policy.bundle;

import java.util.List;

/** OPA's rule for several bundles: no two may own overlapping roots (nor overlap the built-in pack's). */
public final class BundleSet {
  /** The root the built-in policy pack owns. */
  public static final String BUILTIN_ROOT = "exportguard";

  private BundleSet() {}

  /** Refuses overlapping roots between any two bundles, or between a bundle and the built-in pack when loaded. */
  public static void checkRoots(List<Bundle> bundles, boolean builtinPack) throws BundleException {
    for (int i = 0; i < bundles.size(); i++) {
      Bundle a = bundles.get(i);
      if (builtinPack && overlaps(a.manifest().roots(), List.of(BUILTIN_ROOT))) {
        throw new BundleException(a.source() + ": manifest roots " + a.manifest().roots() + " overlap the built-in"
            + " policy pack (root " + BUILTIN_ROOT + "); add --no-default-policies to decide with the bundle's"
            + " policies instead");
      }
      for (int j = i + 1; j < bundles.size(); j++) {
        Bundle b = bundles.get(j);
        if (overlaps(a.manifest().roots(), b.manifest().roots())) {
          throw new BundleException("detected overlapping roots in bundle manifests: " + a.source() + " "
              + a.manifest().roots() + " and " + b.source() + " " + b.manifest().roots());
        }
      }
    }
  }

  static boolean overlaps(List<String> a, List<String> b) {
    for (String x : a) {
      for (String y : b) {
        if (Roots.overlap(Roots.segments(x), Roots.segments(y))) return true;
      }
    }
    return false;
  }
}
