package io.exportguard.sandbox;

import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import io.exportguard.sandbox.server.SandboxServer;
import java.net.URI;
import java.time.Clock;

/**
 * A running emulator of the ECS, RAM, STS and OSS APIs on 127.0.0.1, serving one scenario.
 * Every product answers on the same port: RPC (ECS, RAM, STS; signature V1 or V3) on {@code /},
 * OSS path-style at {@code /<bucket>/<key>} or virtual-hosted with the bucket in the Host.
 * Requests must be signed with one of the scenario's access keys (or STS AssumeRole's).
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start("demo-pass", 0)) {
 *   request.setSysEndpoint(sandbox.hostAndPort());
 *   request.setSysProtocol(ProtocolType.HTTP);
 *   ...
 * }
 * }</pre>
 *
 * @see io.exportguard.sandbox.rpc.ExportImageRules the order in which ExportImage applies its rules
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxServer server;
  private final Scenario scenario;

  private Sandbox(SandboxServer server, Scenario scenario) {
    this.server = server;
    this.scenario = scenario;
  }

  /**
   * Starts the emulator for a built-in scenario name ({@code demo-pass}) or a scenario file path,
   * on the given port (0 for a free one).
   *
   * @throws SandboxException when the scenario is unknown or invalid (the message names the file
   *     and key path) or the port cannot be used
   */
  public static Sandbox start(String scenario, int port) {
    return start(ScenarioLoader.load(scenario), port);
  }

  /** Starts the emulator for a built-in scenario name or a scenario file on a free port. */
  public static Sandbox start(String scenario) {
    return start(scenario, 0);
  }

  /** Starts the emulator for an already loaded scenario. */
  public static Sandbox start(Scenario scenario, int port) {
    return start(scenario, port, Clock.systemUTC());
  }

  /** Starts the emulator with its own clock (tests that move time by hand). */
  public static Sandbox start(Scenario scenario, int port, Clock clock) {
    if (port < 0 || port > 65535) {
      throw new SandboxException("port must be between 0 and 65535, not " + port);
    }
    return new Sandbox(SandboxServer.start(scenario, port, clock), scenario);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://" + hostAndPort());
  }

  /** {@code 127.0.0.1:PORT}, the form the core SDK's {@code setSysEndpoint} takes. */
  public String hostAndPort() {
    return "127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  /** The scenario being served. */
  public Scenario scenario() {
    return scenario;
  }

  /** The scenario's first access key id. */
  public String accessKeyId() {
    return scenario.account().accessKeys().get(0).id();
  }

  /** The scenario's first access key secret. */
  public String accessKeySecret() {
    return scenario.account().accessKeys().get(0).secret();
  }

  /** The first access key's STS token, or null. */
  public String securityToken() {
    return scenario.account().accessKeys().get(0).securityToken();
  }

  @Override
  public void close() {
    server.close();
  }
}
