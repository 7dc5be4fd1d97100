package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.Annotations;
import io.exportguard.rego.PackageInfo;
import io.exportguard.report.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckDiscoveryTest {

  static PackageInfo pkg(String path, Map<String, Object> custom) {
    Annotations a = new Annotations("package", Map.of("title", "T " + path, "custom", custom), path + ".rego", 3);
    return new PackageInfo(path, List.of(path + ".rego"), List.of(a), List.of());
  }

  @Test
  void packagesUnderExportguardWithAnIdAreChecks() throws Exception {
    List<CheckDefinition> checks = CheckDiscovery.discover(List.of(
        pkg("exportguard.role.trust", Map.of("id", "EG-ROLE-002", "severity", "critical",
            "prevents", "NoSetRoletoECSServiceAcount", "requires", List.of("role"), "remediation", "fix it")),
        pkg("exportguard.lib.match", Map.of()),
        pkg("other.thing", Map.of("id", "X-1")),
        pkg("exportguard.req.required", Map.of("id", "EG-REQ-001", "severity", "high", "requires", List.of("request")))));
    assertThat(checks).extracting(CheckDefinition::id).containsExactly("EG-REQ-001", "EG-ROLE-002");
    CheckDefinition trust = checks.get(1);
    assertThat(trust.area()).isEqualTo("role");
    assertThat(trust.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(trust.prevents()).isEqualTo("NoSetRoletoECSServiceAcount");
    assertThat(trust.requires()).containsExactly("role");
    assertThat(trust.title()).isEqualTo("T exportguard.role.trust");
    assertThat(trust.policyFile()).isEqualTo("exportguard.role.trust.rego");
    assertThat(checks.get(0).prevents()).isNull();
  }

  @Test
  void aCheckPointsAtItsPackageLineNotItsMetadataBlock() throws Exception {
    Annotations a = new Annotations("package", Map.of("custom", Map.of("id", "EG-X-1")), "x.rego", 1);
    PackageInfo p = new PackageInfo("exportguard.x.y", List.of("x.rego"), List.of(a), List.of(), Map.of("x.rego", 13));
    assertThat(CheckDiscovery.discover(List.of(p))).singleElement()
        .extracting(CheckDefinition::line).isEqualTo(13);
  }

  @Test
  void badMetadataIsReportedWithItsPlace() {
    assertThatThrownBy(() -> CheckDiscovery.discover(List.of(
        pkg("exportguard.a.b", Map.of("id", "EG-1", "severity", "urgent")),
        pkg("exportguard.a.c", Map.of("id", "EG-2", "requires", List.of("imagez"))),
        pkg("exportguard.a.d", Map.of("id", "EG-3")),
        pkg("exportguard.a.e", Map.of("id", "EG-3")))))
        .isInstanceOf(PolicyDefinitionException.class)
        .hasMessageContaining("exportguard.a.b.rego:3: check EG-1: severity urgent")
        .hasMessageContaining("unknown fact area imagez")
        .hasMessageContaining("check id EG-3 is also declared at exportguard.a.d.rego:3");
  }
}
