package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The standard registry registers a family when one of its builtins is first looked up, by the
 * list in families.txt. This test makes that list from what each family registers and checks the
 * committed one is the same; {@code -Dexportguard.regenerate=true} rewrites it.
 */
class BuiltinFamiliesTest {
  private static final Path SOURCE = Path.of("src/main/resources/io/exportguard/rego/builtins", BuiltinRegistry.FAMILIES_FILE);

  /** Every family registered, each into a registry of its own: family -> the builtins it implements. */
  private static Map<String, Set<String>> byFamily() {
    Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    for (String family : BuiltinRegistry.FAMILIES) {
      BuiltinRegistry r = new BuiltinRegistry();
      Catalog.declareAll(r);
      BuiltinRegistry.register(family, r);
      Set<String> names = new TreeSet<>();
      r.all().forEach((name, d) -> { if (d.impl() != null) names.add(name); });
      out.put(family, names);
    }
    return out;
  }

  private static String listing() {
    StringBuilder text = new StringBuilder("# Which family class registers each builtin (BuiltinRegistry); made by BuiltinFamiliesTest.\n");
    byFamily().forEach((family, names) -> text.append(family).append(' ').append(String.join(" ", names)).append('\n'));
    return text.toString();
  }

  @Test
  void theCommittedListIsWhatTheFamiliesRegister() throws IOException {
    String expected = listing();
    if (Boolean.getBoolean("exportguard.regenerate")) Files.writeString(SOURCE, expected);
    String committed;
    try (InputStream in = BuiltinRegistry.class.getResourceAsStream(BuiltinRegistry.FAMILIES_FILE)) {
      committed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(committed).as("families.txt is stale: run mvn test -Dtest=BuiltinFamiliesTest -Dexportguard.regenerate=true")
        .isEqualTo(expected);
  }

  @Test
  void noBuiltinIsRegisteredByTwoFamilies() {
    Map<String, String> seen = new HashMap<>();
    byFamily().forEach((family, names) -> {
      for (String n : names) assertThat(seen.put(n, family)).as(n).isNull();
    });
    assertThat(seen).hasSizeGreaterThan(190);
  }

  @Test
  void aLookupRegistersOnlyTheFamilyOfTheBuiltinAndGivesWhatRegisteringAllGives() {
    BuiltinRegistry lazy = BuiltinRegistry.standard();
    assertThat(lazy.lookup("count").orElseThrow().impl()).isNotNull();
    assertThat(lazy.registeredFamilies()).containsExactly("Aggregates");
    assertThat(lazy.lookup("input.not.a.builtin")).isEmpty();
    assertThat(lazy.registeredFamilies()).containsExactly("Aggregates");

    BuiltinRegistry all = BuiltinRegistry.standard();
    Map<String, BuiltinDecl> eager = all.all();
    assertThat(all.registeredFamilies()).containsExactlyInAnyOrderElementsOf(BuiltinRegistry.FAMILIES);
    for (BuiltinDecl e : eager.values()) {
      BuiltinDecl d = BuiltinRegistry.standard().lookup(e.name()).orElseThrow();
      assertThat(d.impl() != null).as(e.name()).isEqualTo(e.impl() != null);
      assertThat(d.arity()).as(e.name()).isEqualTo(e.arity());
      assertThat(d.relation()).as(e.name()).isEqualTo(e.relation());
      assertThat(d.nondeterministic()).as(e.name()).isEqualTo(e.nondeterministic());
      assertThat(d.deprecated()).as(e.name()).isEqualTo(e.deprecated());
      assertThat(String.valueOf(d.type())).as(e.name()).isEqualTo(String.valueOf(e.type()));
    }
  }

  @Test
  void aBuiltinTheListDoesNotPlaceMakesEveryFamilyRegister() {
    BuiltinRegistry stale = BuiltinRegistry.standard(Map.of("count", "Aggregates"));
    assertThat(stale.lookup("count").orElseThrow().impl()).isNotNull();
    assertThat(stale.registeredFamilies()).containsExactly("Aggregates");
    assertThat(stale.lookup("concat").orElseThrow().impl()).isNotNull();
    assertThat(stale.registeredFamilies()).containsExactlyInAnyOrderElementsOf(BuiltinRegistry.FAMILIES);
  }
}
