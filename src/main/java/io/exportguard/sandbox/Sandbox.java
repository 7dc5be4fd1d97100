package io.exportguard.sandbox;

import java.net.URI;

/**
 * A running emulator of the ECS, RAM and OSS APIs on 127.0.0.1, serving one scenario.
 * Every product answers on the same port: RPC (ECS, RAM) at {@code /?Action=...}, OSS path-style
 * at {@code /<bucket>/<key>}.
 */
public final class Sandbox implements AutoCloseable {

  /**
   * Starts the emulator for a built-in scenario name ({@code demo-pass}) or a scenario file path,
   * on the given port (0 for a free one).
   */
  public static Sandbox start(String scenario, int port) {
    throw new UnsupportedOperationException("sandbox not implemented yet");
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI endpoint() { throw new UnsupportedOperationException(); }

  /** {@code 127.0.0.1:PORT}, the form the core SDK's {@code setSysEndpoint} takes. */
  public String hostAndPort() { throw new UnsupportedOperationException(); }

  /** The scenario's first access key id. */
  public String accessKeyId() { throw new UnsupportedOperationException(); }

  /** The scenario's first access key secret. */
  public String accessKeySecret() { throw new UnsupportedOperationException(); }

  /** The first access key's STS token, or null. */
  public String securityToken() { throw new UnsupportedOperationException(); }

  @Override
  public void close() {}
}
