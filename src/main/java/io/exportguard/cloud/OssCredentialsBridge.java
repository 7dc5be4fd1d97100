package io.exportguard.cloud;

import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;

/**
 * Lets the OSS client sign with the core SDK's credentials chain (the OSS SDK has its own provider
 * interface and reads none of the {@code ALIBABA_CLOUD_*} sources). Asks the chain on every request,
 * so rotating STS credentials stay fresh.
 */
final class OssCredentialsBridge implements CredentialsProvider {
  private final AlibabaCloudCredentialsProvider core;

  OssCredentialsBridge(AlibabaCloudCredentialsProvider core) { this.core = core; }

  @Override
  public void setCredentials(Credentials creds) {
    throw new UnsupportedOperationException("credentials come from the core SDK chain");
  }

  @Override
  public Credentials getCredentials() {
    AlibabaCloudCredentials c;
    try {
      c = core.getCredentials();
    } catch (Exception e) {
      throw new com.aliyun.oss.ClientException("NoCredentials", "no credentials: " + e.getMessage(), null);
    }
    if (c instanceof BasicSessionCredentials s && s.getSessionToken() != null && !s.getSessionToken().isEmpty()) {
      return new DefaultCredentials(c.getAccessKeyId(), c.getAccessKeySecret(), s.getSessionToken());
    }
    return new DefaultCredentials(c.getAccessKeyId(), c.getAccessKeySecret());
  }
}
