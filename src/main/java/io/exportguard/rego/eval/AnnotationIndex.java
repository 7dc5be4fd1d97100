package io.exportguard.rego.eval;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.ast.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The METADATA blocks {@code rego.metadata.chain()} walks, by the path they annotate: document scope
 * by rule path ({@code data.pkg.p}), package and subpackages scope by package path, and the package
 * of every module file. The first block declared for a path wins.
 */
final class AnnotationIndex {
  final Map<String, Annotations> documents = new HashMap<>();
  final Map<String, Annotations> packages = new HashMap<>();
  final Map<String, Annotations> subpackages = new HashMap<>();
  final Map<String, String> packageOfFile = new HashMap<>();

  static AnnotationIndex of(List<Module> modules) {
    AnnotationIndex index = new AnnotationIndex();
    for (Module m : modules) {
      String pkg = "data." + m.pkg().dotted();
      index.packageOfFile.putIfAbsent(m.file(), pkg);
      for (Annotations a : m.annotations()) {
        if ("package".equals(a.scope())) index.packages.putIfAbsent(pkg, a);
        else if ("subpackages".equals(a.scope())) index.subpackages.putIfAbsent(pkg, a);
      }
      for (Rule r : m.rules()) {
        for (Annotations a : r.annotations()) {
          if ("document".equals(a.scope())) index.documents.putIfAbsent(groundPath(r), a);
          else if ("package".equals(a.scope())) index.packages.putIfAbsent(pkg, a);
          else if ("subpackages".equals(a.scope())) index.subpackages.putIfAbsent(pkg, a);
        }
      }
    }
    return index;
  }

  /** The dotted ground prefix of a rule's (absolute) head ref: {@code data.pkg.a.b} for {@code a.b[x]}. */
  static String groundPath(Rule r) {
    StringBuilder sb = new StringBuilder("data");
    List<io.exportguard.rego.ast.Term> terms = r.head().terms();
    for (int i = 1; i < terms.size(); i++) {
      if (!(terms.get(i) instanceof io.exportguard.rego.ast.Scalar s)
          || !(s.value() instanceof io.exportguard.rego.value.StringValue str)) {
        break;
      }
      sb.append('.').append(str.value());
    }
    return sb.toString();
  }
}
