package io.exportguard.rego.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link YamlValues} reads what Jackson's YAML mapper reads into {@code Object}, or leaves the text
 * to it: over every METADATA block of the built-in pack and of the Rego test sources, and YAML that
 * uses each feature a block may (block and flow collections, folded and literal scalars, every kind
 * of scalar, anchors, aliases, tags, repeated keys, several documents, syntax errors).
 */
class YamlValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private static final List<String> FEATURES = List.of(
      "", "# only a comment\n", "a: 1\n", "a:\n", "a: ~\n", "a: null\n", "a: Null\n", "a: ''\n",
      "a: 1\nb: -2\nc: 12345678901\nd: 123456789012345678901234567890\ne: 0x1F\nf: 0o17\ng: 017\n",
      "a: 1.5\nb: -0.0\nc: 1e3\nd: .inf\ne: -.Inf\nf: .nan\ng: 3.14159265358979323846264338327950288\n",
      "a: true\nb: false\nc: True\nd: yes\ne: no\nf: on\ng: off\nh: y\n",
      "a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: 10:30\n",
      "a: \"quoted \\\"text\\\" \\u00e9\"\nb: 'single ''quoted'''\nc: plain text with: colon\n",
      "a: >-\n  folded\n  lines\n\n  paragraph\nb: |\n  literal\n    indented\nc: >\n  kept newline\n",
      "custom:\n  id: EG-X-1\n  severity: high\n  requires: [exportTask, exportBucket]\n  list:\n    - one\n    - two: 2\n",
      "a: {b: 1, c: [x, y], d: {}}\ne: []\n", "- a\n- b\n", "just a scalar\n", "42\n",
      "a: &anchor 1\nb: *anchor\n", "a: &m {x: 1}\nb: *m\n", "a: !!str 123\n", "a: !custom x\n",
      "a: !!binary aGVsbG8=\n", "a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n", "a: 1\n---\nb: 2\n", "---\na: 1\n...\n",
      "a: [1, 2\n", "a: b: c\n", "\ta: 1\n", "a:\n- x\n - y\n", "? complex\n: key\n", "? [a, b]\n: v\n",
      "a: \"\\x41\"\n", "a: 'it''s'\nb: \"\"\n", "a: -\n", "a: - x\n", "'a': 1\n\"b\": 2\n", "1: one\ntrue: t\n",
      "title: Policy\nscope: rule\nschemas:\n  - input: schema.input\nentrypoint: true\n");

  @Test
  void readsWhatTheMapperReadsOrLeavesTheTextToIt() throws IOException {
    List<String> texts = new ArrayList<>(FEATURES);
    List<String> pack = blocks(Path.of("policies"));
    texts.addAll(pack);
    texts.addAll(blocks(Path.of("src", "test", "resources", "rego")));
    int read = 0;
    for (String text : texts) {
      Object ours = YamlValues.read(text);
      if (ours == YamlValues.NEEDS_MAPPER) continue;
      Object theirs;
      try {
        theirs = MAPPER.readValue(text, Object.class);
      } catch (IOException e) {
        throw new AssertionError("read a text the mapper refuses: " + text, e);
      }
      assertThat(ours).as(text).isEqualTo(theirs);
      if (ours != null) assertThat(ours.getClass()).as(text).isEqualTo(theirs.getClass());
      read++;
    }
    assertThat(pack).as("the built-in pack's METADATA blocks").hasSizeGreaterThan(40);
    for (String block : pack) assertThat(YamlValues.read(block)).as(block).isNotSameAs(YamlValues.NEEDS_MAPPER);
    assertThat(read).isGreaterThan(pack.size() + 15);
  }

  @Test
  void leavesAnchorsAliasesTagsRepeatedKeysMoreDocumentsAndErrorsToTheMapper() {
    for (String text : List.of("a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "a: [1\n")) {
      assertThat(YamlValues.read(text)).as(text).isSameAs(YamlValues.NEEDS_MAPPER);
    }
  }

  /** The METADATA blocks of the .rego files under a folder, as {@link Metadata} cuts them out. */
  private static List<String> blocks(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".rego")).sorted().toList();
    }
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("# METADATA")) continue;
        StringBuilder yaml = new StringBuilder();
        int j = i + 1;
        while (j < lines.size() && lines.get(j).startsWith("#")) {
          String t = lines.get(j).substring(1);
          yaml.append(t.startsWith(" ") ? t.substring(1) : t).append('\n');
          j++;
        }
        out.add(yaml.toString());
        i = j - 1;
      }
    }
    return out;
  }
}
