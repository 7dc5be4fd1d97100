package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoVersion;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A compiled policy as bytes, so a fixed set of modules (a policy pack shipped in a jar) is compiled
 * once, when it is packaged, and loaded at start-up instead of being parsed and compiled again.
 *
 * <p>The form is a header naming what was compiled (each module's file, Rego version and source
 * length and hash, and the strict flag), a checksum, then two sections: the evaluation plan (made
 * and read by the evaluator, which needs nothing else to evaluate the queries it holds) and the
 * rewritten modules (without their sources, which the reader is given) and user functions in the
 * compact binary form of {@link AstCodec}, decoded only when something asks for them (a query the
 * plan does not hold, a failure's source line). {@link #read} gives null, and the caller compiles,
 * unless the form is whole, was made by this {@link #FORMAT}, from sources of the same files,
 * versions, lengths and hashes, with the same strictness. A compiled form is only valid for OPA's
 * standard builtins without capabilities; the caller checks that. What it cannot see is a change in
 * what the compiler's stages or the plan's lowering do that leaves the shapes alone: forms are made
 * by the build that compiles the engine, and {@link #FORMAT} is raised when a stage's output or a
 * codec changes.
 */
public final class CompiledForms {
  /** Raise when what a compiled form means changes. */
  static final int FORMAT = 3;
  private static final int MAGIC = 0x45475243; // "EGRC"

  private CompiledForms() {}

  /** A module as compiled: its file, its source and the Rego version it was read in. */
  public record Source(String file, String source, RegoVersion version) {}

  /**
   * The compiled form of a policy {@link Compiler#compile} made from {@code sources}, with the
   * evaluation plan's section {@code plan} (opaque here).
   */
  public static byte[] write(CompiledPolicy policy, List<Source> sources, boolean strict, byte[] plan)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeHeader(out, sources, strict);
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      try (DataOutputStream p = new DataOutputStream(payload)) {
        p.writeInt(plan.length);
        p.write(plan);
        p.write(new AstWriter().write(policy.modules(), Compiler.userFunctions(policy)));
      }
      byte[] body = payload.toByteArray();
      out.writeInt(checksum(body, 0, body.length));
      out.write(body);
    }
    return bytes.toByteArray();
  }

  /**
   * The form when it was compiled from exactly {@code sources} (same files, versions, lengths and
   * hashes) with {@code strict} and is whole, else null (the caller compiles the sources). Never
   * throws for a damaged or foreign form.
   */
  public static Form read(byte[] form, List<Source> sources, boolean strict, BuiltinRegistry builtins) {
    if (form == null) return null;
    try {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      try (DataOutputStream header = new DataOutputStream(expected)) {
        writeHeader(header, sources, strict);
      }
      byte[] want = expected.toByteArray();
      int payload = want.length + Integer.BYTES;
      if (form.length < payload + Integer.BYTES || !Arrays.equals(want, 0, want.length, form, 0, want.length)) {
        return null;
      }
      // damaged: a flipped byte could still decode
      if (intAt(form, want.length) != checksum(form, payload, form.length)) return null;
      int planLength = intAt(form, payload);
      int planFrom = payload + Integer.BYTES;
      if (planLength < 0 || planLength > form.length - planFrom) return null;
      return new Form(form, planFrom, planFrom + planLength, List.copyOf(sources), builtins);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A form that matched its sources: the plan's section at once, the compiled modules when first asked for. */
  public static final class Form {
    private final byte[] bytes;
    private final int planFrom;
    private final int planTo;
    private final List<Source> sources;
    private final BuiltinRegistry builtins;
    private CompiledPolicy policy;

    private Form(byte[] bytes, int planFrom, int planTo, List<Source> sources, BuiltinRegistry builtins) {
      this.bytes = bytes;
      this.planFrom = planFrom;
      this.planTo = planTo;
      this.sources = sources;
      this.builtins = builtins;
    }

    /** The whole form; the plan's section is {@code [planFrom, planTo)}. */
    public byte[] bytes() { return bytes; }

    public int planFrom() { return planFrom; }

    public int planTo() { return planTo; }

    /**
     * The compiled modules, decoded on the first call.
     *
     * @throws IllegalStateException they do not decode, or their sources are not the ones given
     *     (the header matched, so only a defect gets here)
     */
    public synchronized CompiledPolicy policy() {
      if (policy == null) policy = decode();
      return policy;
    }

    private CompiledPolicy decode() {
      try {
        List<String> texts = new ArrayList<>(sources.size());
        for (Source s : sources) texts.add(s.source());
        AstCodec.Decoded decoded = new AstReader(bytes, planTo, bytes.length, texts).read();
        List<Module> modules = decoded.modules();
        for (int i = 0; i < modules.size(); i++) {
          if (!sources.get(i).file().equals(modules.get(i).file())) {
            throw new IOException("not the modules it was made from: " + sources.get(i).file());
          }
        }
        return Compiler.restore(modules, decoded.userFunctions(), builtins);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("the compiled form's modules do not decode: " + e.getMessage(), e);
      }
    }
  }

  private static int intAt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  private static int checksum(byte[] bytes, int from, int to) {
    CRC32 crc = new CRC32(); // zlib's, native: CRC32C is Java code the interpreter runs slowly at start-up
    crc.update(bytes, from, to - from);
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
