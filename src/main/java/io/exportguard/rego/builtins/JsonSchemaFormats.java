package io.exportguard.rego.builtins;

import java.util.regex.Pattern;

/**
 * The {@code format} checks gojsonschema knows (date-time, date, time, email, hostname, ipv4, ipv6,
 * uri, uri-reference, uuid, regex, json-pointer, ...); formats it does not know always match.
 */
final class JsonSchemaFormats {
  private JsonSchemaFormats() {}

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([zZ]|[+-]\\d{2}:\\d{2})");
  private static final Pattern HOSTNAME =
      Pattern.compile("^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])(\\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9]))*\\.?$");
  private static final Pattern UUID = Pattern.compile("^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$");
  private static final Pattern JSON_POINTER = Pattern.compile("^(?:/(?:[^~/]|~0|~1)*)*$");
  private static final Pattern RELATIVE_JSON_POINTER = Pattern.compile("^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$");

  static boolean matches(String format, String s) {
    switch (format) {
      case "date-time": {
        int t = Math.max(s.indexOf('T'), s.indexOf('t'));
        return t > 0 && validDate(s.substring(0, t)) && TIME.matcher(s.substring(t + 1)).matches();
      }
      case "date": return validDate(s);
      case "time": return TIME.matcher(s).matches();
      case "email":
      case "idn-email": {
        int at = s.lastIndexOf('@');
        return at > 0 && at < s.length() - 1 && !s.contains(" ");
      }
      case "hostname": return s.length() <= 255 && HOSTNAME.matcher(s).matches();
      case "ipv4": return s.indexOf(':') < 0 && IpNet.parseIp(s) != null;
      case "ipv6": return s.indexOf(':') >= 0 && IpNet.parseIp(s) != null;
      case "uri":
      case "iri":
        try {
          return !GoUrl.parse(s).scheme.isEmpty();
        } catch (GoUrl.ParseError e) {
          return false;
        }
      case "uri-reference":
      case "iri-reference":
        try {
          GoUrl.parse(s);
          return true;
        } catch (GoUrl.ParseError e) {
          return false;
        }
      case "uuid": return UUID.matcher(s).matches();
      case "regex":
        try {
          com.google.re2j.Pattern.compile(s);
          return true;
        } catch (com.google.re2j.PatternSyntaxException e) {
          return false;
        }
      case "json-pointer": return JSON_POINTER.matcher(s).matches();
      case "relative-json-pointer": return RELATIVE_JSON_POINTER.matcher(s).matches();
      default: return true;
    }
  }

  private static boolean validDate(String s) {
    if (!DATE.matcher(s).matches()) return false;
    try {
      java.time.LocalDate.parse(s);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
