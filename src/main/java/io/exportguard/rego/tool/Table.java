package io.exportguard.rego.tool;

import java.util.List;

/** A plain-text table in OPA's pretty style: {@code +---+} borders, {@code |} separated cells. */
final class Table {
  private Table() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) width[i] = Math.max(width[i], r.get(i).length());
    }
    StringBuilder sb = new StringBuilder();
    line(sb, width);
    row(sb, header, width);
    line(sb, width);
    for (List<String> r : rows) row(sb, r, width);
    line(sb, width);
    return sb.toString().stripTrailing();
  }

  private static void line(StringBuilder sb, int[] width) {
    for (int w : width) sb.append('+').append("-".repeat(w + 2));
    sb.append("+\n");
  }

  private static void row(StringBuilder sb, List<String> cells, int[] width) {
    for (int i = 0; i < width.length; i++) {
      sb.append("| ").append(cells.get(i)).append(" ".repeat(width[i] - cells.get(i).length() + 1));
    }
    sb.append("|\n");
  }
}
