package io.exportguard.cloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS front for the emulator on loopback, for the clients that only speak HTTPS: the credentials
 * library sends AssumeRole and AssumeRoleWithOIDC to {@code https://<STS endpoint>} whatever the
 * endpoint. It terminates TLS with a certificate for 127.0.0.1 made by the JDK's keytool for this
 * test run, and pipes the bytes to the emulator's plain-HTTP port. A child JVM trusts it through
 * {@code -Djavax.net.ssl.trustStore=}{@link #trustStore()}.
 */
public final class TlsFront implements AutoCloseable {
  public static final String PASSWORD = "changeit";
  private final ServerSocket server;
  private final Path trustStore;
  private final Thread acceptor;

  public TlsFront(Path dir, int backendPort) throws Exception {
    Path keyStore = dir.resolve("front.p12");
    trustStore = dir.resolve("trust.p12");
    Path cert = dir.resolve("front.crt");
    keytool("-genkeypair", "-alias", "front", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "front", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "front", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> accept(backendPort), "tls-front");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() { return server.getLocalPort(); }

  public String url() { return "https://127.0.0.1:" + port(); }

  public Path trustStore() { return trustStore; }

  /** The JVM options a child needs to trust this front. */
  public List<String> jvmOptions() {
    return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
        "-Djavax.net.ssl.trustStoreType=PKCS12");
  }

  private void accept(int backendPort) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        pipe(client, backend);
        pipe(backend, client);
      } catch (IOException e) {
        // closed, or one connection failed: the client sees it
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // the other side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "tls-front-pipe");
    t.setDaemon(true);
    t.start();
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
