package io.exportguard.cloud;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.EcsRamRoleCredentialProvider;
import com.aliyun.credentials.provider.OIDCRoleArnCredentialProvider;
import com.aliyun.credentials.provider.RamRoleArnCredentialProvider;
import com.aliyun.credentials.provider.StaticCredentialsProvider;
import com.aliyun.credentials.provider.URLCredentialProvider;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exportguard.redact.Redactor;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One profile of the aliyun CLI's {@code ~/.aliyun/config.json}, turned into the credentials
 * library's provider for its mode: {@code AK}, {@code StsToken}, {@code RamRoleArn},
 * {@code ChainableRamRoleArn} (over its {@code source_profile}), {@code EcsRamRole},
 * {@code CredentialsURI} and {@code OIDC}. The library does the credential work (signing
 * AssumeRole, the OIDC exchange, the instance metadata service, refreshing before expiry); this
 * class only picks the fields. It does not use the library's own CLI-profile provider because that
 * one cannot send STS calls anywhere but Alibaba Cloud (a run against the emulator must never do
 * that) and lets {@code ALIBABA_CLOUD_PROFILE} override a profile named on the command line.
 */
public final class CliProfile {
  /** The modes this class builds, in the aliyun CLI's spelling. */
  public static final List<String> MODES =
      List.of("AK", "StsToken", "RamRoleArn", "ChainableRamRoleArn", "EcsRamRole", "CredentialsURI", "OIDC");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The aliyun CLI writes a few hundred bytes per profile. */
  private static final long MAX_FILE_BYTES = 1L << 20;

  private final Path file;
  private final JsonNode root;

  private CliProfile(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /** Default location: {@code $HOME/.aliyun/config.json}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".aliyun", "config.json");
  }

  /** Reads the file; IllegalArgumentException names the file and, for a syntax error, its position (never a secret). */
  public static CliProfile read(Path file) {
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
      return new CliProfile(file, MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text around the error, which may be a secret: position only.
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

  /** The profile the file names as {@code current}, or null. */
  public String current() {
    String c = root == null ? "" : root.path("current").asText("");
    return c.isEmpty() ? null : c;
  }

  /**
   * The provider for the named profile. {@code stsEndpoint} is {@code host:port} of the STS the
   * role modes call, or null for Alibaba Cloud's (picked by the profile's {@code sts_region}).
   */
  public AlibabaCloudCredentialsProvider provider(String name, String stsEndpoint) {
    return provider(name, stsEndpoint, new ArrayList<>());
  }

  /** The mode of the named profile (AK when the profile names none, as the aliyun CLI reads it). */
  public String mode(String name) {
    return profile(name).path("mode").asText("AK");
  }

  private AlibabaCloudCredentialsProvider provider(String name, String stsEndpoint, List<String> chain) {
    if (chain.contains(name)) {
      throw new IllegalArgumentException("profile " + name + " in " + file + ": source_profile loops ("
          + String.join(" -> ", chain) + " -> " + name + ")");
    }
    chain.add(name);
    JsonNode p = profile(name);
    String mode = p.path("mode").asText("AK");
    switch (mode) {
      case "AK":
        return staticKey(name, p, false);
      case "StsToken":
        return staticKey(name, p, true);
      case "RamRoleArn":
        return assumeRole(name, p, staticKey(name, p, false), stsEndpoint);
      case "ChainableRamRoleArn": {
        String source = text(p, "source_profile");
        if (source == null) throw missing(name, mode, "source_profile");
        return assumeRole(name, p, provider(source, stsEndpoint, chain), stsEndpoint);
      }
      case "EcsRamRole":
        // No role name: the library asks the metadata service which role the instance has.
        return EcsRamRoleCredentialProvider.builder().roleName(text(p, "ram_role_name")).build();
      case "CredentialsURI": {
        String uri = text(p, "credentials_uri");
        if (uri == null) throw missing(name, mode, "credentials_uri");
        return URLCredentialProvider.builder().credentialsURI(uri).build();
      }
      case "OIDC": {
        for (String f : List.of("ram_role_arn", "oidc_provider_arn", "oidc_token_file")) {
          if (text(p, f) == null) throw missing(name, mode, f);
        }
        OIDCRoleArnCredentialProvider.Builder b = OIDCRoleArnCredentialProvider.builder()
            .roleArn(text(p, "ram_role_arn"))
            .oidcProviderArn(text(p, "oidc_provider_arn"))
            .oidcTokenFilePath(text(p, "oidc_token_file"))
            .roleSessionName(sessionName(p))
            .durationSeconds(duration(p));
        return stsEndpoint != null ? b.STSEndpoint(stsEndpoint).build()
            : b.stsRegionId(text(p, "sts_region")).enableVpc(vpc(p)).build();
      }
      default:
        throw new IllegalArgumentException("profile " + name + " in " + file + ": mode " + mode
            + " is not supported (supported: " + String.join(", ", MODES) + ")");
    }
  }

  private JsonNode profile(String name) {
    JsonNode found = null;
    for (JsonNode p : root == null ? MAPPER.createArrayNode() : root.path("profiles")) {
      if (name.equals(p.path("name").asText())) found = p;
    }
    if (found == null) {
      List<String> names = new ArrayList<>();
      for (JsonNode p : root == null ? MAPPER.createArrayNode() : root.path("profiles")) names.add(p.path("name").asText());
      throw new IllegalArgumentException("no profile " + name + " in " + file
          + (names.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", names) + ")"));
    }
    return found;
  }

  private AlibabaCloudCredentialsProvider staticKey(String name, JsonNode p, boolean sts) {
    String mode = p.path("mode").asText("AK");
    String id = text(p, "access_key_id");
    String secret = text(p, "access_key_secret");
    Redactor.process().addSecret(secret);
    Redactor.process().addSecret(text(p, "sts_token"));
    if (id == null) throw missing(name, mode, "access_key_id");
    if (secret == null) throw missing(name, mode, "access_key_secret");
    CredentialModel.Builder model = CredentialModel.builder().accessKeyId(id).accessKeySecret(secret)
        .type(sts ? "sts" : "access_key").providerName(sts ? "static_sts" : "static_ak");
    if (sts) {
      String token = text(p, "sts_token");
      if (token == null) throw missing(name, mode, "sts_token");
      model.securityToken(token);
    }
    return StaticCredentialsProvider.builder().credential(model.build()).build();
  }

  private AlibabaCloudCredentialsProvider assumeRole(String name, JsonNode p, AlibabaCloudCredentialsProvider source,
                                                     String stsEndpoint) {
    String arn = text(p, "ram_role_arn");
    if (arn == null) throw missing(name, p.path("mode").asText(), "ram_role_arn");
    RamRoleArnCredentialProvider.Builder b = RamRoleArnCredentialProvider.builder()
        .credentialsProvider(source)
        .roleArn(arn)
        .roleSessionName(sessionName(p))
        .durationSeconds(duration(p))
        .policy(text(p, "policy"))
        .externalId(text(p, "external_id"));
    return stsEndpoint != null ? b.STSEndpoint(stsEndpoint).build()
        : b.stsRegionId(text(p, "sts_region")).enableVpc(vpc(p)).build();
  }

  private IllegalArgumentException missing(String name, String mode, String field) {
    return new IllegalArgumentException("profile " + name + " in " + file + ": mode " + mode + " needs " + field);
  }

  /** The aliyun CLI's default session name when the profile names none. */
  private static String sessionName(JsonNode p) {
    String s = text(p, "ram_session_name");
    return s != null ? s : "exportguard-" + System.currentTimeMillis();
  }

  private static Integer duration(JsonNode p) {
    int s = p.path("expired_seconds").asInt(0);
    return s > 0 ? s : 3600;
  }

  private static Boolean vpc(JsonNode p) {
    return p.has("enable_vpc") ? p.path("enable_vpc").asBoolean(false) : null;
  }

  private static String text(JsonNode p, String field) {
    JsonNode v = p.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
