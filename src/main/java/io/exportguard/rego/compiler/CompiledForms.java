package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A compiled policy as bytes, so a fixed set of modules (a policy pack shipped in a jar) is compiled
 * once, when it is packaged, and loaded at start-up instead of being parsed and compiled again.
 *
 * <p>The form is a header naming what was compiled (each module's file, Rego version and source
 * length and hash, and the strict flag), then the rewritten modules and user functions in Java
 * serialization. {@link #read} gives null, and the caller compiles, unless the form is whole, was
 * made by this {@link #FORMAT}, from the same sources in the same versions and strictness, and
 * every AST class in it has the fields the running engine's class has. Only the engine's own
 * classes and plain JDK values may appear in it (an input filter refuses anything else).
 * A compiled form is only valid for OPA's standard builtins without capabilities; the caller checks
 * that. What it cannot see is a change in what the compiler's stages do that leaves the AST's shape
 * alone: forms are made by the build that compiles the engine, and {@link #FORMAT} is raised when
 * a stage's output changes meaning.
 */
public final class CompiledForms {
  /** Raise when what a compiled form means changes. */
  static final int FORMAT = 1;
  private static final int MAGIC = 0x45475243; // "EGRC"
  private static final ObjectInputFilter ONLY_ENGINE_AND_JDK_VALUES = ObjectInputFilter.Config.createFilter(
      "maxdepth=10000;io.exportguard.rego.**;java.util.*;java.lang.*;java.math.*;!*");

  private CompiledForms() {}

  /** A module as compiled: its file, its source and the Rego version it was read in. */
  public record Source(String file, String source, RegoVersion version) {}

  /** The compiled form of a policy {@link Compiler#compile} made from {@code sources}. */
  public static byte[] write(CompiledPolicy policy, List<Source> sources, boolean strict) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeHeader(out, sources, strict);
      ObjectOutputStream objects = new ObjectOutputStream(out);
      objects.writeObject(policy.modules().toArray(new Module[0]));
      objects.writeObject(new TreeMap<>(Compiler.userFunctions(policy))); // sorted: the same policy, the same bytes
      objects.flush();
    }
    return bytes.toByteArray();
  }

  /**
   * The policy in {@code form} when it was compiled from exactly {@code sources} with {@code strict},
   * else null (the caller compiles the sources). Never throws for a damaged or foreign form.
   */
  public static CompiledPolicy read(byte[] form, List<Source> sources, boolean strict, BuiltinRegistry builtins) {
    if (form == null) return null;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(form))) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      try (DataOutputStream header = new DataOutputStream(expected)) {
        writeHeader(header, sources, strict);
      }
      byte[] want = expected.toByteArray();
      byte[] have = in.readNBytes(want.length);
      if (!Arrays.equals(want, have)) return null;
      ObjectInputStream objects = new ShapeCheckingInput(in);
      objects.setObjectInputFilter(ONLY_ENGINE_AND_JDK_VALUES);
      Module[] modules = (Module[]) objects.readObject();
      @SuppressWarnings("unchecked")
      Map<String, Integer> userFunctions = (Map<String, Integer>) objects.readObject();
      if (modules.length != sources.size()) return null;
      for (int i = 0; i < modules.length; i++) {
        Source s = sources.get(i);
        Module m = modules[i];
        if (m == null || !s.file().equals(m.file()) || !s.source().equals(m.source())) return null;
      }
      return Compiler.restore(List.of(modules), userFunctions, builtins);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return null;
    }
  }

  private static void writeHeader(DataOutputStream out, List<Source> sources, boolean strict) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeBoolean(strict);
    out.writeInt(sources.size());
    for (Source s : sources) {
      out.writeUTF(s.file());
      out.writeUTF(s.version().name());
      out.writeInt(s.source().length());
      out.writeInt(s.source().hashCode());
    }
  }

  /**
   * Refuses a class of the engine whose serialized fields differ from the running class's (records
   * would otherwise be read with missing components as null).
   */
  private static final class ShapeCheckingInput extends ObjectInputStream {
    ShapeCheckingInput(java.io.InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      Class<?> c = super.resolveClass(desc);
      if (c.getName().startsWith("io.exportguard.")) {
        ObjectStreamClass local = ObjectStreamClass.lookup(c);
        if (local == null || !sameFields(desc.getFields(), local.getFields())) {
          throw new InvalidClassException(c.getName(), "fields differ from the running engine's");
        }
      }
      return c;
    }

    private static boolean sameFields(ObjectStreamField[] a, ObjectStreamField[] b) {
      if (a.length != b.length) return false;
      for (int i = 0; i < a.length; i++) {
        if (!a[i].getName().equals(b[i].getName()) || a[i].getTypeCode() != b[i].getTypeCode()
            || !Objects.equals(a[i].getTypeString(), b[i].getTypeString())) {
          return false;
        }
      }
      return true;
    }
  }
}
