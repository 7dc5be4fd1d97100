package io.exportguard.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets from text. It knows the run's actual secrets (registered as credentials are
 * resolved: AccessKey secrets, STS tokens) in the forms they take in output (as is, URL-encoded once
 * and twice, JSON- and HTML-escaped), and the shapes secrets come in whatever their value: the query
 * of a signed URL (RPC {@code Signature}, {@code SecurityToken}, {@code AccessKeyId}; OSS V1 and V4
 * presigned parameters), a signing parameter on its own (a string to sign an SDK echoes), an OSS
 * {@code Authorization} header, and {@code secret=}, {@code "token": "..."} style pairs. Each is
 * replaced by {@link #MASK}.
 *
 * <p>{@link #process()} is the process-wide instance that the output sinks use ({@link
 * RedactingOutputStream}, {@link RedactedValues}); everything that learns a secret registers it
 * there. Thread-safe.
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";

  /** Shorter values are not matched literally: they would redact ordinary words. No real secret is this short. */
  static final int MIN_SECRET_LENGTH = 6;

  private static final Redactor PROCESS = new Redactor();

  /** Query parameters that sign a request or carry a credential (RPC, OSS V1 and V4, and S3-style presigning). */
  private static final String SIGNING_PARAMS = "signature|securitytoken|security-token|accesskeyid|ossaccesskeyid"
      + "|x-oss-signature|x-oss-credential|x-oss-security-token|x-oss-access-key-id|x-acs-security-token"
      + "|x-acs-signature|x-amz-signature|x-amz-credential|x-amz-security-token|credential";

  /** A URL whose query is redacted whole when it carries a signing parameter. */
  private static final Pattern URL_QUERY = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s?#\"'<>]*\\?)([^\\s#\"'<>]+)");
  private static final Pattern SIGNING_PARAM_IN_QUERY =
      Pattern.compile("(?i)(?:^|&|&amp;)(?:" + SIGNING_PARAMS + ")=");

  /**
   * A signing parameter outside a URL, plain or percent-encoded once or twice (as in an echoed string
   * to sign): the value runs to the next separator, an encoded {@code &} included.
   */
  private static final Pattern SIGNING_PARAM = Pattern.compile("(?i)(^|[?&\\s\"',;(]|%26|%2526|%3F)("
      + SIGNING_PARAMS + ")(=|%3D|%253D)((?:[^&\\s\"'<>,;%]|%(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-47-9A-Fa-f])"
      + "|%25(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-57-9A-Fa-f]))+)");

  /** The STS token header of OSS and ACS requests, as a string to sign or a header dump shows it. */
  private static final Pattern TOKEN_HEADER =
      Pattern.compile("(?i)(x-(?:oss|acs)-security-token\\s*:\\s*)([^\\s\"',;&<>]+)");

  /** OSS V1 {@code Authorization: OSS <AccessKeyId>:<signature>}. */
  private static final Pattern OSS_V1_AUTHORIZATION =
      Pattern.compile("(\\bOSS )[A-Za-z0-9._-]{4,}:[A-Za-z0-9+/=]{16,}");

  /**
   * {@code name=value} or {@code "name": "value"} where the name ends in secret, token or password
   * (access_key_secret, AccessKeySecret, sts_token, ALIBABA_CLOUD_SECURITY_TOKEN, ...). After a colon
   * only a quoted value is taken, so JSON numbers and structure are never touched.
   */
  private static final Pattern SECRET_PAIR = Pattern.compile("(?i)([A-Za-z0-9_.-]*(?:secret|token|password|passwd)"
      + "(?:\"\\s*:\\s*\"|'\\s*:\\s*'|\\s*=\\s*[\"']?))([^\\s\"'&,;<>{}\\[\\]]+)");

  /** One of these is in every name {@link #SIGNING_PARAMS} lists (so in every match of the URL and parameter patterns). */
  private static final List<String> SIGNING_WORDS =
      List.of("signature", "token", "accesskeyid", "access-key-id", "credential");
  /** One of these is in every match of {@link #SECRET_PAIR}. */
  private static final List<String> SECRET_WORDS = List.of("secret", "token", "passw");

  private volatile List<String> literals = List.of();

  /** A redactor that knows no secrets yet (the process-wide one is {@link #process()}). */
  public Redactor() {}

  /** The redactor every output sink of this process uses. */
  public static Redactor process() { return PROCESS; }

  /** Learns a secret (an AccessKey secret, an STS token); null, blank and very short values are ignored. */
  public void addSecret(String secret) {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) return;
    Set<String> forms = new LinkedHashSet<>(literals);
    String once = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    forms.add(secret);
    forms.add(once);
    forms.add(once.replace("+", "%20"));
    forms.add(URLEncoder.encode(once, StandardCharsets.UTF_8));
    forms.add(URLEncoder.encode(once.replace("+", "%20"), StandardCharsets.UTF_8));
    forms.add(jsonEscaped(secret));
    forms.add(htmlEscaped(secret));
    synchronized (this) {
      Set<String> merged = new LinkedHashSet<>(literals);
      merged.addAll(forms);
      List<String> sorted = new ArrayList<>(merged);
      sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no half-replaced forms
      literals = List.copyOf(sorted);
    }
  }

  /** The text without secrets; the same instance when there was nothing to remove. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = text;
    for (String literal : literals) {
      if (s.contains(literal)) s = s.replace(literal, MASK);
    }
    s = redactShapes(s);
    return s.equals(text) ? text : s;
  }

  /**
   * The shape patterns (signed URLs, signing parameters, auth headers, secret pairs), each run only
   * when the text holds a word it needs: most text holds none, and the regular expressions are most
   * of a short run's redaction cost. The words are matched case-insensitively in ASCII; RE2/J's
   * {@code (?i)} also folds a few non-ASCII letters to ASCII ones (the Kelvin sign to k, the long s
   * to s), so text with any non-ASCII character runs every pattern.
   */
  static String redactShapes(String s) {
    boolean all = !isAscii(s);
    String lower = s.toLowerCase(Locale.ROOT);
    if (all || containsAny(lower, SIGNING_WORDS)) {
      s = replaceGroup(SIGNING_PARAM, redactSignedUrls(s), 4);
      lower = s.toLowerCase(Locale.ROOT);
    }
    if (all || lower.contains("security-token")) {
      s = replaceGroup(TOKEN_HEADER, s, 2);
      lower = s.toLowerCase(Locale.ROOT);
    }
    if (s.contains("OSS ")) s = replaceGroup(OSS_V1_AUTHORIZATION, s, 0, "OSS " + MASK); // case-sensitive
    if (all || containsAny(s.toLowerCase(Locale.ROOT), SECRET_WORDS)) s = replaceGroup(SECRET_PAIR, s, 2);
    return s;
  }

  /** Every shape pattern, whatever the text holds (what {@link #redactShapes} must always equal). */
  static String redactShapesUngated(String s) {
    s = replaceGroup(SIGNING_PARAM, redactSignedUrls(s), 4);
    s = replaceGroup(TOKEN_HEADER, s, 2);
    s = replaceGroup(OSS_V1_AUTHORIZATION, s, 0, "OSS " + MASK);
    return replaceGroup(SECRET_PAIR, s, 2);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) return false;
    }
    return true;
  }

  private static boolean containsAny(String lower, List<String> words) {
    for (String word : words) {
      if (lower.contains(word)) return true;
    }
    return false;
  }

  private static String redactSignedUrls(String s) {
    if (!s.contains("://")) return s;
    Matcher m = URL_QUERY.matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (!SIGNING_PARAM_IN_QUERY.matcher(m.group(2)).find()) continue;
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, last, m.start(2)).append(MASK);
      last = m.end(2);
    }
    return out == null ? s : out.append(s, last, s.length()).toString();
  }

  private static String replaceGroup(Pattern p, String s, int group) {
    return replaceGroup(p, s, group, MASK);
  }

  /** Replaces the given group of every match (0: the whole match) with {@code mask}. */
  private static String replaceGroup(Pattern p, String s, int group, String mask) {
    Matcher m = p.matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (m.group(group).equals(mask) || m.group(group).equals(MASK)) continue;
      if (out == null) out = new StringBuilder(s.length());
      out.append(s, last, m.start(group)).append(mask);
      last = m.end(group);
    }
    return out == null ? s : out.append(s, last, s.length()).toString();
  }

  private static String jsonEscaped(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.toString();
  }

  private static String htmlEscaped(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
