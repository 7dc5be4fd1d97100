package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.exportguard.cli.Main;
import io.exportguard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every credential source end to end: a real preflight child process per case, the credentials
 * library fetching or exchanging the keys (AssumeRole, AssumeRoleWithOIDC, a credentials URI)
 * against the emulator, the SDKs signing with them, and the identity line saying whose they are.
 * The emulator is reached through {@link TlsFront}, since the library only calls STS over HTTPS.
 * Each child gets its own home folder, so the machine's ~/.aliyun never takes part.
 */
class CredentialModesIT {
  private static final String ACCOUNT = "1234567890123456";
  private static final String DEPLOYER = "acs:ram::" + ACCOUNT + ":role/ci-deployer";
  private static final String OIDC_PROVIDER = "acs:ram::" + ACCOUNT + ":oidc-provider/github";
  private static final String GITHUB_ROLE = "acs:ram::" + ACCOUNT + ":role/github-ci";

  @TempDir static Path shared;
  static Sandbox sandbox;
  static TlsFront front;
  static Path tokenFile;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(Path.of("src/test/resources/credentials/credentials.yaml").toString(), 0);
    front = new TlsFront(shared, sandbox.endpoint().getPort());
    // A JWT's shape (header.payload.signature); the emulator checks the shape, not a signature.
    tokenFile = Files.writeString(shared.resolve("oidc-token"),
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMuZ2l0aHVidXNlcmNvbnRlbnQuY29tIn0.c2ln");
  }

  @AfterAll
  static void stop() throws IOException {
    if (front != null) front.close();
    if (sandbox != null) sandbox.close();
  }

  private static String profiles() {
    String uri = sandbox.endpoint() + "/.sandbox/credentials?role=ci-deployer";
    return """
        {"current":"deployer","profiles":[
          {"name":"ak","mode":"AK","access_key_id":"LTAIsandbox","access_key_secret":"sandbox-secret"},
          {"name":"sts","mode":"StsToken","access_key_id":"STS.sandboxsession","access_key_secret":"session-secret",
           "sts_token":"CAISsandboxtoken"},
          {"name":"deployer","mode":"RamRoleArn","access_key_id":"LTAIsandbox","access_key_secret":"sandbox-secret",
           "ram_role_arn":"%s","ram_session_name":"pipeline"},
          {"name":"chained","mode":"ChainableRamRoleArn","source_profile":"ak","ram_role_arn":"%s",
           "ram_session_name":"chained"},
          {"name":"instance","mode":"EcsRamRole","ram_role_name":"worker"},
          {"name":"uri","mode":"CredentialsURI","credentials_uri":"%s"},
          {"name":"oidc","mode":"OIDC","ram_role_arn":"%s","oidc_provider_arn":"%s","oidc_token_file":"%s",
           "ram_session_name":"gha"},
          {"name":"wrong","mode":"AK","access_key_id":"LTAIsandbox","access_key_secret":"not-the-secret"}]}"""
        .formatted(DEPLOYER, DEPLOYER, uri, GITHUB_ROLE, OIDC_PROVIDER, tokenFile);
  }

  record Run(int code, String out, String err, Path reports) {
    String identity() {
      return err.lines().filter(l -> l.startsWith("identity: ")).findFirst().orElse("(no identity line)\n" + err);
    }
  }

  /** A preflight child with only the given ALIBABA_CLOUD_* variables and a home with the profiles. */
  private static Run preflight(Path home, Map<String, String> env, String... flags) throws Exception {
    Files.createDirectories(home.resolve(".aliyun"));
    Files.writeString(home.resolve(".aliyun/config.json"), profiles());
    Path reports = home.resolve("reports");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Duser.home=" + home);
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")); // short runs: less CPU on a shared machine
    cmd.addAll(front.jvmOptions());
    Path jar = Path.of("target", "exportguard.jar");
    if (Files.isRegularFile(jar)) {
      cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    cmd.addAll(List.of("preflight", "--region", "cn-hangzhou", "--image", "m-bp1demo0001", "--bucket",
        "my-export-bucket", "--report", "json", "--out", reports.toString()));
    cmd.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("EXPORTGUARD_"));
    e.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"); // no 1 s metadata-service probe per case
    e.put("NO_PROXY", "127.0.0.1,localhost");
    e.put("HOME", home.toString());
    e.putAll(env);
    Path out = home.resolve("stdout.txt");
    Path err = home.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("preflight did not finish in 60 s");
    }
    Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), reports);
    assertThat(r.out + r.err).as("never a secret or a stack trace")
        .doesNotContain("sandbox-secret").doesNotContain("session-secret").doesNotContain("CAISsandboxtoken")
        .doesNotContain("\tat ");
    return r;
  }

  private static Map<String, String> endpoint() {
    return Map.of("EXPORTGUARD_ENDPOINT", front.url());
  }

  @Test
  void akAndStsTokenProfiles(@TempDir Path home) throws Exception {
    Run ak = preflight(home.resolve("ak"), endpoint(), "--profile", "ak");
    assertThat(ak.code).as(ak.err).isZero();
    assertThat(ak.identity()).contains("account " + ACCOUNT + ", Account acs:ram::" + ACCOUNT + ":root")
        .contains("credentials from profile ak (AK)").contains("calls to " + front.url());
    Run sts = preflight(home.resolve("sts"), endpoint(), "--profile", "sts");
    assertThat(sts.code).as(sts.err).isZero();
    assertThat(sts.identity()).contains("profile sts (StsToken)");
  }

  @Test
  void roleProfilesAssumeTheirRoleThroughStsAndSignWithTheSession(@TempDir Path home) throws Exception {
    Run role = preflight(home.resolve("role"), endpoint(), "--profile", "deployer");
    assertThat(role.code).as(role.err).isZero();
    assertThat(role.identity()).contains("AssumedRoleUser acs:ram::" + ACCOUNT + ":assumed-role/ci-deployer/pipeline")
        .contains("profile deployer (RamRoleArn)");
    Run chained = preflight(home.resolve("chained"), endpoint(), "--profile", "chained");
    assertThat(chained.code).as(chained.err).isZero();
    assertThat(chained.identity()).contains("assumed-role/ci-deployer/chained");
    Run oidc = preflight(home.resolve("oidc"), endpoint(), "--profile", "oidc");
    assertThat(oidc.code).as(oidc.err).isZero();
    assertThat(oidc.identity()).contains("assumed-role/github-ci/gha").contains("profile oidc (OIDC)");
  }

  @Test
  void credentialsUriProfileAndEnvironment(@TempDir Path home) throws Exception {
    Run profile = preflight(home.resolve("p"), endpoint(), "--profile", "uri");
    assertThat(profile.code).as(profile.err).isZero();
    assertThat(profile.identity()).contains("assumed-role/ci-deployer/credentials-uri");
    Map<String, String> env = new HashMap<>(endpoint());
    env.put("ALIBABA_CLOUD_CREDENTIALS_URI", sandbox.endpoint() + "/.sandbox/credentials?role=ci-deployer");
    env.put("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true");
    Run fromEnv = preflight(home.resolve("e"), env);
    assertThat(fromEnv.code).as(fromEnv.err).isZero();
    assertThat(fromEnv.identity()).contains("credentials from credentials URI");
  }

  @Test
  void instanceRoleProfileFailsAsOneClearError(@TempDir Path home) throws Exception {
    // The metadata service (100.100.100.200) cannot be emulated on loopback: the mode is chosen,
    // the library asks the service, and the failure is one line naming the profile.
    Run r = preflight(home, endpoint(), "--profile", "instance");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("no Alibaba Cloud credentials").contains("profile instance (EcsRamRole): IMDS");
    assertThat(r.err.lines().count()).as(r.err).isLessThanOrEqualTo(2);
    assertThat(r.reports).doesNotExist();
  }

  @Test
  void environmentKeysAloneWithARoleArnOrWithOidc(@TempDir Path home) throws Exception {
    Map<String, String> env = new HashMap<>(endpoint());
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsandbox");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sandbox-secret");
    Run plain = preflight(home.resolve("plain"), env);
    assertThat(plain.code).as(plain.err).isZero();
    assertThat(plain.identity()).contains("Account acs:ram::" + ACCOUNT + ":root").contains("credentials from environment");

    env.put("ALIBABA_CLOUD_ROLE_ARN", DEPLOYER);
    env.put("ALIBABA_CLOUD_ROLE_SESSION_NAME", "from-env");
    Run assumed = preflight(home.resolve("assumed"), env);
    assertThat(assumed.code).as(assumed.err).isZero();
    assertThat(assumed.identity()).contains("assumed-role/ci-deployer/from-env")
        .contains("environment, assuming " + DEPLOYER);

    Map<String, String> oidc = new HashMap<>(endpoint());
    oidc.put("ALIBABA_CLOUD_ROLE_ARN", GITHUB_ROLE);
    oidc.put("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER);
    oidc.put("ALIBABA_CLOUD_OIDC_TOKEN_FILE", tokenFile.toString());
    oidc.put("ALIBABA_CLOUD_ROLE_SESSION_NAME", "gha-env");
    Run viaOidc = preflight(home.resolve("oidc"), oidc);
    assertThat(viaOidc.code).as(viaOidc.err).isZero();
    assertThat(viaOidc.identity()).contains("assumed-role/github-ci/gha-env").contains("OIDC (environment)");
  }

  @Test
  void documentedOrderEnvironmentBeforeTheCliFileAndAnExplicitProfileBeforeBoth(@TempDir Path home) throws Exception {
    Map<String, String> env = new HashMap<>(endpoint());
    Run fileOnly = preflight(home.resolve("file"), env);
    assertThat(fileOnly.identity()).as("the file's current profile").contains("aliyun CLI profile deployer")
        .contains("assumed-role/ci-deployer/pipeline");
    env.put("ALIBABA_CLOUD_PROFILE", "chained");
    assertThat(preflight(home.resolve("named"), env).identity()).contains("aliyun CLI profile chained");
    env.remove("ALIBABA_CLOUD_PROFILE");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsandbox");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sandbox-secret");
    assertThat(preflight(home.resolve("env"), env).identity()).as("environment before the file")
        .contains("credentials from environment");
    assertThat(preflight(home.resolve("flag"), env, "--profile", "oidc").identity()).as("--profile before all")
        .contains("profile oidc (OIDC)");
  }

  @Test
  void aWrongKeyIsOneErrorAndNoFactIsUsed(@TempDir Path home) throws Exception {
    Run r = preflight(home, endpoint(), "--profile", "wrong");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("the credentials were rejected (from profile wrong (AK)")
        .contains("STS GetCallerIdentity");
    assertThat(r.err.lines().count()).as(r.err).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.reports).as("no report for bad input").doesNotExist();
  }

  @Test
  void withoutAnEndpointFlagTheSandboxEnvironmentFileIsHonoured(@TempDir Path home) throws Exception {
    // What `exportguard sandbox` writes: EXPORTGUARD_ENDPOINT and the keys. Nothing else is needed.
    Map<String, String> env = new HashMap<>();
    env.put("EXPORTGUARD_ENDPOINT", sandbox.endpoint().toString());
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsandbox");
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sandbox-secret");
    Run r = preflight(home, env);
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.identity()).contains("calls to " + sandbox.endpoint());
    Map<String, String> bad = Map.of("EXPORTGUARD_ENDPOINT", "http://example.com:80");
    Run refused = preflight(home.resolve("bad"), bad);
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.err).contains("EXPORTGUARD_ENDPOINT plain http is only allowed to a loopback address");
  }
}
