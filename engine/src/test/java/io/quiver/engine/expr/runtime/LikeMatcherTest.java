package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikeMatcherTest extends OffHeapTestBase {

  private boolean like(String text, String pattern) {
    return like(text, pattern, null);
  }

  private boolean like(String text, String pattern, String escape) {
    boolean compiled = LikeMatcher.compile(pattern, escape).matches(at(text), len(text));
    String escapeText = escape == null ? "" : escape;
    boolean dynamic = LikeMatcher.matchesDynamic(at(text), len(text), at(pattern), len(pattern),
        at(escapeText), len(escapeText));
    assertThat(dynamic).as("dynamic %s LIKE %s", text, pattern).isEqualTo(compiled);
    return compiled;
  }

  @Test
  void exactMatch() {
    assertThat(like("abc", "abc")).isTrue();
    assertThat(like("abc", "abd")).isFalse();
    assertThat(like("abc", "ab")).isFalse();
    assertThat(like("ab", "abc")).isFalse();
    assertThat(like("", "")).isTrue();
    assertThat(like("a", "")).isFalse();
    assertThat(like("日本", "日本")).isTrue();
  }

  @Test
  void prefixSuffixContains() {
    assertThat(like("abcdef", "abc%")).isTrue();
    assertThat(like("abc", "abc%")).isTrue();
    assertThat(like("ab", "abc%")).isFalse();
    assertThat(like("xabc", "abc%")).isFalse();
    assertThat(like("xxabc", "%abc")).isTrue();
    assertThat(like("abcx", "%abc")).isFalse();
    assertThat(like("bc", "%abc")).isFalse();
    assertThat(like("xxabcxx", "%abc%")).isTrue();
    assertThat(like("xxabxcxx", "%abc%")).isFalse();
    assertThat(like("日本語", "%本%")).isTrue();
    assertThat(like("", "%")).isTrue();
    assertThat(like("anything", "%%")).isTrue();
    assertThat(like("", "%a%")).isFalse();
  }

  @Test
  void orderedParts() {
    assertThat(like("a1b2c3", "%a%b%c%")).isTrue();
    assertThat(like("c b a", "%a%b%c%")).isFalse();
    assertThat(like("abc", "a%c")).isTrue();
    assertThat(like("ac", "a%c")).isTrue();
    assertThat(like("a", "a%a")).isFalse(); // prefix and suffix must not overlap
    assertThat(like("aa", "a%a")).isTrue();
    assertThat(like("abab", "a%b%ab")).isTrue();
    assertThat(like("abxab", "ab%ab%ab")).isFalse();
    assertThat(like("ab-ab-ab", "ab%ab%ab")).isTrue();
    assertThat(like("xhellox worldx", "%hello%world%")).isTrue();
  }

  @Test
  void underscoreIsOneCharacterNotOneByte() {
    assertThat(like("日本", "_本")).isTrue();
    assertThat(like("日本", "__")).isTrue();
    assertThat(like("日本", "___")).isFalse();
    assertThat(like("日本", "_")).isFalse();
    assertThat(like("😀", "_")).isTrue();
    assertThat(like("é", "_")).isTrue();
    assertThat(like("abc", "a_c")).isTrue();
    assertThat(like("abbc", "a_c")).isFalse();
    assertThat(like("", "_")).isFalse();
    assertThat(like("abc", "%_")).isTrue();
    assertThat(like("x😀yz", "%_y_")).isTrue();
    assertThat(like("abcde", "_%_%_")).isTrue();
    assertThat(like("ab", "_%_%_")).isFalse();
  }

  @Test
  void escapeMakesTheNextCharacterLiteral() {
    assertThat(like("a%", "a\\%", "\\")).isTrue();
    assertThat(like("ab", "a\\%", "\\")).isFalse();
    assertThat(like("a_", "a\\_", "\\")).isTrue();
    assertThat(like("ab", "a\\_", "\\")).isFalse();
    assertThat(like("a\\", "a\\\\", "\\")).isTrue();
    assertThat(like("ab", "a\\b", "\\")).isTrue(); // escaping an ordinary character
    assertThat(like("10% off", "%!%%", "!")).isTrue();
    assertThat(like("10 off", "%!%%", "!")).isFalse();
    assertThat(like("a日", "a#日", "#")).isTrue();
    assertThat(like("x%y", "x日%y", "日")).isTrue(); // a multi-byte escape character
  }

  @Test
  void withoutAnEscapeBackslashIsLiteral() {
    // DuckDB has no default escape; PostgreSQL would treat the backslash as one
    assertThat(like("a\\b", "a\\b")).isTrue();
    assertThat(like("a%", "a\\%")).isFalse();
    assertThat(like("a\\xyz", "a\\%")).isTrue();
    assertThat(like("a%", "a\\%", "")).isFalse(); // an empty escape means none
  }

  @Test
  void badEscapesAreDataErrors() {
    assertThatThrownBy(() -> LikeMatcher.compile("abc\\", "\\"))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.DATA))
        .hasMessageContaining("must not end with the escape character");
    assertThatThrownBy(() -> LikeMatcher.compile("abc", "xy"))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.DATA))
        .hasMessageContaining("invalid escape string 'xy'");
  }

  @Test
  void pathologicalPatternDoesNotBlowUp() {
    String text = "a".repeat(5000);
    String pattern = "%a%a%a%a%a%a%a%a%a%a%b";
    assertThat(like(text, pattern)).isFalse();
    assertThat(like(text, "%_a_%_a_%_%b")).isFalse();
    assertThat(like(text + "b", "%_a_%_a_%_%b")).isTrue();
  }

  @Test
  void dynamicPatternsRecompileWhenThePatternChanges() {
    long text = at("hello");
    assertThat(LikeMatcher.matchesDynamic(text, 5, at("h%"), 2, 0, 0)).isTrue();
    assertThat(LikeMatcher.matchesDynamic(text, 5, at("x%"), 2, 0, 0)).isFalse();
    assertThat(LikeMatcher.matchesDynamic(text, 5, at("h%"), 2, 0, 0)).isTrue();
    // same pattern bytes, different escape
    assertThat(LikeMatcher.matchesDynamic(at("h%"), 2, at("h!%"), 3, 0, 0)).isFalse();
    assertThat(LikeMatcher.matchesDynamic(at("h%"), 2, at("h!%"), 3, at("!"), 1)).isTrue();
  }

  @Test
  void agreesWithARegularExpressionOnRandomPatterns() {
    Random random = new Random(7);
    String textAlphabet = "abé日😀";
    String patternAlphabet = "abé日😀%_";
    for (int round = 0; round < 5000; round++) {
      String text = random(random, textAlphabet, 12);
      String pattern = random(random, patternAlphabet, 6);
      boolean expected = toRegex(pattern).matcher(text).matches();
      assertThat(like(text, pattern)).as("'%s' LIKE '%s'", text, pattern).isEqualTo(expected);
    }
  }

  private static String random(Random random, String alphabet, int maximumLength) {
    int[] points = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maximumLength + 1);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return text.toString();
  }

  private static Pattern toRegex(String like) {
    StringBuilder regex = new StringBuilder();
    like.codePoints().forEach(c -> {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(new String(Character.toChars(c))));
      }
    });
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Test
  void patternIsKept() {
    assertThat(LikeMatcher.compile("a%", null).pattern()).isEqualTo("a%");
    assertThat(LikeMatcher.compile("a%", null)).hasToString("LikeMatcher[a%]");
  }
}
