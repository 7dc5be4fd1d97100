package io.exportguard.sandbox.load;

import io.exportguard.sandbox.Sandbox;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives signed DescribeImages requests at a sandbox as fast as it can and reports requests per
 * second. Not a unit test: run it with {@code bench/sandbox-load.sh}. Each worker keeps one HTTP/1.1
 * keep-alive connection and signs every request itself with a fresh nonce (no SDK, so the client's
 * own cost stays small); every reply must be a 200 naming the image, or it counts as an error.
 *
 * <p>Arguments: {@code --seconds N} (measured, default 10), {@code --warmup N} (default 3),
 * {@code --threads N} (default 4), {@code --signature v1|v3} (RPC signature V1 HMAC-SHA1 in the query,
 * or V3 ACS3-HMAC-SHA256 in headers as the current SDKs send; default v1), {@code --endpoint URL --access-key-id ID --access-key-secret S}
 * to target a running sandbox instead of one started in this process with {@code demo-pass}.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "3"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "4"));
    boolean v3 = switch (opts.getOrDefault("signature", "v1")) {
      case "v1" -> false;
      case "v3" -> true;
      default -> throw new IllegalArgumentException("--signature must be v1 or v3");
    };
    Sandbox sandbox = null;
    URI endpoint;
    String keyId;
    String secret;
    if (opts.containsKey("endpoint")) {
      endpoint = URI.create(opts.get("endpoint"));
      keyId = opts.getOrDefault("access-key-id", "LTAIsandbox");
      secret = opts.getOrDefault("access-key-secret", "sandbox-secret");
    } else {
      sandbox = Sandbox.start("demo-pass", 0);
      endpoint = sandbox.endpoint();
      keyId = sandbox.accessKeyId();
      secret = sandbox.accessKeySecret();
    }
    try {
      System.out.printf(Locale.ROOT, "target %s, signature %s, %d threads, warm-up %ds, measured %ds, %d cores%n", endpoint,
          v3 ? "V3" : "V1", threads, warmup, seconds, Runtime.getRuntime().availableProcessors());
      run(endpoint, keyId, secret, v3, threads, warmup);
      Result r = run(endpoint, keyId, secret, v3, threads, seconds);
      System.out.printf(Locale.ROOT, "DescribeImages (%s): %d ok, %d errors in %.2fs = %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms%n",
          v3 ? "V3" : "V1", r.ok, r.errors, r.seconds, r.ok / r.seconds, r.p50Millis, r.p99Millis);
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  record Result(long ok, long errors, double seconds, double p50Millis, double p99Millis) {}

  static Result run(URI endpoint, String keyId, String secret, boolean v3, int threads, int seconds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder ok = new LongAdder();
    LongAdder errors = new LongAdder();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] samples = new long[1 << 20];
      latencies.add(samples);
      Worker w = new Worker(endpoint, v3 ? null : new SignedRpc(keyId, secret), v3 ? new SignedAcs3(keyId, secret) : null, stop, ok,
          errors, samples);
      Thread thread = new Thread(w, "load-" + t);
      workers.add(thread);
    }
    long start = System.nanoTime();
    workers.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : workers) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(x -> x > 0)).sorted().toArray();
    double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e6;
    double p99 = all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6;
    return new Result(ok.sum(), errors.sum(), elapsed, p50, p99);
  }

  private static final class Worker implements Runnable {
    private final URI endpoint;
    private final SignedRpc signer;
    private final SignedAcs3 v3Signer;
    private final AtomicBoolean stop;
    private final LongAdder ok;
    private final LongAdder errors;
    private final long[] samples;

    Worker(URI endpoint, SignedRpc signer, SignedAcs3 v3Signer, AtomicBoolean stop, LongAdder ok, LongAdder errors, long[] samples) {
      this.endpoint = endpoint;
      this.signer = signer;
      this.v3Signer = v3Signer;
      this.stop = stop;
      this.ok = ok;
      this.errors = errors;
      this.samples = samples;
    }

    @Override
    public void run() {
      int n = 0;
      while (!stop.get()) {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
          socket.setSoTimeout(5000);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 16384);
          String host = endpoint.getHost() + ":" + endpoint.getPort();
          while (!stop.get()) {
            byte[] request = request(host).getBytes(StandardCharsets.US_ASCII);
            long t0 = System.nanoTime();
            out.write(request);
            out.flush();
            Response r = Response.read(in);
            long dt = System.nanoTime() - t0;
            if (r.status == 200 && r.body.contains("m-bp1demo0001")) {
              ok.increment();
              samples[n++ & (samples.length - 1)] = dt;
            } else {
              errors.increment();
            }
            if (r.close) {
              break;
            }
          }
        } catch (IOException e) {
          errors.increment();
        }
      }
    }

    /** One signed DescribeImages call: V1 in the query, or V3 in the headers. */
    private String request(String host) {
      Map<String, String> params = Map.of("RegionId", "cn-hangzhou", "ImageId", "m-bp1demo0001", "Status", "ALL");
      if (v3Signer == null) {
        String query = signer.signedQuery(signer.params("DescribeImages", "2014-05-26", params));
        return "POST /?" + query + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n";
      }
      SignedAcs3.Signed signed = v3Signer.sign(host, "DescribeImages", "2014-05-26", params);
      StringBuilder r = new StringBuilder("POST /?").append(signed.query()).append(" HTTP/1.1\r\n");
      signed.headers().forEach((k, v) -> r.append(k).append(": ").append(v).append("\r\n"));
      return r.append("Accept: application/json\r\nContent-Length: 0\r\n\r\n").toString();
    }
  }

  /** The minimum HTTP/1.1 response reading a fixed-length reply needs. */
  private record Response(int status, String body, boolean close) {
    static Response read(InputStream in) throws IOException {
      String statusLine = line(in);
      if (statusLine == null) {
        throw new IOException("connection closed");
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = 0;
      boolean close = false;
      String header;
      while ((header = line(in)) != null && !header.isEmpty()) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          close = true;
        }
      }
      byte[] body = in.readNBytes(length);
      return new Response(status, new String(body, StandardCharsets.UTF_8), close);
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          int len = sb.length();
          return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
        }
        sb.append((char) c);
      }
      return sb.length() == 0 ? null : sb.toString();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }
}
