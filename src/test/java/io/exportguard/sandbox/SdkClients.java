package io.exportguard.sandbox;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/** The real SDK clients pointed at a sandbox, configured as SDK-NOTES.md says. */
public final class SdkClients {
  private final Sandbox sandbox;
  private final IAcsClient acs;

  public SdkClients(Sandbox sandbox) {
    this(sandbox, sandbox.accessKeyId(), sandbox.accessKeySecret());
  }

  public SdkClients(Sandbox sandbox, String accessKeyId, String secret) {
    this.sandbox = sandbox;
    DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret);
    HttpClientConfig config = HttpClientConfig.getDefault();
    config.setConnectionTimeoutMillis(2000);
    config.setReadTimeoutMillis(5000);
    profile.setHttpClientConfig(config);
    this.acs = new DefaultAcsClient(profile);
  }

  /** Sends an ECS or RAM request to the sandbox over plain HTTP. */
  public <T extends AcsResponse> T call(AcsRequest<T> request) throws ClientException {
    request.setSysEndpoint(sandbox.hostAndPort());
    request.setSysProtocol(ProtocolType.HTTP);
    if (request.getSysRegionId() == null) {
      request.setSysRegionId("cn-hangzhou");
    }
    return acs.getAcsResponse(request);
  }

  public IAcsClient acs() {
    return acs;
  }

  /** An OSS client with signature V1 (the SDK default) and no retries. */
  public static OSS ossV1(Sandbox sandbox) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    return new OSSClientBuilder().build(sandbox.endpoint().toString(), sandbox.accessKeyId(), sandbox.accessKeySecret(), conf);
  }

  /** An OSS client with signature V4 scoped to {@code region}, and no retries. */
  public static OSS ossV4(Sandbox sandbox, String region) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    conf.setSignatureVersion(SignVersion.V4);
    return OSSClientBuilder.create().endpoint(sandbox.endpoint().toString())
        .credentialsProvider(new DefaultCredentialProvider(sandbox.accessKeyId(), sandbox.accessKeySecret()))
        .clientConfiguration(conf).region(region).build();
  }

  public void shutdown() {
    acs.shutdown();
  }
}
