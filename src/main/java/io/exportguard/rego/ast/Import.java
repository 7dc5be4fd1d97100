package io.exportguard.rego.ast;

/**
 * {@code import data.a.b [as c]} or {@code import input.x [as y]}. {@code import rego.v1} and
 * {@code import future.keywords[.x]} are kept (path head {@code rego}/{@code future}) and have no effect.
 *
 * @param alias the {@code as} name, or null
 */
public record Import(Ref path, String alias, Location loc) implements Node {

  /** The name the import binds: the alias, else the path's last element ({@code b}, or {@code data}/{@code input} alone). */
  public String boundName() {
    if (alias != null) return alias;
    Term last = path.get(path.size() - 1);
    if (last instanceof Scalar s && s.stringOrNull() != null) return s.stringOrNull();
    return last instanceof Var v ? v.name() : null;
  }

  /** True for {@code rego.v1} and {@code future.keywords...}, which only select syntax. */
  public boolean isSyntaxOnly() {
    String h = path.headName();
    return "rego".equals(h) || "future".equals(h);
  }
}
