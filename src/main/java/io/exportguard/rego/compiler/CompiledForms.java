package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A compiled policy as bytes, so a fixed set of modules (a policy pack shipped in a jar) is compiled
 * once, when it is packaged, and loaded at start-up instead of being parsed and compiled again.
 *
 * <p>The form is a header naming what was compiled (each module's file, Rego version and source
 * length and hash, and the strict flag), a checksum, then the rewritten modules and user functions in the
 * compact binary form of {@link AstCodec}. {@link #read} gives null, and the caller compiles,
 * unless the form is whole, was made by this {@link #FORMAT}, from the same sources in the same
 * versions and strictness. A compiled form is only valid for OPA's standard builtins without
 * capabilities; the caller checks that. What it cannot see is a change in what the compiler's
 * stages do that leaves the AST's shape alone: forms are made by the build that compiles the
 * engine, and {@link #FORMAT} is raised when a stage's output or the codec changes.
 */
public final class CompiledForms {
  /** Raise when what a compiled form means changes. */
  static final int FORMAT = 2;
  private static final int MAGIC = 0x45475243; // "EGRC"

  private CompiledForms() {}

  /** A module as compiled: its file, its source and the Rego version it was read in. */
  public record Source(String file, String source, RegoVersion version) {}

  /** The compiled form of a policy {@link Compiler#compile} made from {@code sources}. */
  public static byte[] write(CompiledPolicy policy, List<Source> sources, boolean strict) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeHeader(out, sources, strict);
      byte[] payload = new AstWriter().write(policy.modules(), Compiler.userFunctions(policy));
      out.writeInt(checksum(payload, 0));
      out.write(payload);
    }
    return bytes.toByteArray();
  }

  /**
   * The policy in {@code form} when it was compiled from exactly {@code sources} with {@code strict},
   * else null (the caller compiles the sources). Never throws for a damaged or foreign form.
   */
  public static CompiledPolicy read(byte[] form, List<Source> sources, boolean strict, BuiltinRegistry builtins) {
    if (form == null) return null;
    try {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      try (DataOutputStream header = new DataOutputStream(expected)) {
        writeHeader(header, sources, strict);
      }
      byte[] want = expected.toByteArray();
      int payload = want.length + Integer.BYTES;
      if (form.length < payload || !Arrays.equals(want, 0, want.length, form, 0, want.length)) return null;
      int sum = ((form[want.length] & 0xFF) << 24) | ((form[want.length + 1] & 0xFF) << 16)
          | ((form[want.length + 2] & 0xFF) << 8) | (form[want.length + 3] & 0xFF);
      if (sum != checksum(form, payload)) return null; // damaged: a flipped byte could still decode
      AstCodec.Decoded decoded = new AstReader(form, payload).read();
      List<Module> modules = decoded.modules();
      if (modules.size() != sources.size()) return null;
      for (int i = 0; i < modules.size(); i++) {
        Source s = sources.get(i);
        Module m = modules.get(i);
        if (!s.file().equals(m.file()) || !s.source().equals(m.source())) return null;
      }
      return Compiler.restore(modules, decoded.userFunctions(), builtins);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static int checksum(byte[] bytes, int from) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, bytes.length - from);
    return (int) crc.getValue();
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
}
