package io.exportguard.policy;

import io.exportguard.policy.bundle.Bundle;
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
public final class LoadedPolicies {
  private final List<RegoModule> modules;
  private final ObjectValue data;
  private final List<Bundle> bundles;
  private volatile String sha256;

  public LoadedPolicies(List<RegoModule> modules, ObjectValue data) {
    this(modules, data, List.of());
  }

  public LoadedPolicies(List<RegoModule> modules, ObjectValue data, List<Bundle> bundles) {
    this.modules = List.copyOf(modules);
    this.data = data;
    this.bundles = List.copyOf(bundles);
  }

  /** The OPA bundles among the sources, in the order given (their modules and data are in the above). */
  public List<Bundle> bundles() { return bundles; }

  public List<RegoModule> modules() { return modules; }

  public ObjectValue data() { return data; }

  /**
   * The fingerprint, computed on first use: only export evidence needs it, and hashing (with the
   * security provider set-up it brings) would otherwise sit on every run's start-up path.
   */
  public String sha256() {
    String s = sha256;
    if (s == null) sha256 = s = PolicyLoader.fingerprint(modules, data);
    return s;
  }

  /** The same policies with the modules that do not name their Rego version read as {@code version}. */
  public LoadedPolicies withRegoVersion(io.exportguard.rego.RegoVersion version) {
    List<RegoModule> out = new java.util.ArrayList<>(modules.size());
    for (RegoModule m : modules) out.add(m.version() != null ? m : new RegoModule(m.file(), m.source(), version));
    return new LoadedPolicies(out, data, bundles);
  }

  /** Compiles the modules over the data. */
  public PolicySet compile() throws RegoException {
    return Rego.compile(modules, data);
  }
}
