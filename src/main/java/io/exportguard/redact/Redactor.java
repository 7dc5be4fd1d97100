package io.exportguard.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes secrets from text. It knows the run's actual secrets (registered as credentials are
 * resolved: AccessKey secrets, STS tokens) in the forms they take in output (as is, URL-encoded once
 * and twice, JSON- and HTML-escaped), and the shapes secrets come in whatever their value: the query
 * of a signed URL (RPC {@code Signature}, {@code SecurityToken}, {@code AccessKeyId}; OSS V1 and V4
 * presigned parameters), a URL's password, a signing parameter on its own (a string to sign an SDK
 * echoes), an OSS {@code Authorization} header, and {@code secret=}, {@code "token": "..."} style pairs. Each is
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
  private static final LazyPattern URL_QUERY = new LazyPattern("(?i)([a-z][a-z0-9+.-]*://[^\\s?#\"'<>]*\\?)([^\\s#\"'<>]+)");
  private static final LazyPattern SIGNING_PARAM_IN_QUERY =
      new LazyPattern("(?i)(?:^|&|&amp;)(?:" + SIGNING_PARAMS + ")=");

  /**
   * A signing parameter outside a URL, plain or percent-encoded once or twice (as in an echoed string
   * to sign): the value runs to the next separator, an encoded {@code &} included.
   */
  private static final LazyPattern SIGNING_PARAM = new LazyPattern("(?i)(^|[?&\\s\"',;(]|%26|%2526|%3F)("
      + SIGNING_PARAMS + ")(=|%3D|%253D)((?:[^&\\s\"'<>,;%]|%(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-47-9A-Fa-f])"
      + "|%25(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-57-9A-Fa-f]))+)");

  /** The password of a URL's user info ({@code https://user:password@host}). */
  private static final LazyPattern URL_PASSWORD = new LazyPattern("(?i)([a-z][a-z0-9+.-]*://[^\\s/?#@:\"'<>]+:)([^\\s/?#@\"'<>]+)@");

  /** The STS token header of OSS and ACS requests, as a string to sign or a header dump shows it. */
  private static final LazyPattern TOKEN_HEADER =
      new LazyPattern("(?i)(x-(?:oss|acs)-security-token\\s*:\\s*)([^\\s\"',;&<>]+)");

  /** OSS V1 {@code Authorization: OSS <AccessKeyId>:<signature>}. */
  private static final LazyPattern OSS_V1_AUTHORIZATION =
      new LazyPattern("(\\bOSS )[A-Za-z0-9._-]{4,}:[A-Za-z0-9+/=]{16,}");

  /**
   * {@code name=value} or {@code "name": "value"} where the name ends in secret, token or password
   * (access_key_secret, AccessKeySecret, sts_token, ALIBABA_CLOUD_SECURITY_TOKEN, ...). After a colon
   * only a quoted value is taken, so JSON numbers and structure are never touched.
   */
  private static final LazyPattern SECRET_PAIR = new LazyPattern("(?i)([A-Za-z0-9_.-]*(?:secret|token|password|passwd)"
      + "(?:\"\\s*:\\s*\"|'\\s*:\\s*'|\\s*=\\s*[\"']?))([^\\s\"'&,;<>{}\\[\\]]+)");

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
    s = redactSignedUrls(s);
    // Each pattern needs a keyword of its own: a string without one is not searched (most are not:
    // names, ids, messages), which keeps redacting an audit's thousands of documents cheap.
    String folded = fold(s);
    if (s.contains("@")) s = replaceGroup(URL_PASSWORD.get(), s, 2);
    // Each pattern also needs its separator: '=' (or %3D, %253D) for a parameter, ':' or '=' for a pair.
    boolean equals = s.indexOf('=') >= 0;
    if ((equals || folded.contains("3d")) && containsAny(folded, SIGNING_KEYWORDS)) s = replaceGroup(SIGNING_PARAM.get(), s, 4);
    if (folded.contains("security-token")) s = replaceGroup(TOKEN_HEADER.get(), s, 2);
    if (s.contains("OSS ")) s = replaceGroup(OSS_V1_AUTHORIZATION.get(), s, 0, "OSS " + MASK);
    if ((s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && containsAny(folded, SECRET_KEYWORDS)) s = replaceGroup(SECRET_PAIR.get(), s, 2);
    return s.equals(text) ? text : s;
  }

  /**
   * {@link #redact} for long text of many lines (a report as it is written): the same patterns in the
   * same order, but those that cannot cross a line end (signed URLs, URL passwords, signing parameters, OSS
   * Authorization headers) are tried line by line, each line only when it holds their keyword, and
   * the two that can (a token header, a secret pair, whose value may follow on the next line) over
   * the whole text when it holds theirs. The result is what {@link #redact} gives; it is only faster.
   */
  public String redactLines(String text) {
    if (text == null || text.isEmpty()) return text;
    String s = text;
    for (String literal : literals) {
      if (s.contains(literal)) s = s.replace(literal, MASK);
    }
    // The keywords are ASCII and hold no line end, so text without one has no line with one: most
    // of a report is passed over without looking at it line by line.
    String folded = fold(s);
    boolean signing = containsAny(folded, SIGNING_KEYWORDS);
    if (s.contains("://") || s.contains("@") || signing) {
      s = eachLine(s, line -> {
        String l = redactSignedUrls(line);
        if (l.contains("@")) l = replaceGroup(URL_PASSWORD.get(), l, 2);
        return signing && containsAny(fold(l), SIGNING_KEYWORDS) ? replaceGroup(SIGNING_PARAM.get(), l, 4) : l;
      });
      folded = fold(s);
    }
    if (folded.contains("security-token")) {
      s = replaceGroup(TOKEN_HEADER.get(), s, 2);
      folded = fold(s);
    }
    if (s.contains("OSS ")) {
      s = eachLine(s, line -> line.contains("OSS ") ? replaceGroup(OSS_V1_AUTHORIZATION.get(), line, 0, "OSS " + MASK) : line);
      folded = fold(s);
    }
    if (containsAny(folded, SECRET_KEYWORDS)) s = replaceGroup(SECRET_PAIR.get(), s, 2);
    return s.equals(text) ? text : s;
  }

  /** Applies {@code f} to each line (its end kept out of it); the same instance when no line changed. */
  private static String eachLine(String s, java.util.function.UnaryOperator<String> f) {
    StringBuilder out = null;
    int start = 0;
    while (start < s.length()) {
      int nl = s.indexOf('\n', start);
      int end = nl < 0 ? s.length() : nl;
      String line = s.substring(start, end);
      String clean = f.apply(line);
      if (clean != line && out == null) out = new StringBuilder(s.length()).append(s, 0, start);
      if (out != null) {
        out.append(clean);
        if (nl >= 0) out.append('\n');
      }
      start = nl < 0 ? s.length() : nl + 1;
    }
    return out == null ? s : out.toString();
  }

  /** Every name in {@link #SIGNING_PARAMS} contains one of these. */
  private static final List<String> SIGNING_KEYWORDS =
      List.of("signature", "securitytoken", "security-token", "accesskeyid", "access-key-id", "credential");
  /** What {@link #SECRET_PAIR}'s names end in. */
  private static final List<String> SECRET_KEYWORDS = List.of("secret", "token", "password", "passwd");

  /**
   * Lower case as the patterns' {@code (?i)} matches it: besides the usual, the long s and the Kelvin
   * sign fold to s and k (Unicode simple case folding), so a keyword spelled with them is still seen.
   */
  static String fold(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replace('\u017f', 's').replace('\u212a', 'k');
  }

  private static boolean containsAny(String s, List<String> keywords) {
    for (String k : keywords) {
      if (s.contains(k)) return true;
    }
    return false;
  }

  private static String redactSignedUrls(String s) {
    if (s.indexOf('?') < 0 || !s.contains("://")) return s; // a query needs both
    Matcher m = URL_QUERY.get().matcher(s);
    StringBuilder out = null;
    int last = 0;
    while (m.find()) {
      if (!SIGNING_PARAM_IN_QUERY.get().matcher(m.group(2)).find()) continue;
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

  /**
   * A pattern compiled when first used: compiling them all costs a noticeable part of start-up, and
   * most runs never meet the keywords that make most of them needed.
   */
  private static final class LazyPattern {
    private final String regex;
    private volatile Pattern compiled;

    LazyPattern(String regex) {
      this.regex = regex;
    }

    Pattern get() {
      Pattern p = compiled;
      if (p == null) compiled = p = Pattern.compile(regex);
      return p;
    }
  }
}
