package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.auth.BasicSessionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliProfileTest {
  @TempDir Path dir;

  Path config() throws Exception {
    return Files.writeString(dir.resolve("config.json"), """
        {"current":"default","profiles":[
          {"name":"default","mode":"AK","access_key_id":"LTAIak","access_key_secret":"s3cret-ak"},
          {"name":"sts","mode":"StsToken","access_key_id":"STS.id","access_key_secret":"s3cret-sts","sts_token":"tok"},
          {"name":"role","mode":"RamRoleArn","access_key_id":"x","access_key_secret":"y"},
          {"name":"empty","mode":"AK","access_key_id":"","access_key_secret":""}]}""");
  }

  @Test
  void readsAkAndStsProfiles() throws Exception {
    Path file = config();
    assertThat(CliProfile.load(file, "default").getCredentials().getAccessKeyId()).isEqualTo("LTAIak");
    var sts = CliProfile.load(file, "sts").getCredentials();
    assertThat(sts).isInstanceOf(BasicSessionCredentials.class);
    assertThat(((BasicSessionCredentials) sts).getSessionToken()).isEqualTo("tok");
  }

  @Test
  void problemsNameTheProfileButNeverTheSecret() throws Exception {
    Path file = config();
    assertThatThrownBy(() -> CliProfile.load(file, "nope")).hasMessageContaining("--profile nope: no such profile");
    assertThatThrownBy(() -> CliProfile.load(file, "role")).hasMessageContaining("RamRoleArn")
        .hasMessageContaining("ALIBABA_CLOUD_PROFILE=role");
    assertThatThrownBy(() -> CliProfile.load(file, "empty")).hasMessageContaining("empty");
    assertThatThrownBy(() -> CliProfile.load(dir.resolve("missing.json"), "x")).hasMessageContaining("cannot read");
    for (String p : new String[] {"nope", "role", "empty"}) {
      assertThatThrownBy(() -> CliProfile.load(file, p)).message().doesNotContain("s3cret");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      // missing comma after the secret: the parser stops at the next token
      "'{\"profiles\":[{\"name\":\"p\",\"access_key_secret\":\"s3cret-bad\" \"sts_token\":\"tok-bad-123\"}]}'|1:59|unexpected character",
      // a secret with a raw line break in it
      "'{\"profiles\":[\n{\"name\":\"p\",\n\"access_key_secret\":\"s3cret\nbad\"}]}'|3:28|control character in a string",
      // an unquoted secret
      "'{\"profiles\":[{\"name\":\"p\",\"access_key_secret\":s3cretbad}]}'|1:55|unrecognized token",
      // cut off
      "'{\"profiles\":[{\"name\":\"p\",\"access_key_secret\":\"s3cret-bad'|1:57|the file ends too early"})
  void aMalformedFileIsReportedByPositionWithoutQuotingIt(String text, String position, String kind) throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), text.replace("\\n", "\n"));
    assertThatThrownBy(() -> CliProfile.load(file, "p"))
        .hasMessage("--profile p: " + file + ":" + position + ": not valid JSON (" + kind + ")")
        .message().doesNotContain("s3cret").doesNotContain("tok-bad").doesNotContain("{");
    assertThat(CliProfile.problem(file)).isEqualTo(file + ":" + position + ": not valid JSON (" + kind + ")");
  }

  @Test
  void aValidOrMissingFileHasNoProblem() throws Exception {
    assertThat(CliProfile.problem(config())).isNull();
    assertThat(CliProfile.problem(dir.resolve("absent.json"))).isNull();
  }

  @Test
  void ossSignsWithTheSameCredentials() throws Exception {
    var oss = new OssCredentialsBridge(CliProfile.load(config(), "sts")).getCredentials();
    assertThat(oss.getAccessKeyId()).isEqualTo("STS.id");
    assertThat(oss.getSecretAccessKey()).isEqualTo("s3cret-sts");
    assertThat(oss.getSecurityToken()).isEqualTo("tok");
    assertThat(new OssCredentialsBridge(CliProfile.load(config(), "default")).getCredentials().useSecurityToken())
        .isFalse();
  }
}
