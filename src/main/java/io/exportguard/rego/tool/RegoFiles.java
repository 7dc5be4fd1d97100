package io.exportguard.rego.tool;

import io.exportguard.rego.RegoModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Rego files under paths as {@code opa} does: a file is taken as given, a folder is
 * searched recursively for {@code *.rego} (hidden files and folders, such as {@code .git}, are
 * skipped). Modules are named by their path as written, in path order.
 */
public final class RegoFiles {
  private RegoFiles() {}

  /** A path that does not exist or cannot be read. */
  public static final class UnreadableException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableException(String message) { super(message); }
  }

  public static List<RegoModule> load(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) throw new UnreadableException(p + ": no such file or directory");
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".rego") && Files.isRegularFile(f) && !hidden(p, f))
              .sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    List<RegoModule> out = new ArrayList<>(files.size());
    for (Path f : files) {
      try {
        out.add(new RegoModule(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UnreadableException(f + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    return out;
  }

  private static boolean hidden(Path root, Path f) {
    for (Path part : root.relativize(f)) if (part.toString().startsWith(".")) return true;
    return false;
  }
}
