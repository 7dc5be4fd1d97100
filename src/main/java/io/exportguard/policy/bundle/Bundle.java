package io.exportguard.policy.bundle;

import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.ObjectValue;
import java.util.List;

/**
 * One loaded bundle.
 *
 * @param source where it came from (the file name as given), also the prefix of its module names
 * @param manifest its {@code .manifest}, or {@link BundleManifest#DEFAULT}
 * @param modules its Rego modules, named {@code source/path}
 * @param data its data files mounted by directory and merged
 * @param signature "verified" when a key verified its signature, "none" when it was not signed
 */
public record Bundle(String source, BundleManifest manifest, List<RegoModule> modules, ObjectValue data,
                     String signature) {
  public Bundle {
    modules = List.copyOf(modules);
  }
}
