package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Module;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code # METADATA} blocks: parsed as YAML and attached to the package or the following rule. */
class MetadataTest {

  private static final String SOURCE = """
      # METADATA
      # title: Role trust
      # description: The role may only be assumed by ECS.
      # custom:
      #   severity: high
      #   areas: [role]
      package exportguard.role.trust

      # just a comment
      p := 1

      # METADATA
      # title: Deny
      # custom:
      #   id: R1
      deny contains msg if {
        msg := "x"
      }

      # METADATA
      # scope: subpackages
      # title: All below
      q := 2
      """;

  @Test
  void attachesBlocksToPackageAndRules() throws RegoException {
    Module m = Parser.parseModule("trust.rego", SOURCE);
    assertThat(m.annotations()).hasSize(2);
    Annotations pkg = m.annotations().get(0);
    assertThat(pkg.scope()).isEqualTo("package");
    assertThat(pkg.title()).isEqualTo("Role trust");
    assertThat(pkg.description()).isEqualTo("The role may only be assumed by ECS.");
    assertThat(pkg.custom()).containsEntry("severity", "high");
    assertThat(pkg.line()).isEqualTo(1);
    assertThat(pkg.file()).isEqualTo("trust.rego");
    assertThat(m.annotations().get(1).scope()).isEqualTo("subpackages");

    assertThat(m.rules().get(0).annotations()).isEmpty();
    Annotations deny = m.rules().get(1).annotations().get(0);
    assertThat(deny.scope()).isEqualTo("rule");
    assertThat(deny.title()).isEqualTo("Deny");
    assertThat(deny.custom()).isEqualTo(Map.of("id", "R1"));
    assertThat(m.rules().get(2).annotations()).isEmpty();
  }

  @Test
  void invalidYamlIsAParseErrorAtTheBlock() {
    String src = "package x\n\n# METADATA\n# title: [unclosed\np := 1\n";
    assertThatThrownBy(() -> Parser.parseModule("m.rego", src)).isInstanceOfSatisfying(RegoException.class, e -> {
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).code()).isEqualTo("rego_parse_error");
      assertThat(e.errors().get(0).line()).isEqualTo(3);
      assertThat(e.errors().get(0).message()).startsWith("invalid METADATA block: ");
    });
  }

  @Test
  void ruleScopeAbovePackageIsAnError() {
    String src = "# METADATA\n# scope: rule\npackage x\np := 1\n";
    assertThatThrownBy(() -> Parser.parseModule("m.rego", src)).isInstanceOf(RegoException.class)
        .hasMessageContaining("annotation scope 'rule' must be applied to rule");
  }

  @Test
  void errorFormatShowsFileLineColumnAndCaret() {
    assertThatThrownBy(() -> Parser.parseModule("policies/x.rego", "package x\n\np if {\n  x := }\n"))
        .isInstanceOfSatisfying(RegoException.class, e -> assertThat(e.errors().get(0).format()).isEqualTo(
            "policies/x.rego:4:8: rego_parse_error: unexpected } token\n  x := }\n       ^"));
  }
}
