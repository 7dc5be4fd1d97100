package io.exportguard.cloud;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.RpcAcsRequest;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.signers.SignatureAlgorithm;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.auth.Signer;
import com.aliyuncs.regions.ProductDomain;
import com.aliyuncs.http.ProtocolType;
import java.io.IOException;
import java.io.StringReader;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SDK clients of one run and the only place requests are sent from. ECS and RAM share one core
 * client; every request gets its endpoint and protocol explicitly (RAM requests default to HTTPS and
 * ECS ones to HTTP, so neither default is trusted) and no JVM-global endpoint is registered. OSS
 * gets one client per region, signed V4 for that region, with the SDK's own retries off (ours apply).
 */
public final class CloudClients implements AutoCloseable {
  /** Whether this process has prepared its first signature and OSS client yet (see {@link #startCoreClient}). */
  private static final AtomicBoolean PREPARED = new AtomicBoolean();
  private final CloudConfig config;
  private final Retrier retrier;
  private final CompletableFuture<IAcsClient> acs;
  private final Map<String, OSS> ossByRegion = new ConcurrentHashMap<>();

  public CloudClients(CloudConfig config) {
    this(config, CompletableFuture.completedFuture(newCoreClient(config.credentials(), config.endpoints().plainHttpOnly())));
  }

  /**
   * With a core client already being built by {@link #startCoreClient}: its construction (TLS
   * context, HTTP client pool) is the slowest part of start-up, so preflight starts it first thing
   * and loads policies and starts the sandbox meanwhile.
   */
  public CloudClients(CloudConfig config, CompletableFuture<IAcsClient> coreClient) {
    this(config, coreClient, CallGate.OPEN);
  }

  /** Every attempt of every call passes {@code gate} (an account audit's per-API pacing). */
  public CloudClients(CloudConfig config, CompletableFuture<IAcsClient> coreClient, CallGate gate) {
    this.config = config;
    this.retrier = new Retrier(config.retry(), gate);
    this.acs = coreClient;
  }

  /**
   * Builds the core (ECS and RAM) client on its own daemon thread; {@code emulatorOnly} for a run
   * that talks only to an emulator over plain HTTP on loopback (such a client refuses TLS, see
   * {@link EmulatorTls}). The first time in a process, the thread then goes on to do the slow
   * first-use work of the run's calls ahead of them ({@link #prepareSigning}, {@link #prepareOss}).
   */
  public static CompletableFuture<IAcsClient> startCoreClient(AlibabaCloudCredentialsProvider credentials,
                                                              boolean emulatorOnly) {
    CompletableFuture<IAcsClient> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(newCoreClient(credentials, emulatorOnly));
      } catch (Throwable e) {
        f.completeExceptionally(e);
        return;
      }
      if (PREPARED.compareAndSet(false, true)) {
        prepareSigning();
        prepareOss(emulatorOnly);
      }
    }, "exportguard-core-client");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /**
   * The client's defaults are HTTPS and loopback bypassing any proxy; every request still sets its
   * own endpoint, protocol and timeouts, so neither SDK default (ECS: HTTP, RAM: HTTPS) is relied on.
   */
  private static IAcsClient newCoreClient(AlibabaCloudCredentialsProvider credentials, boolean emulatorOnly) {
    HttpClientConfig http = HttpClientConfig.getDefault();
    http.setProtocolType(ProtocolType.HTTPS);
    http.setConnectionTimeoutMillis(CloudConfig.CONNECT_TIMEOUT.toMillis());
    http.setReadTimeoutMillis(CloudConfig.READ_TIMEOUT.toMillis());
    http.setMaxRequests(64);
    http.setMaxRequestsPerHost(32);
    http.setNoProxy("127.0.0.1,localhost,::1");
    if (emulatorOnly) {
      http.setSslSocketFactory(EmulatorTls.NO_SOCKETS);
      http.setHostnameVerifier(EmulatorTls.NO_HOSTS);
    }
    DefaultProfile profile = DefaultProfile.getProfile("cn-hangzhou");
    profile.setHttpClientConfig(http);
    return new DefaultAcsClient(profile, credentials);
  }

  /**
   * Signs one request the way the first real call will (an STS call through a CommonRequest, RPC
   * signature V1), with a made-up key, and throws it away: nothing is sent and no credential is
   * read. The SDK's first signature is slow (the JCA provider list and HMAC, its Base64 and date
   * formats, its URL encoding); done here, beside the command line's parsing, it is off the path
   * of the run's first calls, which would otherwise each do it as they start together.
   */
  static void prepareSigning() {
    try {
      AcsRequest<?> acs = stsRequest("127.0.0.1:9", ProtocolType.HTTP, "GetCallerIdentity").buildRequest();
      AlibabaCloudCredentials madeUp = new BasicCredentials("prepare-signing", "prepare-signing");
      acs.signRequest(Signer.getSigner(madeUp, SignatureVersion.V1, SignatureAlgorithm.ACS3_HMAC_SHA256), madeUp,
          FormatType.JSON, new ProductDomain("Sts", "127.0.0.1:9"));
    } catch (Exception | LinkageError e) {
      // Only a head start: the real call signs for itself and reports its own failure.
    }
  }

  /**
   * Makes a date format as each SDK's signer does: the OSS SDK's in the US locale, the core SDK's
   * (its timestamp) in the default one. The first format made in a locale loads that locale's
   * calendar data, slowly (~6-13 ms), and nothing stops threads that need it at once from each
   * loading it: the run's first calls, starting together, would. Done once here, they find it
   * loaded. {@link #prepareOss} does it; a sandbox run does it sooner, on the emulator's start-up
   * thread, beside the command line's parsing.
   */
  public static void prepareDateFormats() {
    new SimpleDateFormat("yyyyMMdd'T'HHmmss'Z'", Locale.US);
    new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  }

  /**
   * Builds an OSS client as {@link #newOss} would for such endpoints and shuts it down unused
   * (it sends nothing), and parses a small XML document. Creating the first OSS client of a
   * process is slow (its TLS context, the connection manager, the SDK's own classes), and the run's
   * OSS calls all wait for it; done here, before the flags are even parsed, it is off their path.
   */
  static void prepareOss(boolean emulatorOnly) {
    try {
      OSS oss = OSSClientBuilder.create()
          .endpoint(emulatorOnly ? "http://127.0.0.1:9" : "https://oss-cn-hangzhou.aliyuncs.com")
          .credentialsProvider(new DefaultCredentialProvider("prepare-oss", "prepare-oss"))
          .clientConfiguration(ossConfiguration(CloudConfig.CONNECT_TIMEOUT, CloudConfig.READ_TIMEOUT, emulatorOnly,
              emulatorOnly))
          .region("cn-hangzhou")
          .build();
      oss.shutdown();
      prepareDateFormats();
      // It reads every reply with the JDK's SAX parser, whose first parser is slow to make as well.
      SAXParserFactory sax = SAXParserFactory.newInstance();
      sax.setNamespaceAware(true);
      sax.newSAXParser().parse(new InputSource(new StringReader("<BucketInfo><Bucket/></BucketInfo>")),
          new DefaultHandler());
    } catch (RuntimeException | LinkageError | IOException | ParserConfigurationException | SAXException e) {
      // Only a head start: the run's own client reports its own failure.
    }
  }

  /** Shuts a prebuilt core client down once it is built (when the run ends before using it). */
  public static void discard(CompletableFuture<IAcsClient> coreClient) {
    coreClient.thenAccept(IAcsClient::shutdown);
  }

  public CloudConfig config() { return config; }

  public Endpoints endpoints() { return config.endpoints(); }

  /** Sends an ECS request to the region's endpoint, with retries. */
  public <T extends AcsResponse> T ecs(String action, String regionId, RpcAcsRequest<T> request) throws ApiException {
    return rpc("ecs:" + action, regionId, config.endpoints().ecs(regionId), request, false);
  }

  /**
   * Sends an ECS request that creates something (ExportImage). It is retried only when the service
   * refused it outright (throttling): after a timeout or a server error it may have been carried
   * out, and sending it again could start a second export.
   */
  public <T extends AcsResponse> T ecsCreate(String action, String regionId, RpcAcsRequest<T> request)
      throws ApiException {
    return rpc("ecs:" + action, regionId, config.endpoints().ecs(regionId), request, true);
  }

  /** Sends DescribeRegions (or another region-independent ECS call) to the central endpoint. */
  public <T extends AcsResponse> T ecsCentral(String action, String regionId, RpcAcsRequest<T> request)
      throws ApiException {
    return rpc("ecs:" + action, regionId, config.endpoints().ecsCentral(), request, false);
  }

  /** Sends a RAM request to {@code ram.aliyuncs.com} (or the emulator). */
  public <T extends AcsResponse> T ram(String action, RpcAcsRequest<T> request) throws ApiException {
    return rpc("ram:" + action, "cn-hangzhou", config.endpoints().ram(), request, false);
  }

  /** Sends an STS call (no request class of its own in the V1 SDKs) and returns the JSON reply. */
  public String sts(String action) throws ApiException {
    CommonRequest request = stsRequest(config.endpoints().sts(), config.endpoints().protocol(), action);
    request.setSysConnectTimeout((int) config.connectTimeout().toMillis());
    request.setSysReadTimeout((int) config.readTimeout().toMillis());
    String api = "sts:" + action;
    IAcsClient client = client(api);
    return retrier.call(api, () -> client.getCommonResponse(request).getData());
  }

  /** An STS call (no request class of its own in the V1 SDKs): JSON, POST, signature V1. */
  private static CommonRequest stsRequest(String domain, ProtocolType protocol, String action) {
    CommonRequest request = new CommonRequest();
    request.setSysDomain(domain);
    request.setSysVersion("2015-04-01");
    request.setSysAction(action);
    request.setSysMethod(MethodType.POST);
    request.setSysProtocol(protocol);
    request.setSysRegionId("cn-hangzhou");
    request.putQueryParameter("Format", "JSON");
    return request;
  }

  private IAcsClient client(String api) throws ApiException {
    try {
      return acs.join();
    } catch (RuntimeException e) {
      throw new ApiException(api, "SDK.ClientInit", "the SDK client could not be built: " + e.getMessage(), false);
    }
  }

  /** Sends an STS request the core SDK has a class for (AssumeRole) to {@code sts.aliyuncs.com} (or the emulator). */
  public <T extends AcsResponse> T sts(String action, RpcAcsRequest<T> request) throws ApiException {
    return rpc("sts:" + action, "cn-hangzhou", config.endpoints().sts(), request, false);
  }

  private <T extends AcsResponse> T rpc(String api, String regionId, String endpoint, RpcAcsRequest<T> request,
                                        boolean creates) throws ApiException {
    request.setSysRegionId(regionId);
    request.setSysEndpoint(endpoint);
    request.setSysProtocol(config.endpoints().protocol());
    request.setSysAcceptFormat(FormatType.JSON);
    request.setSysConnectTimeout((int) config.connectTimeout().toMillis());
    request.setSysReadTimeout((int) config.readTimeout().toMillis());
    IAcsClient client = client(api);
    return retrier.call(api, () -> client.getAcsResponse(request), creates);
  }

  /** Runs one OSS operation with the client for the region, with retries. */
  public <T> T oss(String operation, String regionId, Function<OSS, T> call) throws ApiException {
    OSS client = ossByRegion.computeIfAbsent(regionId, this::newOss);
    return retrier.call("oss:" + operation, () -> call.apply(client));
  }

  private OSS newOss(String regionId) {
    return OSSClientBuilder.create()
        .endpoint(config.endpoints().oss(regionId))
        .credentialsProvider(new OssCredentialsBridge(config.credentials()))
        .clientConfiguration(ossConfiguration(config.connectTimeout(), config.readTimeout(),
            config.endpoints().isEmulator(), config.endpoints().plainHttpOnly()))
        .region(regionId)
        .build();
  }

  private static ClientBuilderConfiguration ossConfiguration(Duration connectTimeout, Duration readTimeout,
                                                             boolean emulator, boolean plainHttpOnly) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxErrorRetry(0);
    conf.setSignatureVersion(SignVersion.V4);
    conf.setConnectionTimeout((int) connectTimeout.toMillis());
    conf.setSocketTimeout((int) readTimeout.toMillis());
    conf.setMaxConnections(32);
    if (emulator) conf.setSLDEnabled(true); // path-style, as the emulator serves it
    if (plainHttpOnly) conf.setKeyStore(EmulatorTls.noTrustAnchors()); // trusts no certificate
    return conf;
  }

  @Override
  public void close() {
    discard(acs);
    closeOss();
  }

  /** Shuts down its OSS clients only: its core client is another's, shut down with that one. */
  public void closeOss() {
    ossByRegion.values().forEach(OSS::shutdown);
  }
}
