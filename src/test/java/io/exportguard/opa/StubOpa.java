package io.exportguard.opa;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A misbehaving "OPA" on loopback: accepts policy and data writes, answers every decision with a fault. */
final class StubOpa implements AutoCloseable {
  private final HttpServer server;

  private StubOpa(HttpServer server) { this.server = server; }

  /** Decisions get this status and body. */
  static StubOpa failing(int status, String body) throws IOException {
    return start(status, body, Duration.ZERO);
  }

  /** Decisions are answered after this delay. */
  static StubOpa slow(Duration delay) throws IOException {
    return start(200, "{\"result\": {\"deny\": [], \"warn\": []}}", delay);
  }

  private static StubOpa start(int status, String body, Duration delay) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    s.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stub-opa");
      t.setDaemon(true);
      return t;
    }));
    s.createContext("/", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        boolean decision = ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().startsWith("/v1/data/");
        if (!decision) {
          ex.sendResponseHeaders(ex.getRequestMethod().equals("PUT") && ex.getRequestURI().getPath()
              .startsWith("/v1/data") ? 204 : 200, -1);
          return;
        }
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      } catch (IOException e) {
        // the client gave up
      }
    });
    s.start();
    return new StubOpa(s);
  }

  String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

  @Override
  public void close() { server.stop(0); }
}
