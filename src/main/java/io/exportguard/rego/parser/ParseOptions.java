package io.exportguard.rego.parser;

import io.exportguard.rego.RegoVersion;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a module may use, as OPA's parser options and capabilities decide it.
 *
 * @param version the Rego syntax modules are parsed as ({@link RegoVersion#V1} unless running
 *     v0-compatible); a v0 module importing {@code rego.v1} becomes {@link RegoVersion#V0_COMPAT_V1}
 * @param futureKeywords the capabilities' {@code future_keywords}, or null for every keyword the
 *     engine knows ({@code and}, {@code or}, {@code not}, and in v0 {@code in}, {@code every},
 *     {@code if}, {@code contains})
 * @param templateStrings the {@code template_strings} feature: {@code $"..."} is allowed
 * @param keywordsInRefs the {@code keywords_in_refs} feature: {@code if.x}, {@code contains[k]} read as refs
 * @param regoV1Import the {@code rego_v1_import} feature: {@code import rego.v1} is allowed
 */
public record ParseOptions(RegoVersion version, Set<String> futureKeywords, boolean templateStrings,
                           boolean keywordsInRefs, boolean regoV1Import) {
  /** Keywords of v1 that v0 modules must import. */
  static final List<String> V0_FUTURE = List.of("contains", "every", "if", "in");
  /** Keywords even v1 modules must import. */
  static final List<String> V1_FUTURE = List.of("and", "not", "or");

  public static final ParseOptions V1 = of(RegoVersion.V1);
  public static final ParseOptions V0 = of(RegoVersion.V0);

  public ParseOptions {
    futureKeywords = futureKeywords == null ? null : Set.copyOf(futureKeywords);
  }

  /** Everything allowed, for the given syntax. */
  public static ParseOptions of(RegoVersion version) {
    return new ParseOptions(version == RegoVersion.V0_COMPAT_V1 ? RegoVersion.V0 : version, null, true, true, true);
  }

  /** The options OPA's parser takes from capabilities (null: everything allowed). */
  public static ParseOptions of(RegoVersion version, io.exportguard.rego.Capabilities caps) {
    if (caps == null) return of(version);
    RegoVersion v = version == RegoVersion.V0_COMPAT_V1 ? RegoVersion.V0 : version;
    return new ParseOptions(v, caps.futureKeywords(), caps.has("template_strings"), caps.has("keywords_in_refs"),
        caps.has("rego_v1_import") || caps.has("rego_v1"));
  }

  public ParseOptions withVersion(RegoVersion v) {
    return new ParseOptions(v, futureKeywords, templateStrings, keywordsInRefs, regoV1Import);
  }

  /** The keywords {@code import future.keywords.x} may name in a module of this syntax, sorted. */
  Set<String> importable() {
    Set<String> out = new TreeSet<>();
    boolean v1 = version != RegoVersion.V0;
    if (v1) out.addAll(V0_FUTURE);
    for (String k : V1_FUTURE) if (futureKeywords == null || futureKeywords.contains(k)) out.add(k);
    if (!v1) for (String k : V0_FUTURE) if (futureKeywords == null || futureKeywords.contains(k)) out.add(k);
    return out;
  }
}
