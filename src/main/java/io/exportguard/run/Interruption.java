package io.exportguard.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Ctrl-C and SIGTERM during a long run (an account audit): the first one runs {@code stop} and lets
 * the run end itself (it writes what it decided and exits 2), instead of the JVM halting mid-write;
 * a second one terminates at once, as without this. Restored on close. Where the JVM does not let
 * signals be handled, a shutdown hook runs {@code stop} instead.
 */
final class Interruption implements AutoCloseable {
  private final List<Object[]> previous = new ArrayList<>();
  private final Thread hook;

  private Interruption(Runnable stop) {
    Thread fallback = null;
    for (String name : List.of("INT", "TERM")) {
      try {
        sun.misc.Signal signal = new sun.misc.Signal(name);
        sun.misc.SignalHandler[] before = new sun.misc.SignalHandler[1];
        before[0] = sun.misc.Signal.handle(signal, s -> {
          sun.misc.Signal.handle(s, before[0]); // a second signal is not caught again
          stop.run();
        });
        previous.add(new Object[] {signal, before[0]});
      } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
        if (fallback == null) fallback = new Thread(stop, "exportguard-stop");
      }
    }
    hook = fallback;
    if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
  }

  static Interruption on(Runnable stop) {
    return new Interruption(stop);
  }

  @Override
  public void close() {
    for (Object[] p : previous) {
      try {
        sun.misc.Signal.handle((sun.misc.Signal) p[0], (sun.misc.SignalHandler) p[1]);
      } catch (IllegalArgumentException e) {
        // leave it
      }
    }
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }
}
