package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import java.time.Duration;

/**
 * Everything needed to build SDK clients: where to send requests, whose credentials to sign
 * with, per-call timeouts and the retry policy.
 */
public record CloudConfig(Endpoints endpoints, AlibabaCloudCredentialsProvider credentials,
                          Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {
  /** Every client signs through this provider: whatever secret it hands out, the redactor learns. */
  public CloudConfig {
    credentials = CredentialSecrets.registering(credentials);
  }

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  public static CloudConfig of(Endpoints endpoints, AlibabaCloudCredentialsProvider credentials) {
    return new CloudConfig(endpoints, credentials, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT);
  }

  public CloudConfig withRetry(RetryPolicy r) {
    return new CloudConfig(endpoints, credentials, connectTimeout, readTimeout, r);
  }

  public CloudConfig withReadTimeout(Duration t) {
    return new CloudConfig(endpoints, credentials, connectTimeout, t, retry);
  }
}
