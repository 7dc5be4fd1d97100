package io.exportguard.sandbox.state;

import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import java.time.Instant;

/** Temporary credentials STS AssumeRole handed out: the key, the role session it speaks for, and when it expires. */
public record SessionKey(AccessKey key, String roleName, String sessionName, Instant expiration) {}
