package io.exportguard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {
  final Redactor r = new Redactor();
  final ByteArrayOutputStream below = new ByteArrayOutputStream();
  final RedactingOutputStream out = new RedactingOutputStream(below, r, false);

  RedactingOutputStreamTest() {
    r.addSecret("the-secret-value");
  }

  String seen() { return below.toString(StandardCharsets.UTF_8); }

  @Test
  void aSecretWrittenInPiecesWithFlushesBetweenIsStillFound() throws Exception {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    w.print("error: the-sec");
    w.flush();
    assertThat(seen()).isEmpty(); // an unfinished line is held
    w.print("ret-value was rejected");
    w.println();
    assertThat(seen()).isEqualTo("error: " + Redactor.MASK + " was rejected" + System.lineSeparator());
  }

  @Test
  void finishPassesOnALastLineWithoutItsEnd() throws Exception {
    out.write("done: the-secret-value".getBytes(StandardCharsets.UTF_8));
    out.flush();
    assertThat(seen()).isEmpty();
    out.finish();
    assertThat(seen()).isEqualTo("done: " + Redactor.MASK);
  }

  @Test
  void textWithoutSecretsPassesByteForByte() throws Exception {
    byte[] text = "ünïcødé ✓ line\n".getBytes(StandardCharsets.UTF_8);
    out.write(text);
    out.flush();
    assertThat(below.toByteArray()).isEqualTo(text);
  }

  @Test
  void aVeryLongLineIsPassedOnAtACharacterBoundaryWhileStillBeingWritten() throws Exception {
    String line = "é".repeat(RedactingOutputStream.MAX_HELD); // two bytes each: past the limit halfway
    out.write(line.getBytes(StandardCharsets.UTF_8));
    assertThat(below.size()).isPositive();
    out.finish();
    assertThat(seen()).isEqualTo(line);
  }

  @Test
  void closeClosesTheStreamBelowOnlyWhenAskedTo() throws Exception {
    boolean[] closed = {false};
    ByteArrayOutputStream target = new ByteArrayOutputStream() {
      @Override public void close() { closed[0] = true; }
    };
    new RedactingOutputStream(target, r, false).close();
    assertThat(closed[0]).isFalse();
    new RedactingOutputStream(target, r, true).close();
    assertThat(closed[0]).isTrue();
  }
}
