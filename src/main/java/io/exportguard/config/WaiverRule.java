package io.exportguard.config;

import java.time.LocalDate;

/**
 * One waiver of the configuration file: the findings of check {@code check} (all of them, or those
 * whose resource is {@code resource} or matches the glob {@code pattern}) are accepted until the end
 * of {@code expires}, for {@code reason}, on {@code owner}'s word. A check that names a
 * {@code prevents} code can be waived only with {@code acceptExportFailure}, since the export would
 * still fail.
 *
 * @param source {@code file:line} of the waiver, for messages and reports
 */
public record WaiverRule(String check, String resource, String pattern, String reason, String owner,
                         LocalDate expires, boolean acceptExportFailure, String source) {

  /** True when the waiver applies to a finding about {@code findingResource}. */
  public boolean covers(String findingResource) {
    if (resource != null) return resource.equals(findingResource);
    if (pattern != null) return findingResource != null && glob(pattern, findingResource);
    return true;
  }

  /** Expired once the day after {@code expires} has begun (UTC). */
  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  /** {@code *} any run of characters, {@code ?} one character; everything else literal (RE2/J, no backtracking). */
  static boolean glob(String pattern, String text) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) re.append('\\').append(c);
      else re.append(c);
    }
    return com.google.re2j.Pattern.compile(re.toString(), com.google.re2j.Pattern.DOTALL).matcher(text).matches();
  }
}
