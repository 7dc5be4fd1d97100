package io.exportguard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's stable identity across runs, for baselines and SARIF {@code partialFingerprints}: the
 * SHA-256 of the check id, the finding's resource and the target's key ({@code kind:label}). The
 * message is left out (it may carry dates, counts and wording that change between releases), except
 * for a finding that names no resource, where it is all that tells two findings of a check apart.
 */
public final class Fingerprints {
  /** The version of the recipe; a change of recipe is a new SARIF fingerprint key. */
  public static final String VERSION = "exportguardFinding/v2";

  private Fingerprints() {}

  public static String of(Report.Target target, Report.CheckResult check, Report.Finding finding) {
    String what = finding.resource() != null && !finding.resource().isEmpty() ? "resource\u0000" + finding.resource()
        : "message\u0000" + (finding.msg() == null ? "" : finding.msg());
    return sha256(VERSION + "\u0000" + check.id() + "\u0000" + what + "\u0000" + target.key());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
