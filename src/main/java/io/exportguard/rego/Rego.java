package io.exportguard.rego;

import io.exportguard.rego.builtins.BuiltinRegistry;
import io.exportguard.rego.builtins.CustomBuiltins;
import io.exportguard.rego.eval.Engine;
import io.exportguard.rego.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point: compile Rego modules and base data once with {@link #builder()}, then evaluate
 * queries many times on the {@link PolicySet}.
 *
 * <pre>{@code
 * PolicySet policies = Rego.builder()
 *     .module("app.rego", "package app\n allow if input.user == \"alice\"")
 *     .compile();
 * QueryResult r = policies.eval("data.app.allow", Json.parse("{\"user\": \"alice\"}"));
 * r.value(); // true
 * }</pre>
 */
public final class Rego {
  private Rego() {}

  /** A builder for a policy set. */
  public static Builder builder() { return new Builder(); }

  /** Shorthand for {@code builder().modules(modules).data(data).compile()}. */
  public static PolicySet compile(List<RegoModule> modules, Value data) throws RegoException {
    return builder().modules(modules).data(data).compile();
  }

  /** What a policy set is made of. Not thread-safe; {@link #compile()} may be called more than once. */
  public static final class Builder {
    private final List<RegoModule> modules = new ArrayList<>();
    private Value data;
    private final Map<String, CustomBuiltin> builtins = new LinkedHashMap<>();
    private Capabilities capabilities;
    private RegoVersion version = RegoVersion.V1;
    private EvalOptions options = EvalOptions.DEFAULT;
    private boolean strict;
    private byte[] compiledForm;

    private Builder() {}

    /** Adds a module; the file name is what error locations and {@link PackageInfo} show. */
    public Builder module(String file, String source) {
      modules.add(new RegoModule(Objects.requireNonNull(file, "file"), Objects.requireNonNull(source, "source")));
      return this;
    }

    /** Adds modules, in order. */
    public Builder modules(Collection<RegoModule> more) {
      for (RegoModule m : more) modules.add(Objects.requireNonNull(m, "module"));
      return this;
    }

    /** The base document under {@code data}: an object, or null for none. Rules and data may not overlap. */
    public Builder data(Value data) {
      this.data = data;
      return this;
    }

    /** Adds a function policies can call; a later one with the same name replaces an earlier one. */
    public Builder builtin(CustomBuiltin builtin) {
      builtins.put(builtin.name(), builtin);
      return this;
    }

    /**
     * Restricts the builtins, features and future keywords to those the capabilities declare (see
     * {@link Capabilities}); null for all.
     */
    public Builder capabilities(Capabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /**
     * The syntax of the modules that do not name their own ({@link RegoModule#version()}); default
     * {@link RegoVersion#V1}. {@link RegoVersion#V0} is OPA's {@code --v0-compatible}.
     */
    public Builder regoVersion(RegoVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * OPA's strict mode: v1's checks for v0 modules too, and unused imports and unused assigned
     * variables are errors (default off).
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** The options {@link PolicySet#eval(String, Value)} uses (default {@link EvalOptions#DEFAULT}). */
    public Builder options(EvalOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * A compiled form of these same modules, from {@link PolicySet#compiledForm()}: loaded instead of
     * parsing and compiling them when it was made by this engine from sources of the same files, Rego
     * versions, lengths and hashes, with the same strictness, with OPA's standard builtins and no capabilities. Otherwise (or when
     * it is damaged) it is ignored and the modules are compiled; null is none.
     */
    public Builder compiledForm(byte[] form) {
      this.compiledForm = form;
      return this;
    }

    /**
     * Parses and compiles the modules over the data. Every error found is reported, not only the
     * first: all parse errors of all modules, else all errors of the first compile stage that fails.
     */
    public PolicySet compile() throws RegoException {
      BuiltinRegistry registry = Engine.standardBuiltins();
      if (capabilities != null) registry = capabilities.restrict(registry);
      if (!builtins.isEmpty()) registry = CustomBuiltins.extend(registry, builtins.values());
      boolean noNet = capabilities != null && capabilities.forbidsNet();
      return Engine.compile(List.copyOf(modules), data, new Engine.Config(registry, version, options, noNet,
          capabilities, strict), compiledForm);
    }
  }
}
