package io.exportguard.cloud;

/**
 * What every attempt of an API call passes through before it is sent and after it is answered: an
 * account audit paces each API here (a token bucket per API, slowed down when the service
 * throttles), and counts the calls. Preflight's gate is {@link #OPEN}. Implementations are
 * thread-safe.
 */
public interface CallGate {
  /** Lets every call through at once. */
  CallGate OPEN = new CallGate() {
    @Override
    public void enter(String api) {}

    @Override
    public void exit(String api, boolean throttled) {}
  };

  /** Before each attempt of a call to {@code api} ({@code ecs:DescribeImages}); may wait for its turn. */
  void enter(String api) throws InterruptedException;

  /** After each attempt; {@code throttled} when the service refused it for exceeding its rate. */
  void exit(String api, boolean throttled);
}
