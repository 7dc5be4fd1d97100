package io.exportguard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keyword gates that let {@link Redactor} skip its regular expressions must never skip a match. */
class RedactorPrefilterTest {
  /** Pieces of every shape: names whole and split, separators, encodings, URL parts, letters that fold. */
  private static final String[] PIECES = {
    "sig", "nature", "Signature", "SIGNATURE", "tok", "en", "Token", "TOKEN", "secret", "Secr", "et", "pass", "wd",
    "word", "Passwd", "access", "key", "id", "Id", "AccessKeyId", "access-key-id", "-", "_", ".", "OSS ", "OSS", "oss",
    " ", "Credential", "cred", "ential", "=", "%3D", "%253D", "&", "&amp;", "%26", "%2526", "%3F", "?", "://",
    "http", "https://h.example/p?", "\"", ":", "'", ",", ";", "(", "x-oss-", "x-acs-", "x-amz-", "security",
    "security-", "abcDEF123", "LTAI5tAbCdEf", "/", "+", "kQ4k8yXkYUSbLwBq1b6q0Xxw2zE=", "\n", "\u212A", "\u017F",
  };

  @Test
  void theGatedShapePatternsRedactExactlyWhatTheUngatedOnesDo() {
    Random random = new Random(20261204);
    int redacted = 0;
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = 1 + random.nextInt(8); n > 0; n--) sb.append(PIECES[random.nextInt(PIECES.length)]);
      String text = sb.toString();
      String full = Redactor.redactShapesUngated(text);
      if (!full.equals(text)) redacted++;
      if (!Redactor.redactShapes(text).equals(full)) differ.add(text);
    }
    assertThat(differ).as("texts the gates redact differently").isEmpty();
    assertThat(redacted).as("generated texts a shape pattern redacts (the property needs them)").isGreaterThan(200);
  }

  @Test
  void nonAsciiLettersThatFoldToAsciiOnesAreStillCaught() {
    String text = "client_\u017Fecret=abcdef \u212Aey x-oss-security-to\u212Aen: t0k3n";
    assertThat(Redactor.redactShapes(text)).isEqualTo(Redactor.redactShapesUngated(text)).contains(Redactor.MASK);
  }
}
