package io.exportguard.run;

import io.exportguard.policy.PolicyLoadException;
import io.exportguard.report.ExitCodes;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.policy.bundle.BundleException;
import io.exportguard.policy.bundle.BundleKey;
import io.exportguard.policy.bundle.BundleWriter;
import io.exportguard.rego.RegoException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code exportguard policy build}: compiles a policy directory (or the built-in pack) and writes
 * it as an OPA bundle that OPA's {@code run -b} and exportguard's {@code --bundle} both load.
 */
public final class PolicyBuildRunner {
  /**
   * @param dir the policy directory; null for the built-in pack
   * @param signingKey a PEM private key file (or HMAC secret) to sign with, or null
   */
  public record Options(Path dir, Path output, String revision, List<String> roots, String signingKey,
                        String signingAlg) {}

  private final PrintWriter out;
  private final PrintWriter err;

  public PolicyBuildRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public int run(Options o) {
    try {
      if (o.output() == null) throw new BadInputException("-o FILE is required");
      if (Files.isDirectory(o.output())) throw new BadInputException("-o " + o.output() + ": is a directory");
      boolean builtin = o.dir() == null;
      if (!builtin && !Files.isDirectory(o.dir())) throw new BadInputException(o.dir() + ": not a directory");
      compile(o.dir());
      BundleKey key = null;
      if (o.signingKey() != null) {
        try {
          key = BundleKey.load(o.signingKey(), o.signingAlg(), true);
        } catch (BundleException e) {
          throw new BadInputException("--signing-key " + e.getMessage());
        }
      }
      BundleWriter.Options options = new BundleWriter.Options(o.revision(), o.roots(), key);
      BundleWriter.Written w;
      try {
        w = builtin ? BundleWriter.write(builtinFiles(), "built-in pack", o.output(), options)
            : BundleWriter.write(o.dir(), o.output(), options);
      } catch (BundleException e) {
        throw new BadInputException(e.getMessage());
      }
      out.println("wrote " + o.output() + ": " + w.modules() + " modules, " + w.dataFiles() + " data files, revision "
          + w.manifest().revision() + ", roots " + w.manifest().roots()
          + (w.signed() ? ", signed " + key.algorithm() : ""));
      return ExitCodes.PASS;
    } catch (BadInputException e) {
      err.println("exportguard policy build: " + e.getMessage());
      return ExitCodes.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A bundle of policies that do not compile helps nobody: they are compiled first. */
  private static void compile(Path dir) throws BadInputException {
    try {
      PolicyLoader.load(new PolicyLoader.Sources(dir == null ? List.of() : List.of(dir), dir == null, List.of(), false))
          .compile();
    } catch (PolicyLoadException e) {
      throw new BadInputException(e.format());
    } catch (RegoException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static Map<String, byte[]> builtinFiles() throws BadInputException {
    try {
      return PolicyLoader.builtinFiles();
    } catch (PolicyLoadException e) {
      throw new BadInputException(e.format());
    }
  }
}
