package io.exportguard.sandbox.crosscheck;

import io.exportguard.sandbox.Sandbox;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The scenario every cross-check runs against: demo-pass plus an assumable role, a Beijing bucket and an object. */
final class CrossCheckScenario {
  static final String ACCOUNT = "1234567890123456";
  static final String ASSUMABLE_ROLE_ARN = "acs:ram::" + ACCOUNT + ":role/sandbox-deployer";

  private CrossCheckScenario() {}

  static Sandbox start() {
    try (InputStream in = CrossCheckScenario.class.getResourceAsStream("/crosscheck/crosscheck.yaml")) {
      return Sandbox.start(ScenarioLoader.parse("crosscheck.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
