package io.exportguard.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.bundle.Bundle;
import io.exportguard.policy.bundle.PackagePath;
import io.exportguard.policy.bundle.Roots;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.RegoModule;
import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server holds: policy modules by id, the base data documents, and the bundles that own
 * parts of both; and the policy set compiled from them. Every write compiles a candidate first and
 * only then replaces the current set, so a bad module or a conflicting write changes nothing.
 * Readers take the current {@link Snapshot} without locking; writers are serialised.
 */
final class PolicyStore {
  static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  /**
   * One policy module; {@code bundle} names the bundle that owns it, or is null for a module set
   * through the API; {@code version} is its Rego version, null for the default (v1).
   */
  record Module(String id, String raw, String bundle, RegoVersion version) {}

  /** An immutable view for readers: the compiled set and what it was compiled from. */
  record Snapshot(PolicySet policies, List<Module> modules, List<Bundle> bundles) {}

  private final List<Bundle> bundles;
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final RegoVersion apiVersion;
  private DataTree data;
  private volatile Snapshot current;

  /** Starts from loaded policies: bundle modules are owned by their bundle, the rest are ordinary modules. */
  PolicyStore(LoadedPolicies loaded, RegoVersion apiVersion) throws RegoException {
    this.bundles = loaded.bundles();
    this.apiVersion = apiVersion;
    Map<String, String> owner = new LinkedHashMap<>();
    for (Bundle b : bundles) b.modules().forEach(m -> owner.put(m.file(), b.source()));
    for (RegoModule m : loaded.modules()) {
      modules.put(m.file(), new Module(m.file(), m.source(), owner.get(m.file()), m.version()));
    }
    data = new DataTree(toNode(loaded.data()));
    current = compile(List.copyOf(modules.values()), data.root());
  }

  Snapshot current() { return current; }

  /** The base document at the path, or null (no rules: for {@code If-None-Match}). */
  synchronized JsonNode baseDocument(List<String> path) { return data.get(path); }

  synchronized void putModule(String id, String raw) throws ApiException {
    Module old = modules.get(id);
    if (old != null && old.bundle() != null) throw ownedByBundle(id, old.bundle());
    List<String> pkg = PackagePath.of(raw);
    if (pkg != null) {
      String owner = ownerOf(pkg);
      if (owner != null) throw ownedByBundle(id, owner);
    }
    Map<String, Module> next = new LinkedHashMap<>(modules);
    next.put(id, new Module(id, raw, null, apiVersion));
    commit(next, data.root());
  }

  synchronized void deleteModule(String id) throws ApiException {
    Module old = modules.get(id);
    if (old == null) throw ApiException.notFound("storage_policy_not_found: policy id \"" + id + "\"");
    if (old.bundle() != null) throw ownedByBundle(id, old.bundle());
    Map<String, Module> next = new LinkedHashMap<>(modules);
    next.remove(id);
    commit(next, data.root());
  }

  /** One data write (PUT, PATCH or DELETE at {@code path}), refused under a bundle's roots. */
  synchronized void writeData(List<String> path, DataWrite write) throws ApiException {
    for (Bundle b : bundles) {
      for (String r : b.manifest().roots()) {
        if (Roots.overlap(Roots.segments(r), path)) {
          throw ApiException.badRequest("path \"" + DataTree.display(path) + "\" is owned by bundle \"" + b.source()
              + "\"");
        }
      }
    }
    DataTree copy = new DataTree(data.root().deepCopy());
    write.apply(copy);
    commit(modules, copy.root());
    data = copy;
  }

  /** A change to the data tree. */
  @FunctionalInterface
  interface DataWrite {
    void apply(DataTree tree) throws ApiException;
  }

  private void commit(Map<String, Module> next, ObjectNode root) throws ApiException {
    List<Module> list = List.copyOf(next.values());
    try {
      current = compile(list, root);
    } catch (RegoException e) {
      throw new ApiException(400, ApiException.INVALID_PARAMETER, "error(s) occurred while compiling module(s)",
          e.errors());
    }
    if (next != modules) {
      modules.clear();
      modules.putAll(next);
    }
  }

  private Snapshot compile(List<Module> list, ObjectNode root) throws RegoException {
    List<RegoModule> rego = new java.util.ArrayList<>(list.size());
    for (Module m : list) rego.add(new RegoModule(m.id(), m.raw(), m.version()));
    return new Snapshot(Rego.builder().data(Json.parse(root.toString())).modules(rego).compile(), list, bundles);
  }

  private String ownerOf(List<String> path) {
    for (Bundle b : bundles) {
      if (Roots.anyCovers(b.manifest().roots(), path)) return b.source();
    }
    return null;
  }

  private static ApiException ownedByBundle(String what, String bundle) {
    return ApiException.badRequest("path \"" + what + "\" is owned by bundle \"" + bundle + "\"");
  }

  static ObjectNode toNode(ObjectValue v) {
    try {
      return (ObjectNode) JSON.readTree(Json.write(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the value model always writes valid JSON", e);
    }
  }
}
