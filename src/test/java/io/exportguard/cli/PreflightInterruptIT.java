package io.exportguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeResponse;
import io.exportguard.cloud.SandboxClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preflight --export --wait} as a real child process, stopped with SIGTERM while the export
 * runs: it must say how to follow and cancel the task, exit non-zero promptly without a stack trace,
 * and leave the task running. The emulator runs in this JVM; the child reaches it with
 * {@code --endpoint} and takes the credentials from the environment, as {@code exportguard sandbox}
 * tells users to.
 */
class PreflightInterruptIT {
  private static final Pattern PROGRESS = Pattern.compile("export (t-\\S+): Processing");

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void sigtermDuringTheWaitLeavesTheTaskRunningAndSaysHowToFollowAndCancelIt(@TempDir Path dir) throws Exception {
    try (SandboxClients s = new SandboxClients(scenario("slow-export.yaml"))) {
      ProcessBuilder pb = new ProcessBuilder(javaCommand("preflight", "--endpoint", s.sandbox.endpoint().toString(),
          "--region", "cn-hangzhou", "--image", "m-bp1demo0001", "--bucket", "my-export-bucket",
          "--report", "json", "--out", dir.resolve("reports").toString(), "--export", "--wait"));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_"));
      env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", s.sandbox.accessKeyId());
      env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", s.sandbox.accessKeySecret());
      env.put("NO_PROXY", "127.0.0.1,localhost");
      env.put("HOME", dir.toString()); // no ~/.aliyun or ~/.alibabacloud of the machine's user
      Process child = pb.start();
      try {
        Lines out = Lines.of(child.getInputStream());
        Lines err = Lines.of(child.getErrorStream());
        String taskId = err.await(PROGRESS, 60_000);
        assertThat(taskId).as("progress line; stdout:%n%s%nstderr:%n%s", out.text(), err.text()).isNotNull();
        // stdout and stderr are separate pipes: the line the child printed first may be read second.
        assertThat(out.await(Pattern.compile("(export started: task " + Pattern.quote(taskId) + ")"), 10_000))
            .as("stdout: %s", out.text()).isNotNull();

        long t0 = System.nanoTime();
        // SIGTERM on Linux. Through the handle: Process.destroy() would also close our ends of the
        // child's pipes, losing what it prints while it shuts down - the very output under test.
        assertThat(child.toHandle().destroy()).isTrue();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("exits within 10 s of SIGTERM").isTrue();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        out.join();
        err.join();

        assertThat(child.exitValue()).isNotZero();
        assertThat(tookMs).isLessThan(5_000);
        assertThat(err.text()).as("exit %d after %d ms; stdout:%n%s", child.exitValue(), tookMs, out.text())
            .contains("export task " + taskId + " keeps running in cn-hangzhou")
            .contains("aliyun ecs DescribeTaskAttribute --RegionId cn-hangzhou --TaskId " + taskId)
            .contains("aliyun ecs CancelTask --RegionId cn-hangzhou --TaskId " + taskId);
        assertThat(out.text() + err.text()).doesNotContain("Exception").doesNotContain("\tat ")
            .doesNotContain(s.sandbox.accessKeySecret());

        DescribeTaskAttributeRequest req = new DescribeTaskAttributeRequest();
        req.setTaskId(taskId);
        DescribeTaskAttributeResponse task = s.clients.ecs("DescribeTaskAttribute", "cn-hangzhou", req);
        assertThat(task.getTaskStatus()).isEqualTo("Processing");
      } finally {
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String scenario(String name) throws URISyntaxException {
    return Path.of(PreflightInterruptIT.class.getResource("/preflight/" + name).toURI()).toString();
  }

  /** The built jar when the IT phase has it, otherwise this JVM's class path (main classes and dependencies). */
  static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jar = Path.of("target", "exportguard.jar");
    if (Files.isRegularFile(jar)) {
      cmd.add("-jar");
      cmd.add(jar.toAbsolutePath().toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Collects a child's stream on a daemon thread so neither pipe can fill and block it. */
  static final class Lines {
    private final StringBuffer text = new StringBuffer();
    private final Thread reader;

    private Lines(InputStream in) {
      reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            synchronized (this) {
              text.append(line).append('\n');
              notifyAll();
            }
          }
        } catch (IOException ignored) {
          // the child is gone
        }
      }, "child-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Lines of(InputStream in) {
      return new Lines(in);
    }

    /** Waits up to {@code millis} for a line matching {@code p}; returns its first group, or null. */
    synchronized String await(Pattern p, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (true) {
        Matcher m = p.matcher(text);
        if (m.find()) return m.group(1);
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || !reader.isAlive()) return null;
        wait(Math.min(left, 200));
      }
    }

    String text() {
      return text.toString();
    }

    void join() throws InterruptedException {
      reader.join(5_000);
    }
  }
}
