package io.exportguard.opa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the OPA server is and how to talk to it.
 *
 * @param url the server's base URL ({@code http://host:8181})
 * @param token the bearer token, or null; never printed ({@link #toString()} hides it)
 * @param caFile PEM certificates to trust for {@code https}, or null for the JDK's trust store
 * @param connectTimeout bound on opening a connection
 * @param requestTimeout bound on each request, until its whole answer is read
 * @param push load the policies and data onto the server first (otherwise check it holds them)
 */
public record OpaSettings(URI url, String token, Path caFile, Duration connectTimeout, Duration requestTimeout,
                          boolean push) {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** The environment variable holding the bearer token when no token file is given. */
  public static final String TOKEN_ENV = "OPA_TOKEN";

  /**
   * Validates the flags; problems are {@link IllegalArgumentException}s naming the flag.
   *
   * @param tokenFile a file whose first line is the token; when null, {@code OPA_TOKEN} is used if set
   */
  public static OpaSettings of(String url, Path tokenFile, Path caFile, Duration connectTimeout,
                               Duration requestTimeout, boolean push, Map<String, String> env) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("--engine opa needs --opa-url URL");
    URI u;
    try {
      u = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--opa-url " + url + ": not a URL");
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("--opa-url " + url + ": expected http://HOST:PORT or https://HOST:PORT");
    }
    if (caFile != null && !Files.isReadable(caFile)) {
      throw new IllegalArgumentException("--opa-ca-file " + caFile + ": no such readable file");
    }
    if (caFile != null) trusting(caFile);
    String token = null;
    if (tokenFile != null) {
      try {
        token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().map(String::strip)
            .filter(l -> !l.isEmpty()).findFirst().orElse(null);
      } catch (IOException e) {
        throw new IllegalArgumentException("--opa-token-file " + tokenFile + ": cannot read (" + e.getMessage() + ")");
      }
      if (token == null) throw new IllegalArgumentException("--opa-token-file " + tokenFile + ": holds no token");
    } else if (env.get(TOKEN_ENV) != null && !env.get(TOKEN_ENV).isBlank()) {
      token = env.get(TOKEN_ENV).strip();
    }
    if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("the OPA bearer token holds characters a header cannot carry");
    }
    return new OpaSettings(u, token, caFile, positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT),
        positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT), push);
  }

  private static Duration positive(Duration d, Duration dflt) {
    return d == null || d.isZero() || d.isNegative() ? dflt : d;
  }

  /** A TLS context trusting only the certificates of {@link #caFile()}. */
  SSLContext sslContext() { return trusting(caFile); }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) throw new IllegalArgumentException("--opa-ca-file " + caFile + ": no PEM certificate in it");
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("--opa-ca-file " + caFile + ": " + e.getMessage());
    }
  }

  /** The base URL without a trailing slash, as the client joins paths to it. */
  String base() {
    String s = url.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return "OpaSettings[url=" + url + ", token=" + (token == null ? "none" : "(hidden)") + ", caFile=" + caFile
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", push=" + push + "]";
  }
}
