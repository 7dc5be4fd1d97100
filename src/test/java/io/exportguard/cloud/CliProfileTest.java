package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.credentials.provider.EcsRamRoleCredentialProvider;
import com.aliyun.credentials.provider.OIDCRoleArnCredentialProvider;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.credentials.provider.URLCredentialProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aliyun CLI profile modes map onto the credentials library's providers (no network here). */
class CliProfileTest {
  @TempDir Path dir;

  Path config() throws Exception {
    return Files.writeString(dir.resolve("config.json"), """
        {"current":"default","profiles":[
          {"name":"default","mode":"AK","access_key_id":"LTAIak","access_key_secret":"s3cret-ak"},
          {"name":"sts","mode":"StsToken","access_key_id":"STS.id","access_key_secret":"s3cret-sts","sts_token":"tok"},
          {"name":"role","mode":"RamRoleArn","access_key_id":"x","access_key_secret":"s3cret-role",
           "ram_role_arn":"acs:ram::1:role/r","sts_region":"cn-shanghai"},
          {"name":"chain","mode":"ChainableRamRoleArn","source_profile":"role","ram_role_arn":"acs:ram::1:role/s"},
          {"name":"loop1","mode":"ChainableRamRoleArn","source_profile":"loop2","ram_role_arn":"acs:ram::1:role/s"},
          {"name":"loop2","mode":"ChainableRamRoleArn","source_profile":"loop1","ram_role_arn":"acs:ram::1:role/s"},
          {"name":"ecs","mode":"EcsRamRole","ram_role_name":"worker"},
          {"name":"uri","mode":"CredentialsURI","credentials_uri":"http://127.0.0.1:1/creds"},
          {"name":"oidc","mode":"OIDC","ram_role_arn":"acs:ram::1:role/o","oidc_provider_arn":"acs:ram::1:oidc-provider/gh",
           "oidc_token_file":"/tmp/token"},
          {"name":"oidc-half","mode":"OIDC","ram_role_arn":"acs:ram::1:role/o"},
          {"name":"sso","mode":"CloudSSO"},
          {"name":"empty","mode":"AK","access_key_id":"","access_key_secret":""}]}""");
  }

  @Test
  void readsAkAndStsProfiles() throws Exception {
    CliProfile file = CliProfile.read(config());
    assertThat(file.current()).isEqualTo("default");
    assertThat(new LibraryCredentials(file.provider("default", null)).getCredentials().getAccessKeyId())
        .isEqualTo("LTAIak");
    var sts = new LibraryCredentials(file.provider("sts", null)).getCredentials();
    assertThat(sts).isInstanceOf(BasicSessionCredentials.class);
    assertThat(((BasicSessionCredentials) sts).getSessionToken()).isEqualTo("tok");
  }

  @Test
  void everyCliModeBecomesTheLibrarysProvider() throws Exception {
    CliProfile file = CliProfile.read(config());
    var role = (RamRoleArnCredentialProvider) file.provider("role", null);
    assertThat(role.getRoleArn()).isEqualTo("acs:ram::1:role/r");
    assertThat(role.getSTSEndpoint()).isEqualTo("sts.cn-shanghai.aliyuncs.com");
    assertThat(((RamRoleArnCredentialProvider) file.provider("role", "127.0.0.1:8080")).getSTSEndpoint())
        .as("against an emulator STS calls go to the emulator").isEqualTo("127.0.0.1:8080");
    assertThat(((RamRoleArnCredentialProvider) file.provider("chain", "127.0.0.1:8080")).getRoleArn())
        .isEqualTo("acs:ram::1:role/s");
    assertThat(file.provider("ecs", null)).isInstanceOf(EcsRamRoleCredentialProvider.class);
    assertThat(file.provider("uri", null)).isInstanceOf(URLCredentialProvider.class);
    assertThat(((OIDCRoleArnCredentialProvider) file.provider("oidc", "127.0.0.1:9")).getSTSEndpoint())
        .isEqualTo("127.0.0.1:9");
    assertThat(CliProfile.MODES).containsExactly("AK", "StsToken", "RamRoleArn", "ChainableRamRoleArn",
        "EcsRamRole", "CredentialsURI", "OIDC");
  }

  @Test
  void problemsNameTheProfileButNeverTheSecret() throws Exception {
    CliProfile file = CliProfile.read(config());
    assertThatThrownBy(() -> file.provider("nope", null)).hasMessageContaining("no profile nope")
        .hasMessageContaining("it has: default, sts");
    assertThatThrownBy(() -> file.provider("loop1", null)).hasMessageContaining("loop1 -> loop2 -> loop1");
    assertThatThrownBy(() -> file.provider("oidc-half", null)).hasMessageContaining("mode OIDC needs oidc_provider_arn");
    assertThatThrownBy(() -> file.provider("sso", null)).hasMessageContaining("mode CloudSSO is not supported");
    assertThatThrownBy(() -> file.provider("empty", null)).hasMessageContaining("needs access_key_id");
    assertThatThrownBy(() -> CliProfile.read(dir.resolve("missing.json"))).hasMessageContaining("cannot read");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"profiles\": [ {\"access_key_secret\": s3cret }");
    assertThatThrownBy(() -> CliProfile.read(broken)).hasMessageContaining("broken.json:1:")
        .hasMessageContaining("not valid JSON").message().doesNotContain("s3cret");
    for (String p : new String[] {"nope", "loop1", "empty", "sso"}) {
      assertThatThrownBy(() -> file.provider(p, null)).message().doesNotContain("s3cret");
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
    assertThatThrownBy(() -> CliProfile.read(file))
        .hasMessage(file + ":" + position + ": not valid JSON (" + kind + ")")
        .message().doesNotContain("s3cret").doesNotContain("tok-bad").doesNotContain("{");
    // The chain reads the file too (for its current profile): when no source answers, the file's
    // problem is its reason, with the same message.
    CredentialChain chain = CredentialChain.of(null, Map.of("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"), file,
        "127.0.0.1:1");
    assertThatThrownBy(chain::getCredentials).hasMessageContaining("no credentials from any source")
        .hasMessageContaining("aliyun CLI config: " + file + ":" + position + ": not valid JSON (" + kind + ")")
        .message().doesNotContain("s3cret").doesNotContain("tok-bad");
  }

  @Test
  void aMissingFileIsNoSourceForTheChain() throws Exception {
    CredentialChain chain = CredentialChain.of(null, Map.of(), dir.resolve("absent.json"), "127.0.0.1:1");
    assertThatThrownBy(chain::getCredentials).hasMessageContaining("no credentials from any source");
  }

  @Test
  void anExplicitProfileAndAnotherInTheEnvironmentAreBadInput() throws Exception {
    Path file = config();
    assertThatThrownBy(() -> CredentialChain.of("sts", Map.of("ALIBABA_CLOUD_PROFILE", "default"), file, null))
        .hasMessageContaining("--profile sts and ALIBABA_CLOUD_PROFILE=default name different profiles");
    CredentialChain same = CredentialChain.of("sts", Map.of("ALIBABA_CLOUD_PROFILE", "sts"), file, null);
    assertThat(same.getCredentials().getAccessKeyId()).isEqualTo("STS.id");
    assertThat(same.source()).isEqualTo("profile sts (StsToken)");
  }

  @Test
  void theChainUsesTheCurrentProfileOrTheOneTheEnvironmentNames() throws Exception {
    Path file = config();
    // The library's environment source reads the real environment; this JVM's has no ALIBABA_CLOUD_ keys.
    CredentialChain current = CredentialChain.of(null, Map.of("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"), file, null);
    assertThat(current.getCredentials().getAccessKeyId()).isEqualTo("LTAIak");
    assertThat(current.source()).isEqualTo("aliyun CLI profile default");
    CredentialChain named = CredentialChain.of(null, Map.of("ALIBABA_CLOUD_PROFILE", "sts"), file, "127.0.0.1:1");
    assertThat(named.getCredentials().getAccessKeyId()).isEqualTo("STS.id");
    CredentialChain none = CredentialChain.of(null, Map.of("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true"), file,
        "127.0.0.1:1");
    assertThatThrownBy(none::getCredentials).hasMessageContaining("no credentials from any source")
        .hasMessageContaining("environment:");
  }

  @Test
  void ossSignsWithTheSameCredentials() throws Exception {
    var oss = new OssCredentialsBridge(new LibraryCredentials(CliProfile.read(config()).provider("sts", null)))
        .getCredentials();
    assertThat(oss.getAccessKeyId()).isEqualTo("STS.id");
    assertThat(oss.getSecretAccessKey()).isEqualTo("s3cret-sts");
    assertThat(oss.getSecurityToken()).isEqualTo("tok");
    assertThat(new OssCredentialsBridge(new LibraryCredentials(CliProfile.read(config()).provider("default", null)))
        .getCredentials().useSecurityToken()).isFalse();
  }
}
