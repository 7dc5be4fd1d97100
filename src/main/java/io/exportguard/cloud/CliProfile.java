package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.exportguard.redact.Redactor;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A named profile of the aliyun CLI's {@code ~/.aliyun/config.json}, for {@code --profile}. The core
 * SDK reads that file too but picks the profile only from the environment, so a named profile is
 * read here. Modes {@code AK} and {@code StsToken} are supported; others name the environment to use.
 */
public final class CliProfile {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The aliyun CLI writes a few hundred bytes per profile. */
  private static final long MAX_FILE_BYTES = 1L << 20;

  private CliProfile() {}

  /** Default location: {@code $HOME/.aliyun/config.json}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".aliyun", "config.json");
  }

  /**
   * Throws IllegalArgumentException with a user-facing message that never quotes the file: a file
   * that is not JSON is reported by line and column only (a parser's message would echo the text
   * around the error, which may be a secret).
   */
  public static AlibabaCloudCredentialsProvider load(Path file, String name) {
    JsonNode root;
    try {
      root = read(file);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--profile " + name + ": " + e.getMessage());
    }
    JsonNode found = null;
    for (JsonNode p : root == null ? NullNode.getInstance() : root.path("profiles")) {
      if (name.equals(p.path("name").asText())) found = p;
    }
    if (found == null) throw new IllegalArgumentException("--profile " + name + ": no such profile in " + file);
    String mode = found.path("mode").asText("AK");
    String id = found.path("access_key_id").asText("");
    String secret = found.path("access_key_secret").asText("");
    Redactor.process().addSecret(secret);
    Redactor.process().addSecret(found.path("sts_token").asText(""));
    if (mode.equals("AK") || mode.equals("StsToken")) {
      if (id.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException("--profile " + name + ": access_key_id or access_key_secret is empty in " + file);
      }
      if (mode.equals("StsToken")) {
        return new StaticCredentialsProvider(new BasicSessionCredentials(id, secret, found.path("sts_token").asText("")));
      }
      return new StaticCredentialsProvider(new BasicCredentials(id, secret));
    }
    throw new IllegalArgumentException("--profile " + name + ": mode " + mode
        + " is not supported by --profile; set ALIBABA_CLOUD_PROFILE=" + name + " instead (the SDK chain reads it)");
  }

  /**
   * Why the file cannot serve credentials, or null when it is readable JSON (or absent: the SDK
   * chain then simply looks elsewhere). The chain's own message says only "failed to parse".
   */
  public static String problem(Path file) {
    if (!Files.exists(file)) return null;
    try {
      read(file);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The file as JSON; IllegalArgumentException names the file and, for a syntax error, its position. */
  private static JsonNode read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) throw new IllegalArgumentException(file + ": larger than 1 MB");
      text = Files.readString(file);
    } catch (IOException e) {
      String why = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof CharacterCodingException ? "not UTF-8 text" : e.getClass().getSimpleName();
      throw new IllegalArgumentException("cannot read " + file + " (" + why + ")");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new IllegalArgumentException(file + where + ": not valid JSON (" + problem(e) + ")");
    }
  }

  /** What kind of syntax error, in words of our own: Jackson's messages quote the offending token. */
  private static String problem(JsonProcessingException e) {
    if (e instanceof JsonEOFException) return "the file ends too early";
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Unexpected character")) return "unexpected character";
    if (m.startsWith("Unrecognized token")) return "unrecognized token";
    if (m.startsWith("Illegal unquoted character")) return "control character in a string";
    if (m.startsWith("Duplicate field")) return "duplicate field";
    if (m.contains("nesting depth")) return "nested too deeply";
    return "syntax error";
  }
}
