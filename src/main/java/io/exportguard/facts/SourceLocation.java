package io.exportguard.facts;

/**
 * Where something a static scan read is declared: a file (as the user named it, relative to the
 * working directory when inside it), the 1-based line and column of the declaration, the address a
 * reader knows it by ({@code module.export.alicloud_ram_role.export}, a ROS logical id, a policy
 * file's role), and, when the file was generated from another (a Terraform plan from {@code .tf}
 * files), where it is written in that source.
 *
 * @param line 0 when unknown
 * @param column 0 when unknown
 * @param address null when the file itself is the declaration
 * @param definedAt the declaration in the source the file was generated from, or null
 */
public record SourceLocation(String file, int line, int column, String address, SourceLocation definedAt) {
  public SourceLocation {
    if (file == null || file.isEmpty()) throw new IllegalArgumentException("a source location needs a file");
  }

  public SourceLocation(String file, int line, int column, String address) {
    this(file, line, column, address, null);
  }

  /** The same location, also defined at {@code source}. */
  public SourceLocation definedAt(SourceLocation source) {
    return new SourceLocation(file, line, column, address, source);
  }

  /** The location people should be sent to: the source written by hand when known, else this file. */
  public SourceLocation primary() { return definedAt != null ? definedAt.primary() : this; }

  /**
   * How reports show it: the hand-written source's {@code file:line}, the address, and the scanned
   * file's {@code file:line} in brackets when they differ ({@code main.tf:30  alicloud_oss_bucket.b
   * (plan.json:162)}).
   */
  public String display() {
    SourceLocation p = primary();
    return p.fileAndLine() + (address == null ? "" : "  " + address) + (p != this ? "  (" + fileAndLine() + ")" : "");
  }

  /** {@code file:line} (or the file alone when the line is unknown). */
  public String fileAndLine() { return line > 0 ? file + ":" + line : file; }
}
