package io.exportguard.rego.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct glob matcher agrees with the RE2/J translation on random globs and inputs. */
class GlobEquivalenceTest {
  private static final String[] PIECES = {"a", "b", ".", "/", "*", "**", "?", "[ab]", "[!a]", "[a-c]", "{a,b.}",
      "{*.,?}", "\\*", "c"};
  private static final char[] INPUT = {'a', 'b', 'c', '.', '/', '*'};

  @Test
  void directMatcherAgreesWithRegexTranslation() {
    Random rnd = new Random(42);
    int checked = 0;
    for (List<Integer> delims : List.of(List.<Integer>of(), List.of((int) '.'), List.of((int) '.', (int) '/'))) {
      for (int p = 0; p < 300; p++) {
        StringBuilder g = new StringBuilder();
        for (int k = rnd.nextInt(6); k >= 0; k--) g.append(PIECES[rnd.nextInt(PIECES.length)]);
        String glob = g.toString();
        GlobMatcher direct = GlobMatcher.compile(glob, delims);
        Pattern regex = Pattern.compile(Glob.toRegex(glob, delims), Pattern.DOTALL);
        assertThat(direct).as(glob).isNotNull();
        for (int t = 0; t < 40; t++) {
          StringBuilder s = new StringBuilder();
          for (int k = rnd.nextInt(7); k > 0; k--) s.append(INPUT[rnd.nextInt(INPUT.length)]);
          assertThat(direct.matches(s.toString())).as(glob + " ~ " + s + " delims " + delims)
              .isEqualTo(regex.matches(s.toString()));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(3 * 300 * 40);
  }
}
