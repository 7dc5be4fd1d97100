package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Terraform plan's JSON ({@code terraform show -json}, format 1.x) indexed for the scan: every
 * resource instance with its planned values and which of them are known only after apply
 * ({@code resource_changes}; {@code planned_values} when a plan has no changes list), the module
 * configurations ({@code configuration}) with the expressions a reference is resolved through,
 * the root variables, and the provider configurations. Only the resource types the reader asks
 * for are indexed (a reference is followed only to a resource of a type the scan reads, so the
 * VPCs and instances that make up most of a large plan are passed over after reading their type).
 * Built in one pass over the resources; each lookup is a map access, so a plan of thousands of
 * resources is indexed in linear time.
 */
final class PlanIndex {
  /** Beyond this many hops (variable to module call to output ...) a reference is not followed. */
  private static final int MAX_HOPS = 32;

  /** One resource instance of the plan. */
  record Instance(String address, String moduleAddress, String configModule, String mode, String type, String name,
                  JsonNode index, List<String> actions, JsonNode after, JsonNode afterUnknown, boolean changesKnown,
                  JsonNode node) {
    boolean deleted() { return actions.size() == 1 && actions.get(0).equals("delete"); }

    /** It exists before the plan runs (kept, updated or replaced), as opposed to created by it. */
    boolean existedBefore() { return !(actions.size() == 1 && actions.get(0).equals("create")); }

    String typeAndName() { return (mode.equals("data") ? "data." : "") + type + "." + name; }
  }

  /** What an expression refers to: an instance and the attribute read from it (null: the whole resource). */
  record Ref(Instance target, String attribute) {}

  final SourceFile file;
  private final Map<String, Instance> byAddress = new HashMap<>();
  private final Map<String, List<Instance>> byConfig = new HashMap<>();
  private final Map<String, List<Instance>> byType = new HashMap<>();
  private final Map<String, JsonNode> modules = new HashMap<>();
  private final Map<String, JsonNode> configResources = new HashMap<>();
  private final JsonNode variables;
  private final JsonNode providers;
  private final Set<String> types;

  /** @param types the resource and data source types to index ({@code alicloud_ram_role}, ...) */
  PlanIndex(SourceFile file, Set<String> types) {
    this.file = file;
    this.types = Set.copyOf(types);
    JsonNode root = file.root();
    this.variables = root.path("variables");
    this.providers = root.path("configuration").path("provider_config");
    indexModules(root.path("configuration").path("root_module"), "");
    JsonNode changes = root.get("resource_changes");
    if (changes != null && changes.isArray()) {
      for (JsonNode rc : changes) {
        if (!types.contains(rc.path("type").asText())) continue;
        JsonNode change = rc.path("change");
        List<String> actions = new ArrayList<>();
        for (JsonNode a : change.path("actions")) actions.add(a.asText());
        String module = rc.path("module_address").asText("");
        add(new Instance(rc.path("address").asText(), module, TerraformAddress.configPath(module),
            rc.path("mode").asText("managed"), rc.path("type").asText(), rc.path("name").asText(), rc.get("index"),
            List.copyOf(actions), change.get("after"), change.get("after_unknown"), true, rc));
      }
    } else {
      addPlanned(root.path("planned_values").path("root_module"));
    }
    // Data sources read while planning are only in the prior state (an account id, for instance).
    addPrior(root.path("prior_state").path("values").path("root_module"));
  }

  private void add(Instance i) {
    byAddress.put(i.address(), i);
    byConfig.computeIfAbsent(configKey(i.configModule(), i.typeAndName()), k -> new ArrayList<>()).add(i);
    byType.computeIfAbsent(i.mode() + "|" + i.type(), k -> new ArrayList<>()).add(i);
  }

  /** A plan without resource_changes: the planned values, with anything absent counted unknown. */
  private void addPlanned(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      if (!types.contains(r.path("type").asText())) continue;
      String at = module.path("address").asText("");
      add(new Instance(r.path("address").asText(), at, TerraformAddress.configPath(at), r.path("mode").asText("managed"),
          r.path("type").asText(), r.path("name").asText(), r.get("index"), List.of("create"), r.get("values"), null,
          false, r));
    }
    for (JsonNode child : module.path("child_modules")) addPlanned(child);
  }

  private void addPrior(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      if (!"data".equals(r.path("mode").asText()) || !types.contains(r.path("type").asText())) continue;
      String address = r.path("address").asText();
      if (byAddress.containsKey(address)) continue;
      String at = module.path("address").asText("");
      add(new Instance(address, at, TerraformAddress.configPath(at), "data", r.path("type").asText(),
          r.path("name").asText(), r.get("index"), List.of("no-op"), r.get("values"), null, true, r));
    }
    for (JsonNode child : module.path("child_modules")) addPrior(child);
  }

  private void indexModules(JsonNode module, String path) {
    if (module.isMissingNode()) return;
    modules.put(path, module);
    for (JsonNode r : module.path("resources")) {
      if (!types.contains(r.path("type").asText())) continue;
      String mode = r.path("mode").asText("managed");
      String typeAndName = (mode.equals("data") ? "data." : "") + r.path("type").asText() + "." + r.path("name").asText();
      configResources.put(configKey(path, typeAndName), r);
    }
    module.path("module_calls").fields().forEachRemaining(call ->
        indexModules(call.getValue().path("module"), (path.isEmpty() ? "" : path + ".") + "module." + call.getKey()));
  }

  private static String configKey(String configModule, String typeAndName) {
    return configModule + "|" + typeAndName;
  }

  /** The module configuration at a config path ({@code ""}, {@code module.a.module.b}), or a missing node. */
  JsonNode module(String configPath) {
    JsonNode m = modules.get(configPath);
    return m == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : m;
  }

  /** The resources of a type, in plan order. */
  List<Instance> ofType(String type) { return byType.getOrDefault("managed|" + type, List.of()); }

  /** The data sources of a type. */
  List<Instance> dataOfType(String type) { return byType.getOrDefault("data|" + type, List.of()); }

  /**
   * An attribute's planned value: known (JSON null when unset), or unknown when the plan marks it
   * known only after apply (or, in a plan without resource_changes, does not list it).
   */
  Fact<JsonNode> attribute(Instance i, String name) {
    JsonNode unknown = i.afterUnknown() == null ? null : i.afterUnknown().get(name);
    if (unknown != null && unknown.isBoolean() && unknown.asBoolean()) {
      return Fact.unknown("known only after apply (" + i.address() + "." + name + ")");
    }
    if (unknown != null && unknown.isContainerNode() && anyTrue(unknown)) {
      return Fact.unknown("partly known only after apply (" + i.address() + "." + name + ")");
    }
    JsonNode v = i.after() == null ? null : i.after().get(name);
    if (v == null && !i.changesKnown()) return Fact.unknown("not in the plan's planned values (" + i.address() + "." + name + ")");
    return Fact.known(v == null || v.isNull() ? null : v);
  }

  private static boolean anyTrue(JsonNode n) {
    if (n.isBoolean()) return n.asBoolean();
    for (JsonNode c : n) if (anyTrue(c)) return true;
    return false;
  }

  /** A string attribute; a value of another type is unknown, with the type named. */
  Fact<String> string(Instance i, String name) {
    Fact<JsonNode> v = attribute(i, name);
    if (!v.isPresent()) return v.map(JsonNode::asText);
    if (v.value().isTextual() || v.value().isNumber() || v.value().isBoolean()) return Fact.known(v.value().asText());
    return Fact.unknown(i.address() + "." + name + " is " + v.value().getNodeType().name().toLowerCase() + ", not a string");
  }

  /**
   * What the expression of an attribute refers to, following module variables and outputs: the
   * instance it names (the one with the same instance key when the target has several), or null
   * when it refers to no single resource instance (a literal, a local value, an ambiguous index).
   */
  Ref reference(Instance from, String attribute) {
    JsonNode config = configResources.get(configKey(from.configModule(), from.typeAndName()));
    if (config == null) return null;
    JsonNode expression = config.path("expressions").path(attribute);
    return firstReference(expression, from.configModule(), from.moduleAddress(), from.index(), 0);
  }

  private Ref firstReference(JsonNode expression, String configModule, String moduleInstance, JsonNode index, int hops) {
    if (hops > MAX_HOPS) return null;
    for (JsonNode r : expression.path("references")) {
      Ref found = resolve(r.asText(), configModule, moduleInstance, index, hops);
      if (found != null) return found;
    }
    return null;
  }

  private Ref resolve(String reference, String configModule, String moduleInstance, JsonNode index, int hops) {
    List<String> p = TerraformAddress.parts(reference);
    if (p.size() < 2) return null;
    switch (p.get(0)) {
      case "var" -> {
        if (moduleInstance == null || moduleInstance.isEmpty() || configModule.isEmpty()) return null;
        String parentConfig = parentConfig(configModule);
        JsonNode call = module(parentConfig).path("module_calls").path(TerraformAddress.lastCall(configModule));
        return firstReference(call.path("expressions").path(p.get(1)), parentConfig,
            TerraformAddress.parentModule(moduleInstance), index, hops + 1);
      }
      case "module" -> {
        if (p.size() < 3) return null;
        String callName = TerraformAddress.name(p.get(1));
        String childConfig = (configModule.isEmpty() ? "" : configModule + ".") + "module." + callName;
        String childInstance = TerraformAddress.child(moduleInstance, p.get(1));
        JsonNode output = module(childConfig).path("outputs").path(p.get(2)).path("expression");
        return firstReference(output, childConfig, childInstance, index, hops + 1);
      }
      case "data" -> {
        if (p.size() < 3) return null;
        return instance(configModule, moduleInstance, "data." + p.get(1) + "." + TerraformAddress.name(p.get(2)),
            TerraformAddress.key(p.get(2)), index, p.size() > 3 ? p.get(3) : null);
      }
      case "local", "count", "each", "path", "terraform", "self" -> {
        return null;
      }
      default -> {
        return instance(configModule, moduleInstance, p.get(0) + "." + TerraformAddress.name(p.get(1)),
            TerraformAddress.key(p.get(1)), index, p.size() > 2 ? TerraformAddress.name(p.get(2)) : null);
      }
    }
  }

  private Ref instance(String configModule, String moduleInstance, String typeAndName, String key, JsonNode fromIndex,
                       String attribute) {
    List<Instance> all = byConfig.get(configKey(configModule, typeAndName));
    if (all == null) return null;
    List<Instance> here = new ArrayList<>();
    for (Instance i : all) if (i.moduleAddress().equals(moduleInstance == null ? "" : moduleInstance)) here.add(i);
    if (here.isEmpty()) here = all.size() == 1 ? all : here;
    Instance chosen = null;
    if (key != null) {
      for (Instance i : here) if (i.index() != null && keyText(i.index()).equals(key)) chosen = i;
    } else if (here.size() == 1) {
      chosen = here.get(0);
    } else if (fromIndex != null) {
      for (Instance i : here) if (i.index() != null && i.index().equals(fromIndex)) chosen = i;
    }
    return chosen == null ? null : new Ref(chosen, attribute);
  }

  /** An instance key as an address writes it: {@code 0}, {@code "name"}. */
  private static String keyText(JsonNode index) {
    return index.isTextual() ? "\"" + index.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : index.asText();
  }

  private static String parentConfig(String configModule) {
    int i = configModule.lastIndexOf(".module.");
    return i < 0 ? "" : configModule.substring(0, i);
  }

  /**
   * A provider argument's value for an instance ({@code region}): the provider configuration its
   * resource uses, a constant or a root variable's value; unknown when the plan does not say
   * (set in the environment, or computed).
   */
  Fact<String> providerArgument(Instance i, String argument) {
    JsonNode config = configResources.get(configKey(i.configModule(), i.typeAndName()));
    String key = config == null ? null : config.path("provider_config_key").asText(null);
    JsonNode provider = key == null ? null : providers.get(key);
    if (provider == null && key != null && key.contains(":")) provider = providers.get(key.substring(key.indexOf(':') + 1));
    if (provider == null) provider = providers.get(i.type().contains("_") ? i.type().substring(0, i.type().indexOf('_')) : i.type());
    String why = "the provider's " + argument + " is not in the plan (set in the environment?)";
    if (provider == null) return Fact.unknown(why);
    JsonNode expression = provider.path("expressions").path(argument);
    String module = provider.path("module_address").asText("");
    return constant(expression, module, why, 0);
  }

  /** A constant expression, or a variable that resolves to one; unknown otherwise. */
  private Fact<String> constant(JsonNode expression, String configModule, String why, int hops) {
    JsonNode c = expression.get("constant_value");
    if (c != null && c.isValueNode() && !c.isNull()) return Fact.known(c.asText());
    if (hops > MAX_HOPS) return Fact.unknown(why);
    for (JsonNode r : expression.path("references")) {
      List<String> p = TerraformAddress.parts(r.asText());
      if (p.size() < 2 || !p.get(0).equals("var")) continue;
      if (configModule.isEmpty()) {
        JsonNode v = variables.path(p.get(1)).get("value");
        if (v != null && v.isValueNode() && !v.isNull()) return Fact.known(v.asText());
        continue;
      }
      String parent = parentConfig(configModule);
      JsonNode call = module(parent).path("module_calls").path(TerraformAddress.lastCall(configModule));
      Fact<String> up = constant(call.path("expressions").path(p.get(1)), parent, why, hops + 1);
      if (up.isKnown()) return up;
    }
    return Fact.unknown(why);
  }

  /** The module call source of a config path ({@code ./modules/export}), or null. */
  String moduleSource(String configPath) {
    if (configPath.isEmpty()) return null;
    String parent = parentConfig(configPath);
    return module(parent).path("module_calls").path(TerraformAddress.lastCall(configPath)).path("source").asText(null);
  }
}
