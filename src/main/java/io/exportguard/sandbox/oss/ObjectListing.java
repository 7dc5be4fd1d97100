package io.exportguard.sandbox.oss;

import io.exportguard.sandbox.http.Xml;
import io.exportguard.sandbox.scenario.Scenario.Bucket;
import io.exportguard.sandbox.state.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * ListObjects (V1: marker/NextMarker) and ListObjectsV2 (continuation-token, start-after,
 * KeyCount): prefix, delimiter with CommonPrefixes (each counts once against max-keys), and
 * {@code encoding-type=url}.
 */
final class ObjectListing {
  /** An object or a common prefix, in key order. */
  private record Entry(ObjectRecord object, String commonPrefix) {
    String key() {
      return object != null ? object.key() : commonPrefix;
    }
  }

  private record Page(List<Entry> entries, boolean truncated) {}

  private ObjectListing() {}

  static OssOperations.Result v1(Bucket bucket, List<ObjectRecord> objects, Map<String, String> params, String owner) {
    String prefix = nz(params.get("prefix"));
    String marker = nz(params.get("marker"));
    String delimiter = nz(params.get("delimiter"));
    int maxKeys = maxKeys(params);
    boolean url = "url".equals(params.get("encoding-type"));
    UnaryOperator<String> enc = url ? OssOperations::urlEncode : s -> s;
    Page page = page(objects, prefix, marker, delimiter, maxKeys);
    Xml xml = new Xml().open("ListBucketResult").leaf("Name", bucket.name()).leaf("Prefix", enc.apply(prefix))
        .leaf("Marker", enc.apply(marker)).leaf("MaxKeys", maxKeys).leaf("Delimiter", enc.apply(delimiter));
    if (url) {
      xml.leaf("EncodingType", "url");
    }
    xml.leaf("IsTruncated", page.truncated());
    if (page.truncated()) {
      xml.leaf("NextMarker", enc.apply(page.entries().get(page.entries().size() - 1).key()));
    }
    entries(xml, page, enc, owner, true);
    return OssOperations.Result.xml(xml.close("ListBucketResult"));
  }

  static OssOperations.Result v2(Bucket bucket, List<ObjectRecord> objects, Map<String, String> params, String owner) {
    String prefix = nz(params.get("prefix"));
    String startAfter = nz(params.get("start-after"));
    String token = params.get("continuation-token");
    String delimiter = nz(params.get("delimiter"));
    int maxKeys = maxKeys(params);
    boolean url = "url".equals(params.get("encoding-type"));
    boolean fetchOwner = "true".equals(params.get("fetch-owner"));
    UnaryOperator<String> enc = url ? OssOperations::urlEncode : s -> s;
    String after = startAfter;
    if (token != null && !token.isEmpty()) {
      String fromToken = OssOperations.untoken(token);
      after = fromToken.compareTo(after) > 0 ? fromToken : after;
    }
    Page page = page(objects, prefix, after, delimiter, maxKeys);
    Xml xml = new Xml().open("ListBucketResult").leaf("Name", bucket.name()).leaf("Prefix", enc.apply(prefix));
    if (!startAfter.isEmpty()) {
      xml.leaf("StartAfter", enc.apply(startAfter));
    }
    if (token != null) {
      xml.leaf("ContinuationToken", token);
    }
    xml.leaf("MaxKeys", maxKeys).leaf("Delimiter", enc.apply(delimiter));
    if (url) {
      xml.leaf("EncodingType", "url");
    }
    xml.leaf("IsTruncated", page.truncated());
    if (page.truncated()) {
      xml.leaf("NextContinuationToken", OssOperations.token(page.entries().get(page.entries().size() - 1).key()));
    }
    xml.leaf("KeyCount", page.entries().size());
    entries(xml, page, enc, owner, fetchOwner);
    return OssOperations.Result.xml(xml.close("ListBucketResult"));
  }

  private static void entries(Xml xml, Page page, UnaryOperator<String> enc, String owner, boolean withOwner) {
    for (Entry e : page.entries()) {
      if (e.object() == null) {
        continue;
      }
      ObjectRecord o = e.object();
      xml.open("Contents").leaf("Key", enc.apply(o.key())).leaf("LastModified", OssOperations.iso(o.lastModified()))
          .leaf("ETag", o.etag()).leaf("Type", "Normal").leaf("Size", o.size()).leaf("StorageClass", "Standard");
      if (withOwner) {
        xml.open("Owner").leaf("ID", owner).leaf("DisplayName", owner).close("Owner");
      }
      xml.close("Contents");
    }
    for (Entry e : page.entries()) {
      if (e.commonPrefix() != null) {
        xml.open("CommonPrefixes").leaf("Prefix", enc.apply(e.commonPrefix())).close("CommonPrefixes");
      }
    }
  }

  private static Page page(List<ObjectRecord> sorted, String prefix, String after, String delimiter, int maxKeys) {
    List<Entry> entries = new ArrayList<>();
    boolean truncated = false;
    for (ObjectRecord o : sorted) {
      String key = o.key();
      if (!key.startsWith(prefix) || (!after.isEmpty() && key.compareTo(after) <= 0)) {
        continue;
      }
      String common = null;
      if (!delimiter.isEmpty()) {
        int at = key.indexOf(delimiter, prefix.length());
        if (at >= 0) {
          common = key.substring(0, at + delimiter.length());
        }
      }
      if (common != null && (!after.isEmpty() && common.compareTo(after) <= 0
          || !entries.isEmpty() && common.equals(entries.get(entries.size() - 1).commonPrefix()))) {
        continue;
      }
      if (entries.size() == maxKeys) {
        truncated = true;
        break;
      }
      entries.add(common != null ? new Entry(null, common) : new Entry(o, null));
    }
    return new Page(entries, truncated);
  }

  static int maxKeys(Map<String, String> params) {
    String v = params.get("max-keys");
    if (v == null || v.isEmpty()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OssError(400, "InvalidArgument", "max-keys must be between 1 and 1000.").with("ArgumentName", "max-keys")
        .with("ArgumentValue", v);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
