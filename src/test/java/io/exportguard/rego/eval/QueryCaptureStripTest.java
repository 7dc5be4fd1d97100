package io.exportguard.rego.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link QueryCapture#stripTrailingSeparators} does what the regex it replaced did, on every kind of ending. */
class QueryCaptureStripTest {
  @Test
  void stripsWhatTheRegexStripped() {
    char[] alphabet = {'a', ';', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029', 'x'};
    Random random = new Random(20261205);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(7);
      for (int j = 0; j < len; j++) sb.append(alphabet[random.nextInt(alphabet.length)]);
      String s = sb.toString();
      assertThat(QueryCapture.stripTrailingSeparators(s)).as("%s", s.chars().boxed().toList())
          .isEqualTo(s.replaceAll("[\\s;]+$", ""));
    }
  }
}
