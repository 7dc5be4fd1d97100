package io.exportguard.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced blocks of a docs page: language, attributes ({@code file=...}, {@code exit=...}) and body. */
record DocsBlocks(List<Block> blocks) {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)([^\\n]*)\\n(.*?)^```\\s*$");
  private static final Pattern ATTR = Pattern.compile("(\\w+)=(\\S+)");

  record Block(String language, Map<String, String> attributes, String body) {}

  static DocsBlocks of(Path page) throws IOException {
    List<Block> out = new ArrayList<>();
    Matcher m = FENCE.matcher(Files.readString(page));
    while (m.find()) {
      Map<String, String> attrs = new LinkedHashMap<>();
      Matcher a = ATTR.matcher(m.group(2));
      while (a.find()) attrs.put(a.group(1), a.group(2));
      out.add(new Block(m.group(1), attrs, m.group(3)));
    }
    return new DocsBlocks(out);
  }

  /** The blocks a walk-through acts on: files to write and commands to run, in page order. */
  List<Block> steps() {
    return blocks.stream().filter(b -> b.attributes().containsKey("file") || b.attributes().containsKey("exit")).toList();
  }
}
