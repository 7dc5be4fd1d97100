package io.exportguard.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS settings for clients that talk only to the loopback emulator over plain HTTP. The SDKs build
 * their TLS context when a client is created, which loads and parses the JDK's CA certificates:
 * a large share of start-up spent on connections that never happen. These settings skip that
 * work by refusing TLS outright — every HTTPS connection fails and no certificate or host name is
 * accepted — so they are strictly tighter than the defaults and never used for real endpoints.
 */
final class EmulatorTls {
  private EmulatorTls() {}

  /** A socket factory that refuses every connection. */
  static final SSLSocketFactory NO_SOCKETS = new SSLSocketFactory() {
    private IOException refused() {
      return new IOException("no TLS connections from a client configured for the loopback emulator");
    }

    @Override public String[] getDefaultCipherSuites() { return new String[0]; }
    @Override public String[] getSupportedCipherSuites() { return new String[0]; }
    @Override public Socket createSocket() throws IOException { throw refused(); }
    @Override public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      throw refused();
    }
    @Override public Socket createSocket(String host, int port) throws IOException { throw refused(); }
    @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      throw refused();
    }
    @Override public Socket createSocket(InetAddress host, int port) throws IOException { throw refused(); }
    @Override public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
        throws IOException {
      throw refused();
    }
  };

  /** Accepts no host name. */
  static final HostnameVerifier NO_HOSTS = (host, session) -> false;

  /** An empty trust store: no certificate is trusted (instead of loading the JDK's CA list). */
  static KeyStore noTrustAnchors() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create an empty key store", e);
    }
  }
}
