package io.exportguard.cloud;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.EcsRamRoleCredentialProvider;
import com.aliyun.credentials.provider.EnvironmentVariableCredentialsProvider;
import com.aliyun.credentials.provider.OIDCRoleArnCredentialProvider;
import com.aliyun.credentials.provider.ProfileCredentialsProvider;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.credentials.provider.SystemPropertiesCredentialsProvider;
import com.aliyun.credentials.provider.URLCredentialProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a run's credentials come from, in the credentials library's documented order (the order
 * of its default chain; the first source that yields a key wins):
 * <ol>
 *   <li>{@code --profile NAME}: that aliyun CLI profile, and nothing else;</li>
 *   <li>the {@code alibabacloud.accessKeyId}/{@code accessKeySecret}/{@code sessionToken} system properties;</li>
 *   <li>{@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code _SECRET} (and {@code _SECURITY_TOKEN}); with
 *       {@code ALIBABA_CLOUD_ROLE_ARN} also set, those keys assume that role;</li>
 *   <li>OIDC: {@code ALIBABA_CLOUD_ROLE_ARN}, {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN} and
 *       {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE} all set;</li>
 *   <li>the aliyun CLI's config file: the profile {@code ALIBABA_CLOUD_PROFILE} names, else its
 *       {@code current} one (not with {@code ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true});</li>
 *   <li>the credentials file {@code ~/.alibabacloud/credentials} (or {@code ALIBABA_CLOUD_CREDENTIALS_FILE});</li>
 *   <li>the ECS instance's RAM role (not with {@code ALIBABA_CLOUD_ECS_METADATA_DISABLED=true});</li>
 *   <li>{@code ALIBABA_CLOUD_CREDENTIALS_URI}.</li>
 * </ol>
 * Against an emulator every STS call goes to the emulator, and the two sources that could only
 * reach Alibaba Cloud (the credentials file, whose role types the library sends to the real STS,
 * and the instance metadata service) are left out.
 */
public final class CredentialChain implements AlibabaCloudCredentialsProvider {
  /** One link: a name for messages and the identity line, and how to build its provider. */
  private record Link(String source, Supplier<AlibabaCloudCredentialsProvider> provider) {}

  private final List<Link> links;
  private volatile AlibabaCloudCredentialsProvider chosen;
  private volatile String chosenSource;

  private CredentialChain(List<Link> links) {
    this.links = links;
  }

  /**
   * The chain for a run. {@code stsEndpoint} is the emulator's {@code host:port}, or null for
   * Alibaba Cloud. Throws IllegalArgumentException (a user-facing message) for a profile that
   * cannot be used or flags that contradict the environment.
   */
  public static CredentialChain of(String profile, Map<String, String> env, Path cliConfig, String stsEndpoint) {
    List<Link> links = new ArrayList<>();
    if (profile != null) {
      String envProfile = env.get("ALIBABA_CLOUD_PROFILE");
      if (envProfile != null && !envProfile.isEmpty() && !envProfile.equals(profile)) {
        throw new IllegalArgumentException("--profile " + profile + " and ALIBABA_CLOUD_PROFILE=" + envProfile
            + " name different profiles; unset one");
      }
      CliProfile file = CliProfile.read(cliConfig);
      String mode = file.mode(profile);
      AlibabaCloudCredentialsProvider p;
      try {
        p = file.provider(profile, stsEndpoint);
      } catch (com.aliyun.credentials.exception.CredentialException e) {
        // The library refuses some modes when it is built (the instance role with the metadata
        // service disabled): reported like any source that yields no key.
        p = new Refused(e);
      }
      AlibabaCloudCredentialsProvider built = p;
      links.add(new Link("profile " + profile + " (" + mode + ")", () -> built));
      return new CredentialChain(links);
    }
    boolean emulator = stsEndpoint != null;
    links.add(new Link("system properties", SystemPropertiesCredentialsProvider::new));
    String roleArn = nonEmpty(env.get("ALIBABA_CLOUD_ROLE_ARN"));
    boolean oidc = roleArn != null && nonEmpty(env.get("ALIBABA_CLOUD_OIDC_PROVIDER_ARN")) != null
        && nonEmpty(env.get("ALIBABA_CLOUD_OIDC_TOKEN_FILE")) != null;
    if (roleArn != null && !oidc && nonEmpty(env.get("ALIBABA_CLOUD_ACCESS_KEY_ID")) != null) {
      links.add(new Link("environment, assuming " + roleArn, () -> {
        RamRoleArnCredentialProvider.Builder b = RamRoleArnCredentialProvider.builder()
            .credentialsProvider(new EnvironmentVariableCredentialsProvider()).roleArn(roleArn)
            .roleSessionName(sessionName(env));
        return emulator ? b.STSEndpoint(stsEndpoint).build() : b.build();
      }));
    } else {
      links.add(new Link("environment", EnvironmentVariableCredentialsProvider::new));
    }
    if (oidc) {
      links.add(new Link("OIDC (environment)", () -> {
        OIDCRoleArnCredentialProvider.Builder b = OIDCRoleArnCredentialProvider.builder()
            .roleArn(roleArn)
            .oidcProviderArn(env.get("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"))
            .oidcTokenFilePath(env.get("ALIBABA_CLOUD_OIDC_TOKEN_FILE"))
            .roleSessionName(sessionName(env));
        return emulator ? b.STSEndpoint(stsEndpoint).build() : b.build();
      }));
    }
    if (!"true".equalsIgnoreCase(env.get("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) && Files.isRegularFile(cliConfig)) {
      CliProfile file;
      try {
        file = CliProfile.read(cliConfig);
      } catch (IllegalArgumentException e) {
        // A broken file is this source's reason, listed with the others' when no source answers.
        links.add(new Link("aliyun CLI config", () -> new Refused(e)));
        file = null;
      }
      String name = file == null ? null
          : nonEmpty(env.get("ALIBABA_CLOUD_PROFILE")) != null ? env.get("ALIBABA_CLOUD_PROFILE") : file.current();
      if (name != null) {
        CliProfile read = file;
        links.add(new Link("aliyun CLI profile " + name, () -> read.provider(name, stsEndpoint)));
      }
    }
    if (!emulator) {
      links.add(new Link("credentials file", ProfileCredentialsProvider::new));
      if (!"true".equalsIgnoreCase(env.get("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))) {
        links.add(new Link("ECS instance RAM role", () -> EcsRamRoleCredentialProvider.builder().build()));
      }
    }
    String uri = nonEmpty(env.get("ALIBABA_CLOUD_CREDENTIALS_URI"));
    if (uri != null) {
      links.add(new Link("credentials URI", () -> URLCredentialProvider.builder().credentialsURI(uri).build()));
    }
    return new CredentialChain(links);
  }

  /**
   * The first source's credentials; after one answered, always that one (it refreshes itself).
   * The exception's message lists every source's reason, as the library's chain does.
   */
  @Override
  public CredentialModel getCredentials() {
    AlibabaCloudCredentialsProvider c = chosen;
    if (c != null) return c.getCredentials();
    List<String> reasons = new ArrayList<>();
    for (Link link : links) {
      try {
        AlibabaCloudCredentialsProvider p = link.provider().get();
        CredentialModel m = p.getCredentials();
        if (m != null && m.getAccessKeyId() != null && !m.getAccessKeyId().isEmpty()) {
          chosen = p;
          chosenSource = link.source();
          return m;
        }
        reasons.add(link.source() + ": no key");
      } catch (RuntimeException e) {
        reasons.add(link.source() + ": " + LibraryCredentials.scrub(firstLine(e.getMessage())));
      }
    }
    throw new com.aliyun.credentials.exception.CredentialException("no credentials from any source: "
        + String.join("; ", reasons));
  }

  /** Which source answered ("environment", "profile ci (RamRoleArn)"), or null before the first call. */
  public String source() {
    return chosenSource;
  }

  @Override
  public String getProviderName() {
    return "exportguard";
  }

  @Override
  public void close() {
    AlibabaCloudCredentialsProvider c = chosen;
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing to release that matters at the end of a run
      }
    }
  }

  /** A source the library refused to build: it fails when asked, with the library's reason. */
  private record Refused(RuntimeException reason) implements AlibabaCloudCredentialsProvider {
    @Override public CredentialModel getCredentials() { throw reason; }
    @Override public String getProviderName() { return "refused"; }
    @Override public void close() {}
  }

  private static String sessionName(Map<String, String> env) {
    String s = nonEmpty(env.get("ALIBABA_CLOUD_ROLE_SESSION_NAME"));
    return s != null ? s : "exportguard-" + System.currentTimeMillis();
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String firstLine(String s) {
    if (s == null) return "failed";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
