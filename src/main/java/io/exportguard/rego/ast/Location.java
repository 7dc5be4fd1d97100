package io.exportguard.rego.ast;

/**
 * Where a node starts in its source file.
 *
 * @param file the module's file name as given to the parser (e.g. {@code test-0.rego})
 * @param line 1-based line
 * @param column 1-based column, counted in characters
 */
public record Location(String file, int line, int column) implements java.io.Serializable {
  public static final Location NONE = new Location(null, 0, 0);

  @Override
  public String toString() { return file + ":" + line + ":" + column; }
}
