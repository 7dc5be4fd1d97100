package io.exportguard.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import io.exportguard.facts.SourceLocation;
import io.exportguard.report.SourceExcerpt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * One scanned file parsed into a Jackson tree that remembers where each object and array starts,
 * so a finding, a resource or a bad value can be named by line and column. A YAML tag on a value
 * ({@code !Ref Name}, {@code !Join [...]}) becomes the one-key object it abbreviates
 * ({@code {"Ref": "Name"}}, {@code {"Fn::Join": [...]}}), as ROS reads it.
 *
 * <p>An object's position is that of its key when it is a field value ({@code "Role": {...}} starts
 * at {@code "Role"}), else of its opening brace. Each container carries its own mark (Jackson's node
 * with one more field, {@link MarkedNodes}), so no side map is kept. A JSON container is marked with
 * the line and byte offset of its opening token ({@link JsonTreeBuilder}): the column, or the key's
 * line and column, are worked out from the bytes only for the few nodes a report names, so reading
 * a plan of thousands of resources costs about what Jackson's {@code readTree} does. A YAML
 * container is marked with its line and column ({@link YamlTreeBuilder}).
 */
public final class SourceFile {
  private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Pattern JACKSON_SOURCE = Pattern.compile("(?s)\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private final String shown;
  private final byte[] bytes;
  private final boolean yaml;
  private final JsonNode root;
  /** The reading whose marks this file's nodes carry. */
  private final Object owner;

  private SourceFile(String shown, byte[] bytes, boolean yaml, JsonNode root) {
    this.shown = shown;
    this.bytes = bytes;
    this.yaml = yaml;
    this.root = root;
    this.owner = root instanceof MarkedNodes.Marked m ? m.owner() : null;
  }

  /**
   * Parses a file's bytes: JSON when its first non-blank character is a brace or bracket, else YAML.
   *
   * @param shown the path as reports name it
   */
  public static SourceFile parse(String shown, byte[] bytes) throws ScanInputException {
    return parse(shown, bytes, null);
  }

  /**
   * Parses a file's bytes, passing over a Terraform plan's resources of types the scan does not
   * read ({@link JsonTreeBuilder}).
   *
   * @param planTypes the plan resource types to keep, or null to keep the whole tree
   */
  public static SourceFile parse(String shown, byte[] bytes, Predicate<String> planTypes) throws ScanInputException {
    boolean yaml = !startsLikeJson(bytes);
    try (JsonParser p = (yaml ? YAML : JSON).createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) throw new ScanInputException(shown, "the file is empty");
      JsonNode root = yaml ? new YamlTreeBuilder(p).value(first, -1L) : new JsonTreeBuilder(p, NODES, planTypes).build(first);
      if (!yaml && p.nextToken() != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new ScanInputException(shown, at.getLineNr(), at.getColumnNr(), "unexpected content after the document",
            line(bytes, at.getLineNr()));
      }
      return new SourceFile(shown, bytes, yaml, root);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      String what = truncated(e) ? "the file ends early (truncated?)" : (yaml ? "not YAML" : "not JSON");
      throw new ScanInputException(shown, line, column, what + ": " + shortMessage(e), line(bytes, line));
    } catch (IOException e) {
      throw new ScanInputException(shown, "cannot be read (" + e.getMessage() + ")");
    }
  }

  public String file() { return shown; }

  public boolean isYaml() { return yaml; }

  public JsonNode root() { return root; }

  /** Where a node of this file's tree starts; line and column 0 when it is a scalar or not of this tree. */
  public SourceLocation at(JsonNode node, String address) {
    long p = position(node);
    return new SourceLocation(shown, p < 0 ? 0 : (int) (p >>> 32), p < 0 ? 0 : (int) p, address);
  }

  /** Bad input at a node of this file, with its source line. */
  public ScanInputException error(JsonNode node, String message) {
    long p = position(node);
    if (p < 0) return new ScanInputException(shown, message);
    int line = (int) (p >>> 32);
    return new ScanInputException(shown, line, (int) p, message, line(bytes, line));
  }

  /** A node's line and column packed ({@link #pack}), or -1 for a scalar or a node this file did not make. */
  private long position(JsonNode node) {
    long mark = node instanceof MarkedNodes.Marked m && owner != null && m.owner() == owner ? m.mark() : -1L;
    if (mark < 0 || yaml) return mark;
    return keyOrSelf((int) (mark >>> 32), (int) mark);
  }

  /**
   * The line and column of the key a JSON container is the value of ({@code "Role": {}}), found by
   * reading back from its opening token over blanks and a colon to the key's opening quote; else of
   * the container itself. Columns count bytes from 1, lines end at LF, CRLF or CR, as Jackson counts.
   */
  private long keyOrSelf(int line, int offset) {
    int start = offset;
    int i = blankBefore(offset);
    if (i >= 0 && bytes[i] == ':') {
      i = blankBefore(i);
      if (i >= 0 && bytes[i] == '"') {
        for (int q = i - 1; q >= 0; q--) {
          if (bytes[q] != '"') continue;
          int backslashes = 0;
          while (q - 1 - backslashes >= 0 && bytes[q - 1 - backslashes] == '\\') backslashes++;
          if (backslashes % 2 == 0) {
            start = q;
            break;
          }
        }
      }
    }
    int lineStart = start;
    while (lineStart > 0 && bytes[lineStart - 1] != '\n' && bytes[lineStart - 1] != '\r') lineStart--;
    return pack(line - breaksBetween(start, offset), start - lineStart + 1);
  }

  private int blankBefore(int offset) {
    int i = offset - 1;
    while (i >= 0 && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i--;
    return i;
  }

  private int breaksBetween(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) n++;
    }
    return n;
  }

  static long pack(int line, int column) {
    return ((long) Math.max(line, 0) << 32) | Math.max(column, 0);
  }

  private static boolean startsLikeJson(byte[] b) {
    int i = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) i = 3;
    for (; i < b.length; i++) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      return c == '{' || c == '[';
    }
    return false;
  }

  /**
   * Jackson's message without the source excerpts it embeds ({@code (start marker at [Source:
   * (byte[])"..."; line: 3, column: 5])} quotes up to 500 bytes of the file): the line and column
   * stay, the file's text is shown once, as the source line under the message.
   */
  static String shortMessage(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    m = JACKSON_SOURCE.matcher(m).replaceAll("line $1, column $2");
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static boolean truncated(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    return m != null && (m.contains("end-of-input") || m.contains("End-of-input") || m.contains("EOF"));
  }

  /** The text of a 1-based line, or null (decoded only when an error is reported). */
  static String line(byte[] bytes, int line) {
    return line <= 0 ? null : SourceExcerpt.line(new String(bytes, StandardCharsets.UTF_8), line);
  }
}
