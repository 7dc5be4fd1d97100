package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scan input: one clear message naming the file and position (with the line and a caret), exit 2, no report. */
class ScanBadInputTest {
  static final Path BAD = Path.of("src/test/resources/scan/bad");

  @TempDir Path dir;

  Cli scan(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "scan";
    all[1] = "--report";
    all[2] = "json";
    all[3] = "--out";
    all[4] = dir.resolve("out").toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  void assertBadInput(Cli run, String... expected) {
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("exportguard scan: ").contains(expected).doesNotContain("Exception", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aTruncatedPlanNamesTheFileLineAndColumnWithACaret() {
    Cli run = scan(BAD.resolve("truncated.tfplan.json").toString());
    assertBadInput(run, "truncated.tfplan.json:", "^");
    assertThat(run.err()).containsPattern("truncated\\.tfplan\\.json:\\d+:\\d+: ");
    // One message, the source line and the caret: not the file's text that Jackson's message quotes.
    assertThat(run.err().strip().split("\n")).hasSize(3);
    assertThat(run.err()).doesNotContain("[Source:").containsPattern("start marker at line \\d+, column \\d+\\)");
  }

  @Test
  void aFileNamedAsAPlanThatIsNotOneIsBadInput() {
    assertBadInput(scan(BAD.resolve("state.tfplan.json").toString()), "state.tfplan.json:1:1: ",
        "not a Terraform plan");
  }

  @Test
  void anUnknownRosFunctionIsNamedWithItsPosition() {
    assertBadInput(scan(BAD.resolve("unknown-function.ros.json").toString()),
        "unknown-function.ros.json:7:", "unknown function Fn::Concat", "^");
  }

  @Test
  void aFileThatIsNeitherJsonNorYamlIsBadInputWhenNamed() {
    assertBadInput(scan(BAD.resolve("notes.txt").toString()), "notes.txt");
  }

  @Test
  void aMissingFileOrNothingToScanIsBadInput() {
    assertBadInput(scan(dir.resolve("absent.tfplan.json").toString()), "absent.tfplan.json: no such file");
    assertBadInput(scan(), "nothing to scan");
  }

  @Test
  void aPolicyFlagNeedsAPolicyDocument() throws Exception {
    Path notPolicy = Files.writeString(dir.resolve("p.json"), "{\"Version\": \"1\"}");
    assertBadInput(scan("--trust-policy", notPolicy.toString()), "p.json:1:1: ", "not a RAM or OSS policy document");
  }

  @Test
  void aFolderWithNothingAScanUnderstandsIsAnErrorNotAPass() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("src"));
    Files.writeString(folder.resolve("main.tf"), "resource \"alicloud_oss_bucket\" \"b\" {}\n");
    assertBadInput(scan(folder.toString()), "no Terraform plan JSON, ROS template or policy document found (1 files ignored",
        "main.tf: Terraform source: scan its plan");
  }

  @Test
  void liveFlagsNeedLive() {
    assertBadInput(scan(BAD.resolve("../terraform/pass.tfplan.json").toString(), "--sandbox", "demo-pass"),
        "need --live");
  }
}
