package io.exportguard.cloud;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.exceptions.ClientException;
import java.util.regex.Pattern;

/**
 * Lets the V1 SDK clients (core, and through {@link OssCredentialsBridge} OSS) sign with a
 * provider of the credentials library. Asks on every request, so session credentials the library
 * refreshes before they expire stay fresh.
 */
public final class LibraryCredentials implements AlibabaCloudCredentialsProvider {
  /** Secret-bearing fields a library message may quote from a service's reply. */
  private static final Pattern SECRET_FIELD =
      Pattern.compile("(\"?(?:AccessKeySecret|SecurityToken|access_key_secret|sts_token)\"?\\s*[:=]\\s*\"?)[^\",}\\s]+");

  private final com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider library;

  public LibraryCredentials(com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider library) {
    this.library = library;
  }

  @Override
  public AlibabaCloudCredentials getCredentials() throws ClientException {
    CredentialModel m;
    try {
      m = library.getCredentials();
    } catch (RuntimeException e) {
      throw new ClientException("SDK.NoCredentials", scrub(e.getMessage()));
    }
    if (m.getSecurityToken() != null && !m.getSecurityToken().isEmpty()) {
      return new BasicSessionCredentials(m.getAccessKeyId(), m.getAccessKeySecret(), m.getSecurityToken());
    }
    return new BasicCredentials(m.getAccessKeyId(), m.getAccessKeySecret());
  }

  /** A library message with any quoted secret value replaced by {@code REDACTED}. */
  public static String scrub(String message) {
    return message == null ? "no credentials" : SECRET_FIELD.matcher(message).replaceAll("$1REDACTED");
  }
}
