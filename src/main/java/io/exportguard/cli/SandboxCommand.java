package io.exportguard.cli;

import io.exportguard.redact.Redactor;
import io.exportguard.sandbox.Sandbox;
import io.exportguard.sandbox.SandboxException;
import io.exportguard.sandbox.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code exportguard sandbox --scenario NAME|FILE [--port N]}: serves the emulator until stopped.
 * It prints the endpoint, the access key id and the path of a file (mode 0600) holding the
 * environment the other commands need, secret included; the secret itself is never printed.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Serve the local ECS/RAM/OSS emulator for a scenario until stopped (Ctrl-C).",
        "Scenarios: demo-pass, demo-fail, one per ExportImage error code (e.g. ImageIsExporting), or a YAML file."})
public final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "SCENARIO", description = "A built-in scenario name or a scenario file.")
  String scenario;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one).")
  int port;

  /** For tests: stop by itself after this long instead of waiting for Ctrl-C. */
  @Option(names = "--stop-after", hidden = true, paramLabel = "DURATION")
  Duration stopAfter;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(scenario, port);
    } catch (SandboxException e) {
      err.println("exportguard sandbox: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    // Its keys' secrets go only into the env file: the redactor keeps them out of all output.
    for (Scenario.AccessKey key : sandbox.scenario().account().accessKeys()) {
      Redactor.process().addSecret(key.secret());
      Redactor.process().addSecret(key.securityToken());
    }
    Path envFile;
    try {
      envFile = writeEnvFile(sandbox);
    } catch (IOException e) {
      sandbox.close();
      err.println("exportguard sandbox: cannot write the credentials file: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop(sandbox, envFile);
      stopped.countDown();
    }, "exportguard-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    printBanner(out, sandbox, envFile);
    if (stopAfter != null) {
      stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(sandbox, envFile);
      out.println("exportguard sandbox: stopped");
      return ExitCodes.PASS;
    }
    stopped.await();
    return ExitCodes.PASS;
  }

  private void printBanner(PrintWriter out, Sandbox sandbox, Path envFile) {
    Scenario s = sandbox.scenario();
    out.println("exportguard sandbox: serving scenario " + scenario + " on " + sandbox.endpoint());
    out.println("  endpoint:      " + sandbox.endpoint());
    out.println("  access key id: " + sandbox.accessKeyId());
    out.println("  credentials:   " + envFile + " (mode 0600, holds the secret)");
    out.println("Point the other commands at it from another shell:");
    out.println("  . " + envFile);
    String region = s.images().isEmpty() ? s.regions().get(0).id() : s.images().get(0).region();
    String image = s.images().isEmpty() ? "IMAGE" : s.images().get(0).id();
    String bucket = s.buckets().isEmpty() ? "BUCKET" : s.buckets().get(0).name();
    out.println("  exportguard preflight --endpoint " + sandbox.endpoint() + " --region " + region + " --image " + image
        + " --bucket " + bucket);
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /** The environment for the other commands, in a file only the user can read. */
  static Path writeEnvFile(Sandbox sandbox) throws IOException {
    Path file;
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      file = Files.createTempFile("exportguard-sandbox-" + sandbox.port() + "-", ".env",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      file = Files.createTempFile("exportguard-sandbox-" + sandbox.port() + "-", ".env");
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
    }
    StringBuilder env = new StringBuilder();
    env.append("# exportguard sandbox on ").append(sandbox.endpoint()).append(" (scenario ").append(sandbox.scenario().source())
        .append("). Deleted when the sandbox stops.\n");
    env.append("# ALIBABA_CLOUD_PROFILE must be unset or 'default', or the SDK ignores these variables.\n");
    env.append("export EXPORTGUARD_ENDPOINT=").append(quote(sandbox.endpoint().toString())).append('\n');
    env.append("export ALIBABA_CLOUD_ACCESS_KEY_ID=").append(quote(sandbox.accessKeyId())).append('\n');
    env.append("export ALIBABA_CLOUD_ACCESS_KEY_SECRET=").append(quote(sandbox.accessKeySecret())).append('\n');
    if (sandbox.securityToken() != null) {
      env.append("export ALIBABA_CLOUD_SECURITY_TOKEN=").append(quote(sandbox.securityToken())).append('\n');
    }
    env.append("export NO_PROXY=").append(quote("127.0.0.1,localhost")).append('\n');
    Files.writeString(file, env.toString(), StandardCharsets.UTF_8);
    return file;
  }

  /** Single-quotes a value for a POSIX shell. */
  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static void stop(Sandbox sandbox, Path envFile) {
    sandbox.close();
    try {
      Files.deleteIfExists(envFile);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; the sandbox it names is gone
    }
  }
}
