package io.exportguard.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The JSON form of the facts document: one mapper, stable field order, save, load and checksum. */
public final class FactsJson {
  /** Made on first use: reading a facts file whose values all have their fields' types needs no mapper. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();
  }

  private FactsJson() {}

  public static ObjectMapper mapper() { return Mapper.INSTANCE; }

  /** The document as pretty-printed UTF-8 JSON: the exact bytes saved and hashed. */
  public static byte[] toBytes(FactsDocument doc) {
    try {
      return mapper().writeValueAsBytes(doc.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("facts are not serializable", e);
    }
  }

  /** Lower-case hex SHA-256 of {@link #toBytes}: the evidence of what was evaluated. */
  public static String sha256(FactsDocument doc) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toBytes(doc)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the document, creating parent directories. */
  public static void save(FactsDocument doc, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.write(file, toBytes(doc));
  }

  /** The largest facts file read: one target's facts are kilobytes; a bigger file is refused, not run out of heap on. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  /** Reads a facts file; any problem is a {@link FactsFormatException} naming the file and place. */
  public static FactsDocument load(Path file) throws FactsFormatException {
    String text;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new FactsFormatException(file + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new FactsFormatException(file + ": no such file");
    } catch (IOException e) {
      throw new FactsFormatException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    return parse(text, file.toString());
  }

  /**
   * Parses facts JSON text; {@code name} is used in messages. The tree is read with jackson-core
   * alone ({@link JsonTreeReader}) and the records from it field by field ({@link FactsTreeReader});
   * only a document with a value of another type than its field's (which Jackson coerces or refuses)
   * is bound by the mapper, whose result and messages stand.
   */
  public static FactsDocument parse(String text, String name) throws FactsFormatException {
    JsonNode tree;
    try {
      tree = JsonTreeReader.read(text);
    } catch (JsonProcessingException e) {
      throw new FactsFormatException(name + at(e.getLocation()) + ": not JSON: " + e.getOriginalMessage());
    }
    checkSchema(tree, name);
    Facts facts = FactsTreeReader.read(tree);
    return facts != null ? new FactsDocument(facts, tree) : bind(tree, name);
  }

  private static void checkSchema(JsonNode tree, String name) throws FactsFormatException {
    if (tree == null || !tree.isObject()) {
      throw new FactsFormatException(name + ": not a facts document (expected a JSON object)");
    }
    JsonNode schema = tree.get("schema");
    if (schema == null || !Facts.SCHEMA.equals(schema.asText(null))) {
      throw new FactsFormatException(name + ": schema is " + (schema == null ? "missing" : "\"" + schema.asText() + "\"")
          + ", expected \"" + Facts.SCHEMA + "\"");
    }
  }

  /** The records of a tree as the mapper binds them. */
  private static FactsDocument bind(JsonNode tree, String name) throws FactsFormatException {
    try {
      Facts facts = mapper().treeToValue(tree, Facts.class);
      return new FactsDocument(facts, tree);
    } catch (JsonProcessingException e) {
      String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "";
      throw new FactsFormatException(name + ": not a valid facts document at " + path + ": " + e.getOriginalMessage());
    }
  }

  private static String at(JsonLocation loc) {
    if (loc == null || loc.getLineNr() <= 0) return "";
    return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }
}
