package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A named profile of the aliyun CLI's {@code ~/.aliyun/config.json}, for {@code --profile}. The core
 * SDK reads that file too but picks the profile only from the environment, so a named profile is
 * read here. Modes {@code AK} and {@code StsToken} are supported; others name the environment to use.
 */
public final class CliProfile {
  private CliProfile() {}

  /** Default location: {@code $HOME/.aliyun/config.json}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".aliyun", "config.json");
  }

  /** Throws IllegalArgumentException with a user-facing message (never the secret). */
  public static AlibabaCloudCredentialsProvider load(Path file, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("--profile " + name + ": cannot read " + file + " (" + e.getMessage() + ")");
    }
    JsonNode found = null;
    for (JsonNode p : root.path("profiles")) {
      if (name.equals(p.path("name").asText())) found = p;
    }
    if (found == null) throw new IllegalArgumentException("--profile " + name + ": no such profile in " + file);
    String mode = found.path("mode").asText("AK");
    String id = found.path("access_key_id").asText("");
    String secret = found.path("access_key_secret").asText("");
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
}
