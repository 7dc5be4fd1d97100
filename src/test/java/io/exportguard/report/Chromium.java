package io.exportguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A headless Debian {@code chromium} driven over the DevTools protocol with the JDK's WebSocket
 * client: one page, every console message, exception, log entry and dialog recorded. Started with a
 * fresh profile and everything that talks to the network off; the debugging port listens on
 * 127.0.0.1 only.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
  private final String session;

  private Chromium(Process process, Path profile, WebSocket socket, Listener listener) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
    listener.owner = this;
    String targetId = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    this.session = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
        .get("sessionId").asText();
    send("Runtime.enable", Map.of());
    send("Log.enable", Map.of());
    send("Page.enable", Map.of());
  }

  /** The binary: {@code -Dchromium=PATH}, else {@code chromium} on the PATH. */
  static String binary() {
    return System.getProperty("chromium", "chromium");
  }

  static Chromium start() throws Exception {
    Path profile = Files.createTempDirectory("eg-chromium-");
    List<String> cmd = List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "about:blank");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!p.isAlive()) throw new IOException("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("chromium did not open its DevTools port in time");
      }
      Thread.sleep(50);
    }
    List<String> lines = Files.readAllLines(portFile);
    URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    Listener listener = new Listener();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(uri, listener).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return new Chromium(p, profile, ws, listener);
  }

  /** Sends a command to the page and waits for its result. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    return send(session, method, params);
  }

  private JsonNode send(String sessionId, String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = MAPPER.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", MAPPER.valueToTree(params));
    if (sessionId != null) msg.put("sessionId", sessionId);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (socket) {
      socket.sendText(MAPPER.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) throw new IOException(method + " failed: " + answer.get("error"));
    return answer.get("result");
  }

  /** Navigates and waits for the load event. */
  void load(Path file) throws Exception {
    int seen = events.size();
    send("Page.navigate", Map.of("url", file.toUri().toString()));
    waitForEvent(seen, e -> e.path("method").asText().equals("Page.loadEventFired"));
  }

  /** Evaluates an expression in the page and returns its value as JSON. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) throw new IOException("page threw: " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** A PNG of the whole page at the given CSS width. */
  byte[] screenshot(int width) throws Exception {
    send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1,
        "mobile", false));
    JsonNode size = send("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", size.get("height").asDouble(), "scale", 1);
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return Base64.getDecoder().decode(shot.get("data").asText());
  }

  /** A PDF of the page as the print stylesheet lays it out. */
  byte[] pdf() throws Exception {
    JsonNode pdf = send("Page.printToPDF", Map.of("printBackground", true));
    return Base64.getDecoder().decode(pdf.get("data").asText());
  }

  /** Console messages, exceptions and log entries at level error (or warning with {@code warnings}). */
  List<String> problems(boolean warnings) {
    List<String> out = new ArrayList<>();
    synchronized (events) {
      for (JsonNode e : events) {
        String method = e.path("method").asText();
        JsonNode p = e.path("params");
        switch (method) {
          case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
          case "Runtime.consoleAPICalled" -> {
            String type = p.path("type").asText();
            if (type.equals("error") || type.equals("assert") || (warnings && type.equals("warning"))) {
              out.add("console." + type + ": " + p.path("args"));
            }
          }
          case "Log.entryAdded" -> {
            String level = p.path("entry").path("level").asText();
            if (level.equals("error") || (warnings && level.equals("warning"))) out.add("log: " + p.path("entry"));
          }
          case "Page.javascriptDialogOpening" -> out.add("dialog: " + p);
          default -> { }
        }
      }
    }
    return out;
  }

  private void waitForEvent(int from, Predicate<JsonNode> match) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (events) {
        for (int i = from; i < events.size(); i++) if (match.test(events.get(i))) return;
      }
      Thread.sleep(20);
    }
    throw new IOException("timed out waiting for a DevTools event");
  }

  private void onMessage(String text) {
    try {
      JsonNode msg = MAPPER.readTree(text);
      if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
        if (f != null) f.complete(msg);
        return;
      }
      events.add(msg);
      if (msg.path("method").asText().equals("Page.javascriptDialogOpening")) {
        // A dialog blocks the page until answered: dismiss it (it is recorded as a problem above).
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("id", ids.incrementAndGet());
        reply.put("method", "Page.handleJavaScriptDialog");
        reply.putObject("params").put("accept", false);
        if (msg.has("sessionId")) reply.put("sessionId", msg.get("sessionId").asText());
        synchronized (socket) {
          socket.sendText(MAPPER.writeValueAsString(reply), true);
        }
      }
    } catch (IOException e) {
      events.add(MAPPER.createObjectNode().put("method", "unparsable").put("text", text));
    }
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp profile is harmless.
    }
  }

  /** Reassembles fragmented text frames and hands whole messages to the owner. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    private final List<String> early = new ArrayList<>();
    volatile Chromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        Chromium o = owner;
        if (o == null) {
          early.add(text);
        } else {
          for (String e : early) o.onMessage(e);
          early.clear();
          o.onMessage(text);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
