package io.exportguard.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Terraform addresses and references, as the plan's JSON writes them: {@code
 * module.net["a.b"].alicloud_ram_role.export[0]}, {@code alicloud_oss_bucket.exports.id}. Split at
 * the dots between parts; an instance key ({@code [0]}, {@code ["a.b"]}) stays with its part.
 */
final class TerraformAddress {
  private TerraformAddress() {}

  /** The parts of an address or reference: {@code module.m[0].x.y} gives {@code module, m[0], x, y}. */
  static List<String> parts(String address) {
    List<String> out = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    int brackets = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (quoted) {
        part.append(c);
        if (c == '\\' && i + 1 < address.length()) part.append(address.charAt(++i));
        else if (c == '"') quoted = false;
        continue;
      }
      if (c == '"') quoted = true;
      else if (c == '[') brackets++;
      else if (c == ']') brackets--;
      else if (c == '.' && brackets == 0) {
        out.add(part.toString());
        part.setLength(0);
        continue;
      }
      part.append(c);
    }
    out.add(part.toString());
    return out;
  }

  /** A part without its instance key: {@code m[0]} gives {@code m}. */
  static String name(String part) {
    int i = part.indexOf('[');
    return i < 0 ? part : part.substring(0, i);
  }

  /** The instance key of a part as written ({@code 0}, {@code "a"}), or null. */
  static String key(String part) {
    int i = part.indexOf('[');
    return i < 0 || !part.endsWith("]") ? null : part.substring(i + 1, part.length() - 1);
  }

  /** A module instance address without its instance keys: {@code module.a[0].module.b} gives {@code module.a.module.b}. */
  static String configPath(String moduleAddress) {
    if (moduleAddress == null || moduleAddress.isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    for (String p : parts(moduleAddress)) {
      if (b.length() > 0) b.append('.');
      b.append(name(p));
    }
    return b.toString();
  }

  /** The module instance one level up: {@code module.a[0].module.b} gives {@code module.a[0]}; the root gives null. */
  static String parentModule(String moduleAddress) {
    if (moduleAddress == null || moduleAddress.isEmpty()) return null;
    List<String> p = parts(moduleAddress);
    return p.size() <= 2 ? "" : String.join(".", p.subList(0, p.size() - 2));
  }

  /** The name of the module call of a module instance: {@code module.a[0].module.b} gives {@code b}. */
  static String lastCall(String moduleAddress) {
    List<String> p = parts(moduleAddress);
    return name(p.get(p.size() - 1));
  }

  /** A child module instance address: {@code parent} then {@code module.<part>}. */
  static String child(String parent, String callPart) {
    return (parent == null || parent.isEmpty() ? "" : parent + ".") + "module." + callPart;
  }
}
