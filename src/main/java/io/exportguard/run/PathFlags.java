package io.exportguard.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks path flags before anything is gathered, so a run that could not write its report or its
 * facts never calls the cloud, let alone exports (DESIGN.md: bad input, exit 2, nothing written).
 * An empty value is never the working directory; a dangling symbolic link, a path under a file and
 * a folder the user cannot write to are bad input. Nothing is created here: {@code --out} is made
 * only when a report is written.
 */
final class PathFlags {
  private PathFlags() {}

  /** A value that must name something: {@code --policies ""} is a mistake, not "the working directory". */
  static Path named(String flag, Path p) throws BadInputException {
    if (p == null || p.toString().isBlank()) throw new BadInputException(flag + ": the path is empty");
    return p;
  }

  /** A folder files will be written into: an existing writable folder, or one that can be created. */
  static void writableFolder(String flag, Path dir) throws BadInputException {
    named(flag, dir);
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) throw new BadInputException(flag + " " + dir + ": exists and is not a directory");
      if (!Files.isWritable(dir)) throw new BadInputException(flag + " " + dir + ": the folder is not writable");
      return;
    }
    creatable(flag, dir);
  }

  /** A file that will be written: an existing writable file, or one whose folder exists or can be created. */
  static void writableFile(String flag, Path file) throws BadInputException {
    named(flag, file);
    if (Files.isDirectory(file)) throw new BadInputException(flag + " " + file + ": is a directory");
    if (Files.exists(file)) {
      if (!Files.isWritable(file)) throw new BadInputException(flag + " " + file + ": the file is not writable");
      return;
    }
    creatable(flag, file);
  }

  /**
   * A path that does not exist yet: not a dangling link, and its nearest existing ancestor is a
   * writable folder (not a file, which no path can be created under).
   */
  private static void creatable(String flag, Path p) throws BadInputException {
    Path abs = p.toAbsolutePath();
    for (Path at = abs; at != null; at = at.getParent()) {
      if (Files.isSymbolicLink(at) && !Files.exists(at)) {
        throw new BadInputException(flag + " " + p + ": " + (at.equals(abs) ? "" : at + " is ")
            + "a symbolic link to something that does not exist");
      }
      if (!Files.exists(at)) continue;
      if (!Files.isDirectory(at)) throw new BadInputException(flag + " " + p + ": " + at + " is a file, not a folder");
      if (!Files.isWritable(at)) throw new BadInputException(flag + " " + p + ": cannot be created in " + at + " (not writable)");
      return;
    }
  }
}
