package io.exportguard.sandbox.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node cross-check clients: finds {@code node} and {@code npm} (missing tools fail the
 * test under {@code CI=true}, and only skip it on a developer's machine), installs the committed
 * {@code package-lock.json} with {@code npm ci} into {@code target/node-crosscheck} once per content of
 * package.json and the lock file (a stamp file holds its hash, and npm's own cache makes a fresh install quick), and
 * runs a script there. Other Node clients (the OPA SDK against {@code serve}) use it with their
 * own folder under {@code src/test/node}.
 */
public final class NodeRunner {
  private static final String CROSSCHECK = "crosscheck";
  private static final ThreadLocal<Path> CURRENT = new ThreadLocal<>();

  private NodeRunner() {}

  /** The directory with the installed clients and the scripts, ready to run. */
  static Path prepare() throws Exception {
    return prepare(CROSSCHECK, "crosscheck.js");
  }

  /**
   * Installs {@code src/test/node/<project>} (its package.json, package-lock.json and scripts) into
   * {@code target/node-<project>} and makes it the folder {@link #node} runs in.
   */
  public static Path prepare(String project, String... scripts) throws Exception {
    Path source = Path.of("src", "test", "node", project);
    Path work = Path.of("target", "node-" + project);
    List<String> files = new java.util.ArrayList<>(List.of("package.json", "package-lock.json"));
    files.addAll(List.of(scripts));
    CURRENT.set(work);
    return install(source, work, files);
  }

  private static Path install(Path source, Path work, List<String> files) throws Exception {
    String node = tool("node");
    String npm = tool("npm");
    Files.createDirectories(work);
    for (String f : files) {
      Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    String lockHash = sha256((Files.readString(work.resolve("package.json")) + "\0" + Files.readString(work.resolve("package-lock.json")))
        .getBytes(StandardCharsets.UTF_8));
    Path stamp = work.resolve(".installed-lock-sha256");
    boolean installed = Files.isDirectory(work.resolve("node_modules")) && Files.exists(stamp)
        && Files.readString(stamp).trim().equals(lockHash);
    if (!installed) {
      Result r = run(List.of(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"),
          Map.of(), 600);
      assertThat(r.exit()).as("npm ci in %s failed:%n%s", work, r.output()).isZero();
      Files.writeString(stamp, lockHash);
    }
    assertThat(node).isNotEmpty();
    return work;
  }

  public record Result(int exit, String stdout, String output) {}

  /** Runs {@code node <script>} in the directory this thread last prepared, with extra environment variables. */
  public static Result node(String script, Map<String, String> env, int timeoutSeconds) throws Exception {
    return run(List.of(tool("node"), script), env, timeoutSeconds);
  }

  private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
    Path out = Files.createTempFile("xcheck-out", ".txt");
    Path err = Files.createTempFile("xcheck-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(CURRENT.get().toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n" + Files.readString(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The tool's path on PATH; missing fails under CI=true and skips elsewhere. */
  private static String tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.isFile() && f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    String why = name + " is not on PATH: the Node cross-check needs Debian's nodejs and npm (.ci/run installs them)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.abort(why);
    return null;
  }

  private static String sha256(byte[] data) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
