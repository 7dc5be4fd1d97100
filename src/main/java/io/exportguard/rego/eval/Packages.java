package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import io.exportguard.rego.ast.Scalar;
import io.exportguard.rego.ast.SExpr;
import io.exportguard.rego.ast.Var;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the metadata view ({@link PackageInfo}) of compiled modules. */
final class Packages {
  private Packages() {}

  static List<PackageInfo> of(List<Module> modules) {
    Map<String, Acc> byPath = new TreeMap<>();
    for (Module m : modules) {
      String path = m.pkg().dotted();
      Acc acc = byPath.computeIfAbsent(path, k -> new Acc());
      acc.files.add(m.file());
      acc.packageLines.putIfAbsent(m.file(), m.pkg().loc().line());
      for (Annotations a : m.annotations()) if ("package".equals(a.scope())) acc.annotations.add(a);
      int pkgLen = m.pkg().path().size();
      for (Rule r : m.rules()) {
        acc.rules.add(new PackageInfo.RuleInfo(ruleName(r, pkgLen), r.loc().file(), r.loc().line(),
            List.copyOf(r.annotations())));
      }
    }
    List<PackageInfo> out = new ArrayList<>();
    byPath.forEach((path, a) -> out.add(new PackageInfo(path, List.copyOf(a.files), List.copyOf(a.annotations),
        List.copyOf(a.rules), a.packageLines)));
    return List.copyOf(out);
  }

  /** The head without the package prefix, dotted where it can be: {@code deny}, {@code a.b.c}, {@code p[x]}. */
  private static String ruleName(Rule r, int pkgLen) {
    var terms = r.head().terms();
    boolean absolute = terms.get(0) instanceof Var v && v.name().equals("data");
    int from = absolute && terms.size() > pkgLen ? pkgLen : 0;
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < terms.size(); i++) {
      var t = terms.get(i);
      if (t instanceof Scalar s && s.stringOrNull() != null) {
        if (sb.length() > 0) sb.append('.');
        sb.append(s.stringOrNull());
      } else if (t instanceof Var v && i == from) {
        sb.append(v.name());
      } else {
        sb.append('[').append(t instanceof Var v ? v.userName() : SExpr.print(t)).append(']');
      }
    }
    return sb.toString();
  }

  private static final class Acc {
    final Set<String> files = new LinkedHashSet<>();
    final List<Annotations> annotations = new ArrayList<>();
    final List<PackageInfo.RuleInfo> rules = new ArrayList<>();
    final Map<String, Integer> packageLines = new TreeMap<>();
  }
}
