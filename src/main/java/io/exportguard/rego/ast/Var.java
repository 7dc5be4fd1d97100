package io.exportguard.rego.ast;

/**
 * A variable. The parser keeps the written name ({@code _} for a wildcard). After compiling, names
 * that contain {@code $} are compiler-made: wildcards become {@code $N}, and a local declared in
 * an inner scope that shadows an outer name becomes {@code name$N}. {@code $} cannot be written in
 * Rego, so these never clash with user names; {@link #userName()} gives the name to show users.
 */
public record Var(String name, Location loc) implements Term {
  public static final String WILDCARD = "_";

  public boolean isWildcard() { return name.equals(WILDCARD) || name.startsWith("$"); }

  /** True for compiler-generated names (wildcards, renamed locals). */
  public boolean isGenerated() { return name.indexOf('$') >= 0; }

  /** The name as the user wrote it: {@code x$3} gives {@code x}, {@code $2} gives {@code _}. */
  public String userName() {
    int i = name.indexOf('$');
    if (i < 0) return name;
    return i == 0 ? WILDCARD : name.substring(0, i);
  }
}
