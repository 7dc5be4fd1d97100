package io.exportguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.RegoModule;
import io.exportguard.rego.value.Json;
import io.exportguard.rego.value.ObjectValue;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
  @TempDir Path dir;

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static LoadedPolicies load(List<Path> policies, boolean defaults, List<Path> data, boolean tests)
      throws PolicyLoadException {
    return PolicyLoader.load(new PolicyLoader.Sources(policies, defaults, data, tests));
  }

  private static Value at(ObjectValue data, String... path) {
    Value v = data;
    for (String k : path) {
      if (!(v instanceof ObjectValue o)) return null;
      v = o.get(k);
    }
    return v;
  }

  @Test
  void directoryGivesModulesAndMountsDataFilesAtTheirDirectory() throws Exception {
    write("p/a.rego", "package a");
    write("p/a_test.rego", "package a_test");
    write("p/x/y/data.json", "{\"k\": 1}");
    write("p/x/z/data.yaml", "list: [1, 2]\n");
    write("p/data.yml", "top: true\n");
    write("p/fixture.json", "not even json");        // ignored: not named data.*
    write("p/.git/config.rego", "garbage");           // ignored: hidden folder

    LoadedPolicies lp = load(List.of(dir.resolve("p")), false, List.of(), false);

    assertThat(lp.modules()).extracting(RegoModule::file).containsExactly(dir.resolve("p/a.rego").toString());
    assertThat(at(lp.data(), "x", "y", "k")).isEqualTo(Json.parse("1"));
    assertThat(at(lp.data(), "x", "z", "list")).isEqualTo(Json.parse("[1,2]"));
    assertThat(at(lp.data(), "top")).isEqualTo(Json.parse("true"));
  }

  @Test
  void testModulesOnlyWhenAsked() throws Exception {
    write("p/a.rego", "package a");
    write("p/a_test.rego", "package a_test");
    LoadedPolicies lp = load(List.of(dir.resolve("p")), false, List.of(), true);
    assertThat(lp.modules()).extracting(RegoModule::file).containsExactly(
        dir.resolve("p/a.rego").toString(), dir.resolve("p/a_test.rego").toString());
  }

  @Test
  void singleRegoFileIsAModule() throws Exception {
    Path f = write("one.rego", "package one");
    LoadedPolicies lp = load(List.of(f), false, List.of(), false);
    assertThat(lp.modules()).containsExactly(new RegoModule(f.toString(), "package one"));
  }

  @Test
  void aModuleThatIsNotUtf8IsRefusedAndOneHoldingTheReplacementCharacterLoads() throws Exception {
    Path bad = dir.resolve("bad.rego");
    Files.write(bad, new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', 'a', '\n', '#', ' ', (byte) 0xC3, '(', '\n'});
    assertThatThrownBy(() -> load(List.of(bad), false, List.of(), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          assertThat(e.file()).isEqualTo(bad.toString());
          assertThat(e.getMessage()).isEqualTo("not valid UTF-8");
        });
    Path good = write("good.rego", "package good\n\nmsg := \"\uFFFD and \u4E2D\u6587\"\n");
    assertThat(load(List.of(good), false, List.of(), false).modules())
        .containsExactly(new RegoModule(good.toString(), "package good\n\nmsg := \"\uFFFD and \u4E2D\u6587\"\n"));
  }

  @Test
  void builtInPackComesFromTheClasspathWithItsConfig() throws Exception {
    LoadedPolicies lp = PolicyLoader.load(PolicyLoader.Sources.defaults());
    assertThat(lp.modules()).isNotEmpty().allSatisfy(m -> {
      assertThat(m.file()).startsWith("policies/exportguard/").endsWith(".rego").doesNotEndWith("_test.rego");
    });
    assertThat(at(lp.data(), "exportguard", "config", "maxDataDisks")).isEqualTo(Json.parse("4"));
    assertThat(at(lp.data(), "exportguard", "config", "requiredOssActions").toJava()).asList().hasSize(8);
  }

  @Test
  void dataFilesMergeUnderConfigLaterWinning() throws Exception {
    Path first = write("a.yaml", "maxWeeklyExports: 10\nimageNameRule:\n  minLength: 3\nwindowsBlocking: true\n");
    Path second = write("b.json", "{\"maxWeeklyExports\": 20, \"unsupportedRegions\": [\"cn-x\"]}");

    LoadedPolicies lp = load(List.of(), true, List.of(first, second), false);

    assertThat(at(lp.data(), "exportguard", "config", "maxWeeklyExports")).isEqualTo(Json.parse("20"));
    assertThat(at(lp.data(), "exportguard", "config", "windowsBlocking")).isEqualTo(Json.parse("true"));
    assertThat(at(lp.data(), "exportguard", "config", "unsupportedRegions")).isEqualTo(Json.parse("[\"cn-x\"]"));
    // deep merge: the rest of the pack's imageNameRule survives
    assertThat(at(lp.data(), "exportguard", "config", "imageNameRule", "minLength")).isEqualTo(Json.parse("3"));
    assertThat(at(lp.data(), "exportguard", "config", "imageNameRule", "maxLength")).isEqualTo(Json.parse("128"));
    assertThat(at(lp.data(), "exportguard", "config", "maxDataDisks")).isEqualTo(Json.parse("4"));
  }

  @Test
  void yamlNumbersKeepTheirDigits() throws Exception {
    Path f = write("n.yaml", "ratio: 0.1\nbig: 123456789012345678901234567890\nname: \"x\"\nlist: [a, 2, null, true]\n");
    LoadedPolicies lp = load(List.of(), false, List.of(f), false);
    assertThat(at(lp.data(), "exportguard", "config")).isEqualTo(Json.parse(
        "{\"ratio\": 0.1, \"big\": 123456789012345678901234567890, \"name\": \"x\", \"list\": [\"a\", 2, null, true]}"));
  }

  @Test
  void dataWithoutDefaultPoliciesStillLandsUnderConfig() throws Exception {
    Path f = write("d.json", "{\"maxConcurrentExports\": 2}");
    LoadedPolicies lp = load(List.of(), false, List.of(f), false);
    assertThat(lp.modules()).isEmpty();
    assertThat(lp.data()).isEqualTo(Json.parse("{\"exportguard\":{\"config\":{\"maxConcurrentExports\":2}}}"));
  }

  @Test
  void fingerprintIsStableAndCoversSourcesAndData() throws Exception {
    write("p/a.rego", "package a");
    Path d1 = write("d1.json", "{\"maxWeeklyExports\": 1}");
    Path d2 = write("d2.json", "{\"maxWeeklyExports\": 2}");
    String base = load(List.of(dir.resolve("p")), false, List.of(d1), false).sha256();
    assertThat(base).matches("[0-9a-f]{64}");
    assertThat(load(List.of(dir.resolve("p")), false, List.of(d1), false).sha256()).isEqualTo(base);
    assertThat(load(List.of(dir.resolve("p")), false, List.of(d2), false).sha256()).isNotEqualTo(base);
    write("p/a.rego", "package a\n");
    assertThat(load(List.of(dir.resolve("p")), false, List.of(d1), false).sha256()).isNotEqualTo(base);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad.json  | {\\n  \"a\": 1,\\n  \"b\": }  | 3 | invalid JSON",
      "bad.yaml  | a: 1\\nb: [1, 2\\nc: 3     | 3 | invalid YAML",
      "list.json | [1, 2]                    | 1 | must hold an object",
      "dup.yaml  | a: 1\\na: 2               | 2 | invalid YAML",
  })
  void unparsableDataNamesFileLineAndColumn(String name, String text, int line, String message) throws Exception {
    Path f = write(name, text.replace("\\n", "\n"));
    assertThatThrownBy(() -> load(List.of(), false, List.of(f), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          assertThat(e.file()).isEqualTo(f.toString());
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.column()).isPositive();
          assertThat(e.getMessage()).contains(message);
          assertThat(e.format()).startsWith(f + ":" + line + ":");
        });
  }

  @Test
  void aDataFileParseErrorShowsTheLineAndACaret() throws Exception {
    Path f = write("bad.json", "{\n  \"a\": 1,\n  \"b\": }\n");
    assertThatThrownBy(() -> load(List.of(), false, List.of(f), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.format())
            .startsWith(f + ":3:8: invalid JSON").endsWith("\n  \"b\": }\n       ^"));
    Path y = write("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
    assertThatThrownBy(() -> load(List.of(), false, List.of(y), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.format())
            .startsWith(y + ":3:").contains("\nc: 3\n").endsWith("^"));
  }

  @Test
  void badDataFileInsidePolicyDirectoryIsReportedToo() throws Exception {
    write("p/cfg/data.json", "{\"a\": [1,}");
    assertThatThrownBy(() -> load(List.of(dir.resolve("p")), false, List.of(), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          assertThat(e.file()).endsWith("data.json");
          assertThat(e.line()).isEqualTo(1);
        });
  }

  @Test
  void missingPathsAreErrors() {
    Path nope = dir.resolve("nope");
    assertThatThrownBy(() -> load(List.of(nope), false, List.of(), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.format()).isEqualTo(nope + ": no such file or directory"));
    assertThatThrownBy(() -> load(List.of(), false, List.of(nope), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.format()).isEqualTo(nope + ": no such file"));
    assertThatThrownBy(() -> load(List.of(), false, List.of(dir), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.getMessage()).contains("directory"));
  }

  @Test
  void invalidUtf8IsAnError() throws Exception {
    Path f = dir.resolve("x.rego");
    Files.write(f, new byte[] {'p', (byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(() -> load(List.of(f), false, List.of(), false))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.getMessage()).contains("UTF-8"));
  }

  @Test
  void singleFileOfAnotherKindIsAnError() throws Exception {
    Path f = write("notes.txt", "hello");
    assertThatThrownBy(() -> load(List.of(f), false, List.of(), false)).isInstanceOf(PolicyLoadException.class);
  }
}
