package io.exportguard.redact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte stream (UTF-8 text) that passes what is written through the {@link Redactor} before the
 * stream below sees it. Text is redacted a whole line at a time, so a secret written in pieces is
 * still found: {@link #flush()} passes on the complete lines, {@link #finish()} everything. A line
 * that grows past {@link #MAX_HELD} bytes without ending is passed on as it stands.
 */
public final class RedactingOutputStream extends OutputStream {
  static final int MAX_HELD = 1 << 20;

  private final OutputStream out;
  private final Redactor redactor;
  private final ByteArrayOutputStream held = new ByteArrayOutputStream();
  private final boolean closeBelow;

  /** Redacts with the process-wide redactor; {@link #close()} closes {@code out} too. */
  public RedactingOutputStream(OutputStream out) {
    this(out, Redactor.process(), true);
  }

  /** {@code closeBelow}: whether {@link #close()} closes {@code out} (not for the process's own stdout). */
  public RedactingOutputStream(OutputStream out, Redactor redactor, boolean closeBelow) {
    this.out = out;
    this.redactor = redactor;
    this.closeBelow = closeBelow;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    held.write(b);
    if (held.size() > MAX_HELD) passLongLine();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    held.write(b, off, len);
    if (held.size() > MAX_HELD) passLongLine();
  }

  /** Passes on every complete line held, then flushes the stream below. */
  @Override
  public synchronized void flush() throws IOException {
    byte[] bytes = held.toByteArray();
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') end--;
    if (end > 0) pass(end);
    out.flush();
  }

  /** Passes on everything held, a last line without its end included, and flushes the stream below. */
  public synchronized void finish() throws IOException {
    if (held.size() > 0) pass(held.size());
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    finish();
    if (closeBelow) out.close();
  }

  /** Passes on a line too long to hold, up to a character boundary. */
  private void passLongLine() throws IOException {
    byte[] bytes = held.toByteArray();
    int cut = bytes.length;
    while (cut > 0 && (bytes[cut - 1] & 0xC0) == 0x80) cut--; // continuation bytes of a character
    if (cut > 0 && (bytes[cut - 1] & 0x80) != 0) cut--;        // and its first byte
    pass(cut == 0 ? bytes.length : cut);
  }

  /** Redacts and writes the first {@code n} held bytes, keeping the rest. */
  private void pass(int n) throws IOException {
    byte[] bytes = held.toByteArray();
    held.reset();
    held.write(bytes, n, bytes.length - n);
    String text = new String(bytes, 0, n, StandardCharsets.UTF_8);
    String clean = redactor.redactLines(text);
    if (clean == text) out.write(bytes, 0, n); // nothing removed: the bytes exactly as written
    else out.write(clean.getBytes(StandardCharsets.UTF_8));
  }
}
