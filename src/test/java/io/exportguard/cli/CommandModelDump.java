package io.exportguard.cli;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Range;

/**
 * Every attribute of a picocli command tree as text, read through every public no-argument getter
 * of picocli's model classes (so an attribute added to picocli is compared too): two trees that
 * dump the same are the same model. Only what cannot be the same is left out: the reflection
 * handles of the annotated model (annotated elements, field bindings) and object identities.
 */
final class CommandModelDump {
  private CommandModelDump() {}

  /** Getters that hold identities or reflection handles, not model attributes. */
  private static final Set<String> SKIPPED = Set.of(
      // both models: identities, back-references, and what is dumped separately below
      "commandLine", "parent", "root", "subcommands", "mixins", "args", "options", "positionalParameters",
      "copy", "hashCode", "toString", "getClass", "validate", "resourceBundle", "argGroups",
      // only the annotated model has these: the annotated program elements it read
      "mixinAnnotatedElements", "specElements", "parentCommandElements", "userObject", "getter", "setter",
      "annotatedElement",
      // the annotated model's scope is picocli's CommandUserObject, the generated one's a plain holder:
      // both hold the same object, which is compared below
      "scope");

  static String of(CommandLine cl) {
    StringBuilder out = new StringBuilder();
    command(cl.getCommandSpec(), "", out);
    return out.toString();
  }

  private static void command(CommandSpec spec, String indent, StringBuilder out) {
    out.append(indent).append("command ").append(spec.qualifiedName()).append('\n');
    String in = indent + "  ";
    out.append(in).append("userObject: ").append(type(spec.userObject())).append('\n');
    out.append(in).append("parent: ").append(spec.parent() == null ? "-" : spec.parent().qualifiedName()).append('\n');
    getters(spec, in + "spec.", out);
    getters(spec.usageMessage(), in + "usage.", out);
    getters(spec.parser(), in + "parser.", out);
    for (var m : spec.mixins().entrySet()) {
      Object mixinObject = m.getKey().equals("mixinStandardHelpOptions") ? "picocli's" : m.getValue().userObject();
      out.append(in).append("mixin ").append(m.getKey()).append(" (").append(type(mixinObject)).append(")\n");
      CommandSpec mixin = m.getValue();
      for (ArgSpec a : mixin.args()) out.append(in).append("  arg ").append(name(a)).append('\n');
      for (var nested : mixin.mixins().keySet()) out.append(in).append("  mixin ").append(nested).append('\n');
    }
    for (ArgSpec a : spec.args()) {
      out.append(in).append(a.isOption() ? "option " : "positional ").append(name(a)).append('\n');
      getters(a, in + "  ", out);
      Object scope;
      try {
        scope = a.scope() == null ? null : a.scope().get();
      } catch (Exception e) {
        scope = e;
      }
      // picocli's standard help options live in its package-private AutoHelpMixin, which only picocli's
      // reflection can make; their values are only read through their bindings
      if (!a.toString().contains("AutoHelpMixin")) out.append(in).append("  scope: ").append(type(scope)).append('\n');
      out.append(in).append("  field value: ").append(value(fieldValue(a))).append('\n');
    }
    for (var sub : spec.subcommands().entrySet()) {
      out.append(in).append("subcommand ").append(sub.getKey()).append('\n');
      if (sub.getValue().getCommandSpec().parent() == spec) command(sub.getValue().getCommandSpec(), in, out);
    }
  }

  private static Object fieldValue(ArgSpec a) {
    try {
      return a.getValue();
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String name(ArgSpec a) {
    return a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel() + "@" + a.toString();
  }

  private static void getters(Object o, String prefix, StringBuilder out) {
    List<Method> methods = new ArrayList<>();
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) continue;
      if (!m.getDeclaringClass().getName().startsWith("picocli.")) continue;
      if (SKIPPED.contains(m.getName())) continue;
      methods.add(m);
    }
    methods.sort(Comparator.comparing(Method::getName));
    for (Method m : methods) {
      Object v;
      try {
        v = m.invoke(o);
      } catch (ReflectiveOperationException | RuntimeException e) {
        v = "threw " + (e.getCause() == null ? e : e.getCause()).getClass().getName();
      }
      out.append(prefix).append(m.getName()).append(" = ").append(value(v)).append('\n');
    }
  }

  private static String type(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  static String value(Object v) {
    if (v == null) return "null";
    if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum) {
      return v.getClass().getSimpleName() + ":" + v;
    }
    if (v instanceof Class<?> c) return "class " + c.getName();
    if (v instanceof java.nio.file.Path p) return "path " + p;
    if (v.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(v); i++) items.add(value(Array.get(v, i)));
      return "array" + items;
    }
    if (v instanceof Range r) return "range " + r + " unspecified=" + r.isUnspecified() + " variable=" + r.isVariable();
    if (v instanceof ITypeInfo t) {
      return "type " + t.getClassName() + " aux=" + Arrays.toString(t.getAuxiliaryTypes())
          // not getActualGenericTypeArguments: picocli only reads it to check @Unmatched fields, and its
          // programmatic API (RuntimeTypeInfo is package-private) cannot set it
          + " bool=" + t.isBoolean() + " multi=" + t.isMultiValue() + " coll="
          + t.isCollection() + " map=" + t.isMap() + " array=" + t.isArray() + " optional=" + t.isOptional()
          + " enum=" + t.isEnum() + " enumNames=" + t.getEnumConstantNames();
    }
    if (v instanceof CommandSpec s) return "spec " + s.qualifiedName();
    if (v instanceof ArgSpec a) return "arg " + name(a);
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("map{");
      m.forEach((k, x) -> b.append(value(k)).append('=').append(value(x)).append(", "));
      return b.append('}').toString();
    }
    if (v instanceof Collection<?> c) {
      List<String> items = new ArrayList<>();
      for (Object x : c) items.add(value(x));
      return v.getClass().getSimpleName() + items;
    }
    if (v instanceof Iterable<?> it) {
      List<String> items = new ArrayList<>();
      for (Object x : it) items.add(value(x));
      return "iterable " + v.getClass().getName() + items;
    }
    if (v instanceof CommandLine.Help.ColorScheme) return "colorScheme";
    return "object " + v.getClass().getName();
  }
}
