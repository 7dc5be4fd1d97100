package io.exportguard.sandbox.scenario;

import io.exportguard.sandbox.SandboxException;

/**
 * A scenario file that cannot be used; the message names the file and the key path or line, e.g.
 * {@code scenario demo.yaml: images[0].disks[1].snapshotId: no snapshot s-x}.
 */
public final class ScenarioException extends SandboxException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
