package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {
  @TempDir Path dir;

  private static Cli run(String... args) {
    return Cli.run(args);
  }

  @Test
  void missingDirectoryExitsTwoWithAShortMessage() {
    Cli r = run("policy", "test", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard: " + dir.resolve("nope") + ": no such file or directory").doesNotContain("\tat ");
  }

  @Test
  void unparsableDataFileNamesLineAndColumn() throws Exception {
    Files.createDirectories(dir.resolve("p/cfg"));
    Files.writeString(dir.resolve("p/cfg/data.json"), "{\n  \"a\": ,\n}");
    Cli r = run("policy", "test", dir.resolve("p").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard: " + dir.resolve("p/cfg/data.json") + ":2:");
  }

  @Test
  void helpDescribesTheCommand() {
    Cli r = run("policy", "test", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("N passed, M failed").contains("--run");
  }

  @Test
  void passingAndFailingTestsGiveExitOneWithTheFailureExplained() throws Exception {
    Files.writeString(dir.resolve("check.rego"), """
        package demo

        deny contains "too big" if input.size > 10
        """);
    Files.writeString(dir.resolve("check_test.rego"), """
        package demo_test

        import data.demo

        test_small_passes if {
        	count(demo.deny) == 0 with input as {"size": 1}
        }

        test_big_fails_wrongly if {
        	findings := demo.deny with input as {"size": 11}
        	print("deny:", findings)
        	count(findings) == 0
        }
        """);
    Cli r = run("policy", "test", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("PASS  data.demo_test.test_small_passes\n");
    assertThat(r.out()).contains("FAIL  data.demo_test.test_big_fails_wrongly\n"
        + "      at " + dir.resolve("check_test.rego") + ":9\n"
        + "      undefined\n"
        + "      first failing expression, line 12: count(findings) == 0\n"
        + "        findings = {\"too big\"}\n"
        + "      print: deny: {\"too big\"}\n"
        + "      | test_big_fails_wrongly if {\n");
    assertThat(r.out().strip()).endsWith("1 passed, 1 failed");
    assertThat(r.err()).isEmpty();

    Cli only = run("policy", "test", dir.toString(), "--run", "small");
    assertThat(only.code()).isZero();
    assertThat(only.out().strip()).endsWith("1 passed, 0 failed");
  }

  @Test
  void compileErrorExitsTwoWithFileLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("bad_test.rego"), "package bad_test\n\ntest_x if {\n\tx == 1\n}\n");
    Cli r = run("policy", "test", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("exportguard: " + dir.resolve("bad_test.rego") + ":4:").doesNotContain("\tat io.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void directoryWithoutTestsIsAnError() throws Exception {
    Files.writeString(dir.resolve("p.rego"), "package p\n\nallow := true\n");
    Cli r = run("policy", "test", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no test rules");
  }

  @Test
  void testFilesNamedAsOpasLibraryNamesThemRunToo() throws Exception {
    Files.writeString(dir.resolve("p.rego"), "package p\n\nallow if input.x == 1\n");
    Files.writeString(dir.resolve("test_p.rego"),
        "package p_test\n\nimport data.p\n\ntest_allow if p.allow with input as {\"x\": 1}\n"
            + "test_deny if p.allow with input as {\"x\": 2}\n");
    Cli r = run("policy", "test", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("PASS  data.p_test.test_allow").contains("FAIL  data.p_test.test_deny")
        .contains("1 passed, 1 failed");
  }

  @Test
  void defaultIsTheBuiltInPack() {
    Cli r = run("policy", "test", "--run", "lib\\.ram_test");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("PASS  data.exportguard.lib.ram_test.test_effect_is_compared_exactly");
  }

  @Test
  void userTestsCanUseTheBuiltInLibrary() throws Exception {
    Files.writeString(dir.resolve("mine_test.rego"), """
        package mine_test

        import data.exportguard.lib.ram

        test_the_library_is_there if ram
        """);
    Cli r = run("policy", "test", dir.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("PASS  data.mine_test.test_the_library_is_there").doesNotContain("exportguard.lib.ram_test");
    assertThat(r.code()).isZero();
  }

  @Test
  void v0CompatibleRunsOpa0PoliciesAndTests() throws Exception {
    Files.writeString(dir.resolve("old.rego"), """
        package old

        deny[msg] {
          input.size > 10
          msg := "too big"
        }
        """);
    Files.writeString(dir.resolve("old_test.rego"), """
        package old

        test_big {
          deny["too big"] with input as {"size": 11}
        }

        test_small {
          count(deny) == 0 with input as {"size": 1}
        }
        """);
    Cli v1 = run("policy", "test", dir.toString());
    assertThat(v1.code()).isEqualTo(2);
    assertThat(v1.err()).contains("`if` keyword is required before rule body");
    Cli r = run("policy", "test", "--v0-compatible", dir.toString());
    assertThat(r.out()).contains("PASS  data.old.test_big").contains("PASS  data.old.test_small");
    assertThat(r.code()).isZero();
  }
}
