package io.exportguard.opa;

import com.bisnode.opa.client.OpaClientException;
import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.policy.CheckDefinition;
import io.exportguard.policy.CheckDiscovery;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyDefinitionException;
import io.exportguard.policy.PolicyEngine;
import io.exportguard.policy.PolicyEngineFactory;
import io.exportguard.rego.EvalOptions;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.StringValue;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the OPA engine. The policies are compiled here too: their METADATA says which packages
 * are checks (and a policy that does not compile is bad input before any server is asked). Then,
 * with {@code --opa-push}, the data and modules are loaded onto the server through the client's
 * Data and Policy APIs; without it, the server must already hold every module (same text) and the
 * same data, or no check is decided there.
 */
public final class OpaEngineFactory implements PolicyEngineFactory {
  static final int MAX_PARALLEL = 16;
  private final OpaSettings settings;

  public OpaEngineFactory(OpaSettings settings) { this.settings = settings; }

  @Override
  public PolicyEngine create(LoadedPolicies policies, EvalOptions options) throws PolicyDefinitionException {
    List<CheckDefinition> checks;
    List<PackageInfo> packages;
    try {
      packages = policies.compile().packages();
    } catch (RegoException e) {
      throw new PolicyDefinitionException(e.getMessage());
    }
    checks = CheckDiscovery.discover(packages);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL, checks.size())), r -> {
      Thread t = new Thread(r, "exportguard-opa-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    OpaConnection opa = new OpaConnection(settings, Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "exportguard-opa-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }));
    String problem;
    try {
      Map<List<String>, Value> data = dataToLoad(policies.data(), packages);
      problem = settings.push() ? push(opa, policies.modules(), data) : verify(opa, policies.modules(), data);
    } catch (OpaClientException e) {
      problem = OpaPolicyEngine.message(e);
    }
    return new OpaPolicyEngine(checks, opa, pool, problem == null ? null
        : (settings.push() ? "could not load the policies onto the OPA server: " : "") + problem);
  }

  /**
   * The base data as OPA documents to PUT: each subtree that holds no package, at its own path, so
   * a write never lands where the server keeps rules (data.exportguard.config, not data.exportguard).
   */
  static Map<List<String>, Value> dataToLoad(ObjectValue data, List<PackageInfo> packages) {
    Set<List<String>> pkgs = new HashSet<>();
    for (PackageInfo p : packages) pkgs.add(List.of(p.path().split("\\.")));
    Map<List<String>, Value> out = new LinkedHashMap<>();
    collect(new ArrayList<>(), data, pkgs, out);
    return out;
  }

  private static void collect(List<String> at, Value node, Set<List<String>> pkgs, Map<List<String>, Value> out) {
    boolean holdsPackage = pkgs.stream().anyMatch(p -> p.size() >= at.size() && p.subList(0, at.size()).equals(at));
    if (!at.isEmpty() && (!holdsPackage || !(node instanceof ObjectValue))) {
      out.put(List.copyOf(at), node);
      return;
    }
    if (node instanceof ObjectValue o) {
      for (Map.Entry<Value, Value> e : o.entries().entrySet()) {
        at.add(e.getKey() instanceof StringValue s ? s.value() : Json.write(e.getKey()));
        collect(at, e.getValue(), pkgs, out);
        at.remove(at.size() - 1);
      }
    }
  }

  /** PUTs the data, then the modules (a module others call goes first; a failed one is retried after the rest). */
  private static String push(OpaConnection opa, List<RegoModule> modules, Map<List<String>, Value> data) {
    for (Map.Entry<List<String>, Value> e : data.entrySet()) {
      opa.putData(String.join("/", e.getKey()), Json.write(e.getValue()));
    }
    List<RegoModule> pending = new ArrayList<>(modules);
    pending.sort(Comparator.comparingInt((RegoModule m) -> -referencedBy(m, modules)).thenComparing(RegoModule::file));
    Map<String, String> lastError = new HashMap<>();
    while (!pending.isEmpty()) {
      List<RegoModule> failed = new ArrayList<>();
      for (RegoModule m : pending) {
        try {
          opa.putPolicy(m.file(), m.source());
          lastError.remove(m.file());
        } catch (OpaServerException e) {
          if (e.status() != 400) throw e;
          failed.add(m);
          lastError.put(m.file(), e.getMessage());
        }
      }
      if (failed.size() == pending.size()) {
        return "module " + failed.get(0).file() + ": " + lastError.get(failed.get(0).file());
      }
      pending = failed;
    }
    return null;
  }

  /** How many other modules mention this module's package (a rough dependency order for the push). */
  private static int referencedBy(RegoModule m, List<RegoModule> all) {
    List<String> pkg = io.exportguard.policy.bundle.PackagePath.of(m.source());
    if (pkg == null) return 0;
    String ref = "data." + String.join(".", pkg);
    int n = 0;
    for (RegoModule other : all) {
      if (other != m && other.source().contains(ref)) n++;
    }
    return n;
  }

  /** Null when the server holds every module (same text) and the same data; otherwise what is missing. */
  private static String verify(OpaConnection opa, List<RegoModule> modules, Map<List<String>, Value> data) {
    Set<String> served = new HashSet<>();
    for (JsonNode p : opa.listPolicies()) served.add(p.path("raw").asText());
    List<String> missing = new ArrayList<>();
    for (RegoModule m : modules) {
      if (!served.contains(m.source())) missing.add(m.file());
    }
    String hint = "; load them with --opa-push, or run OPA with the bundle from 'exportguard policy build'";
    if (!missing.isEmpty()) {
      return "the OPA server at " + opa.settings().base() + " does not hold " + missing.size() + " of the "
          + modules.size() + " policy modules (first: " + missing.get(0) + ")" + hint;
    }
    for (Map.Entry<List<String>, Value> e : data.entrySet()) {
      String path = String.join("/", e.getKey());
      JsonNode got = opa.getData(path);
      if (got == null || !Json.parse(got.toString()).equals(e.getValue())) {
        return "the OPA server's data at /" + path + " differs from the policies' data" + hint;
      }
    }
    return null;
  }
}
