package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.BearerTokenCredentials;
import com.aliyuncs.auth.IDTokenCredentials;
import com.aliyuncs.exceptions.ClientException;
import io.exportguard.redact.Redactor;
import java.util.List;

/**
 * Tells the {@link Redactor} every secret the run learns: AccessKey secrets and STS tokens, from the
 * environment and system properties the SDK chain reads, from a profile, and from every credential
 * a provider hands out (a chain or role provider refreshes its token; each new one is learnt).
 */
public final class CredentialSecrets {
  /** Where the core SDK chain and the aliyun CLI look for secrets (SDK-NOTES, "Credentials"). */
  private static final List<String> VARIABLES = List.of("ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN",
      "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN", "SECURITY_TOKEN");
  private static final List<String> PROPERTIES = List.of("alibabacloud.accessKeySecret",
      "alibabacloud.accessKeyIdSecret", "alibabacloud.sessionToken");

  private CredentialSecrets() {}

  /** Learns the secrets set in the environment and in system properties. */
  public static void registerEnvironment() {
    for (String v : VARIABLES) Redactor.process().addSecret(System.getenv(v));
    for (String p : PROPERTIES) Redactor.process().addSecret(System.getProperty(p));
  }

  /** Learns a credential's secret and token; returns it. */
  public static AlibabaCloudCredentials register(AlibabaCloudCredentials c) {
    if (c == null) return null;
    Redactor.process().addSecret(c.getAccessKeySecret());
    if (c instanceof BasicSessionCredentials s) Redactor.process().addSecret(s.getSessionToken());
    if (c instanceof BearerTokenCredentials b) Redactor.process().addSecret(b.getBearerToken());
    if (c instanceof IDTokenCredentials t) Redactor.process().addSecret(t.getIDToken());
    return c;
  }

  /** A provider that learns each credential it hands out (wrapping one only once). */
  public static AlibabaCloudCredentialsProvider registering(AlibabaCloudCredentialsProvider p) {
    if (p == null || p instanceof Registering) return p;
    return new Registering(p);
  }

  private record Registering(AlibabaCloudCredentialsProvider provider) implements AlibabaCloudCredentialsProvider {
    @Override
    public AlibabaCloudCredentials getCredentials() throws ClientException {
      return register(provider.getCredentials());
    }
  }
}
