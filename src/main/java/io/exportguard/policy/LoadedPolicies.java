package io.exportguard.policy;

import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.ObjectValue;
import java.util.List;

/**
 * What {@link PolicyLoader} found: the Rego modules (ordered by file name), the merged base data
 * document, and a SHA-256 over both, the fingerprint of the policy set recorded in export evidence.
 */
public record LoadedPolicies(List<RegoModule> modules, ObjectValue data, String sha256) {
  public LoadedPolicies {
    modules = List.copyOf(modules);
  }

  /** Compiles the modules over the data. */
  public PolicySet compile() throws RegoException {
    return Rego.compile(modules, data);
  }
}
