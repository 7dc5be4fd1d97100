package io.exportguard.sandbox.signing;

import java.util.List;
import java.util.Map;

/**
 * What an OSS signature covers: the method, the decoded path ({@code /bucket/key}), the query in
 * order, and the headers with lower-cased names.
 */
public record HttpView(String method, String path, List<Encoding.Param> query, Map<String, List<String>> headers) {

  public String header(String lowerName) {
    List<String> v = headers.get(lowerName);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
