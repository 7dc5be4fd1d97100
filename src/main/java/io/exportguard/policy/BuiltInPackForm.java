package io.exportguard.policy;

import io.exportguard.rego.RegoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built-in pack's compiled form: made by the build ({@link #main}, run by Maven right after the
 * classes are compiled, into the classes folder and so into the jar) and loaded at start-up instead
 * of parsing and compiling the pack's modules. The engine uses it only when it was made from the
 * very sources loaded, by this engine; otherwise the pack is compiled as before.
 * {@code -Dexportguard.compiledPack=false} ignores it (to measure or rule it out).
 */
public final class BuiltInPackForm {
  /** Classpath resource of the form. */
  public static final String RESOURCE = PolicyLoader.BUILTIN_ROOT + "/pack.compiled";

  private BuiltInPackForm() {}

  /** The form in the classpath, or null when there is none, it cannot be read, or it is switched off. */
  static byte[] read() {
    if ("false".equals(System.getProperty("exportguard.compiledPack"))) return null;
    try {
      return BuiltInResources.read(RESOURCE);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The form of the built-in pack as it is on the classpath now, holding the plans of its checks'
   * queries (so a run loads them instead of compiling them).
   */
  static byte[] make() throws PolicyLoadException, PolicyDefinitionException, RegoException, IOException {
    LoadedPolicies pack = PolicyLoader.load(PolicyLoader.Sources.defaults());
    io.exportguard.rego.PolicySet compiled =
        io.exportguard.rego.Rego.builder().modules(pack.modules()).data(pack.data()).compile();
    new EmbeddedPolicyEngine(compiled, io.exportguard.rego.EvalOptions.DEFAULT).prepare();
    return compiled.compiledForm();
  }

  /** Build step: writes the form of the pack on the classpath to the file named by the only argument. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) throw new IllegalArgumentException("usage: BuiltInPackForm OUTPUT_FILE");
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.write(out, make());
  }
}
