package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import java.util.concurrent.CompletableFuture;

/**
 * Credentials decided after the client that uses them was built: the SDK client is started before
 * we know whether the run signs with a sandbox key, a profile or the default chain. Asking before
 * {@link #resolve} blocks until it is called.
 */
public final class DeferredCredentials implements AlibabaCloudCredentialsProvider {
  private final CompletableFuture<AlibabaCloudCredentialsProvider> provider = new CompletableFuture<>();

  public void resolve(AlibabaCloudCredentialsProvider p) { provider.complete(p); }

  /** The credentials of the resolved provider; their secret and token are learnt by the redactor first. */
  @Override
  public AlibabaCloudCredentials getCredentials() throws ClientException {
    return CredentialSecrets.register(provider.join().getCredentials());
  }
}
