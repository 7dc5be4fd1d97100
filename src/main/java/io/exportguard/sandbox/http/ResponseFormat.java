package io.exportguard.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two bodies the RPC gateway answers in. JSON is the object itself; XML wraps it in one root
 * element ({@code <DescribeImagesResponse>}, or {@code <Error>}) and writes a list as the list's key
 * repeated once per item, so the JSON shape {@code "Images":{"Image":[a,b]}} becomes
 * {@code <Images><Image>a</Image><Image>b</Image></Images>}, as the gateway does.
 */
public enum ResponseFormat {
  JSON("application/json;charset=utf-8"),
  // The exact value the current SDKs compare against before they parse an XML error body.
  XML("text/xml;charset=utf-8");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String contentType;

  ResponseFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /**
   * The format a client asked for: its {@code Format} parameter (any case) when present, else XML
   * only when its Accept header names XML and not JSON, else JSON.
   */
  public static ResponseFormat requested(String formatParam, String accept) {
    if (formatParam != null && !formatParam.isEmpty()) {
      return formatParam.equalsIgnoreCase("XML") ? XML : JSON;
    }
    if (accept != null) {
      String a = accept.toLowerCase(Locale.ROOT);
      if (a.contains("xml") && !a.contains("json")) {
        return XML;
      }
    }
    return JSON;
  }

  /** The body as bytes; {@code root} names the XML root element and is ignored for JSON. */
  public byte[] encode(String root, Map<String, Object> body) {
    if (this == JSON) {
      try {
        // Jackson writes non-ASCII as UTF-8, never as \\uXXXX escapes the core SDK's reader cannot decode.
        return MAPPER.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("reply not serialisable", e);
      }
    }
    Xml xml = new Xml().open(root);
    body.forEach((k, v) -> element(xml, k, v));
    return xml.close(root).bytes();
  }

  private static void element(Xml xml, String name, Object value) {
    if (value instanceof Map<?, ?> map) {
      xml.open(name);
      map.forEach((k, v) -> element(xml, String.valueOf(k), v));
      xml.close(name);
    } else if (value instanceof List<?> list) {
      list.forEach(item -> element(xml, name, item));
    } else {
      xml.leaf(name, value);
    }
  }
}
