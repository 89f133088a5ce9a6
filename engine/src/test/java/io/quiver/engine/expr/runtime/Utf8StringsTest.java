package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8StringsTest extends OffHeapTestBase {

  private int compare(String a, String b) {
    return Integer.signum(Utf8Strings.compare(at(a), len(a), at(b), len(b)));
  }

  private boolean equal(String a, String b) {
    return Utf8Strings.equal(at(a), len(a), at(b), len(b));
  }

  private String substring(String s, long start, long count) {
    long address = at(s);
    return OffHeapStrings.readView(address, Utf8Strings.substring(address, len(s), start, count));
  }

  private String trim(String s, int mode, String chars) {
    long address = at(s);
    return OffHeapStrings.readView(address,
        Utf8Strings.trim(address, len(s), mode, at(chars), len(chars)));
  }

  private long position(String needle, String haystack) {
    return Utf8Strings.position(at(needle), len(needle), at(haystack), len(haystack));
  }

  private String upper(String s) {
    return scratchText(Utf8Strings.upper(at(s), len(s), scratch));
  }

  private String lower(String s) {
    return scratchText(Utf8Strings.lower(at(s), len(s), scratch));
  }

  @Test
  void compareIsUnsignedBytewiseWhichIsCodePointOrder() {
    assertThat(compare("abc", "abc")).isZero();
    assertThat(compare("abc", "abd")).isNegative();
    assertThat(compare("abd", "abc")).isPositive();
    assertThat(compare("ab", "abc")).isNegative();
    assertThat(compare("", "")).isZero();
    assertThat(compare("", "a")).isNegative();
    assertThat(compare("z", "é")).isNegative(); // 0x7A < 0xC3: signed bytes would say otherwise
    assertThat(compare("日本", "日")).isPositive();
    assertThat(compare("\uFFFF", "😀")).isNegative(); // code point order, not UTF-16 order
    assertThat(compare("abcdefgh1", "abcdefgh2")).isNegative(); // difference after a full word
    assertThat(compare("abcdefghij", "abcdefgZij")).isPositive(); // difference inside a word
  }

  @Test
  void compareAgreesWithCodePointOrderOnRandomStrings() {
    Random random = new Random(42);
    String alphabet = "aAzé日😀\u0000\u007f";
    for (int round = 0; round < 2000; round++) {
      String a = randomString(random, alphabet);
      String b = random.nextInt(4) == 0 ? a : randomString(random, alphabet);
      int expected = Integer.signum(compareCodePoints(a, b));
      assertThat(compare(a, b)).as("%s vs %s", a, b).isEqualTo(expected);
      assertThat(equal(a, b)).isEqualTo(a.equals(b));
    }
  }

  private static String randomString(Random random, String alphabet) {
    int[] points = alphabet.codePoints().toArray();
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return text.toString();
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Test
  void equalComparesLengthAndBytes() {
    assertThat(equal("", "")).isTrue();
    assertThat(equal("abc", "abc")).isTrue();
    assertThat(equal("abc", "abd")).isFalse();
    assertThat(equal("abc", "ab")).isFalse();
    assertThat(equal("日本語テキスト", "日本語テキスト")).isTrue();
    assertThat(equal("0123456789abcdef!", "0123456789abcdef?")).isFalse();
  }

  @Test
  void charLengthCountsCodePoints() {
    assertThat(Utf8Strings.charLength(at(""), 0)).isZero();
    assertThat(Utf8Strings.charLength(at("abc"), 3)).isEqualTo(3);
    assertThat(Utf8Strings.charLength(at("é"), len("é"))).isEqualTo(1);
    assertThat(Utf8Strings.charLength(at("日本🎉"), len("日本🎉"))).isEqualTo(3);
    String mixed = "héllo wörld 日本語 😀😀 and some more ascii to pass a word";
    assertThat(Utf8Strings.charLength(at(mixed), len(mixed)))
        .isEqualTo(mixed.codePointCount(0, mixed.length()));
  }

  @Test
  void substringCountsCharactersFromOne() {
    assertThat(substring("abc", 1, 2)).isEqualTo("ab");
    assertThat(substring("abc", 2, 1)).isEqualTo("b");
    assertThat(substring("abc", 2, Long.MAX_VALUE)).isEqualTo("bc");
    assertThat(substring("abc", 3, 5)).isEqualTo("c");
    assertThat(substring("abc", 4, 1)).isEmpty();
    assertThat(substring("abc", 5, 1)).isEmpty();
    assertThat(substring("abc", 1, 0)).isEmpty();
    assertThat(substring("", 1, 3)).isEmpty();
  }

  @Test
  void substringBeforeTheFirstCharacterFollowsPostgres() {
    assertThat(substring("abc", 0, 2)).isEqualTo("a");
    assertThat(substring("abc", -1, 3)).isEqualTo("a"); // DuckDB would count from the end: 'c'
    assertThat(substring("abc", -5, 3)).isEmpty();
    assertThat(substring("abc", Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo("abc");
    assertThat(substring("abc", Long.MIN_VALUE + 1, 5)).isEmpty();
    assertThat(substring("abc", Long.MAX_VALUE, 5)).isEmpty();
    assertThat(substring("abc", 2, Long.MAX_VALUE - 1)).isEqualTo("bc");
  }

  @Test
  void substringOfMultiByteText() {
    assertThat(substring("日本語", 2, 1)).isEqualTo("本");
    assertThat(substring("é😀x", 2, 2)).isEqualTo("😀x");
    assertThat(substring("aé", 2, 1)).isEqualTo("é");
    assertThat(substring("0123456789abcdefghij", 9, 4)).isEqualTo("89ab"); // ASCII word skipping
    assertThat(substring("0123456789日本abcdefghij", 11, 3)).isEqualTo("日本a");
  }

  @Test
  void substringViewOffsetIsInBytes() {
    long address = at("日本");
    long view = Utf8Strings.substring(address, len("日本"), 2, 1);
    assertThat(Utf8Strings.viewOffset(view)).isEqualTo(3);
    assertThat(Utf8Strings.viewLength(view)).isEqualTo(3);
    assertThat(Utf8Strings.substring(address, len("日本"), 2)).isEqualTo(view);
  }

  @Test
  void negativeSubstringLengthIsAnExecutionError() {
    assertThatThrownBy(() -> substring("abc", 1, -1))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("negative substring length not allowed");
  }

  @Test
  void trimRemovesTheCharactersAtTheChosenEnds() {
    assertThat(trim("  a b  ", Utf8Strings.TRIM_BOTH, " ")).isEqualTo("a b");
    assertThat(trim("  a b  ", Utf8Strings.TRIM_LEADING, " ")).isEqualTo("a b  ");
    assertThat(trim("  a b  ", Utf8Strings.TRIM_TRAILING, " ")).isEqualTo("  a b");
    assertThat(trim("     ", Utf8Strings.TRIM_BOTH, " ")).isEmpty();
    assertThat(trim("", Utf8Strings.TRIM_BOTH, " ")).isEmpty();
    assertThat(trim("abc", Utf8Strings.TRIM_BOTH, "")).isEqualTo("abc");
    assertThat(trim("xxaxx", Utf8Strings.TRIM_BOTH, "x")).isEqualTo("a");
    assertThat(trim("xyaxy", Utf8Strings.TRIM_LEADING, "yx")).isEqualTo("axy");
    assertThat(trim("xyaxy", Utf8Strings.TRIM_TRAILING, "yx")).isEqualTo("xya");
  }

  @Test
  void trimWithMultiByteCharacters() {
    assertThat(trim("ééaéé", Utf8Strings.TRIM_BOTH, "é")).isEqualTo("a");
    assertThat(trim("日本日x本", Utf8Strings.TRIM_BOTH, "本日")).isEqualTo("x");
    assertThat(trim("😀 a 😀", Utf8Strings.TRIM_BOTH, " 😀")).isEqualTo("a");
    // 'é' (C3 A9) must not be trimmed by a set holding only 'ê' (C3 AA), which shares a byte
    assertThat(trim("éaé", Utf8Strings.TRIM_BOTH, "ê")).isEqualTo("éaé");
    assertThat(trim("ééé", Utf8Strings.TRIM_TRAILING, "é")).isEmpty();
  }

  @Test
  void trimViewPointsIntoTheInput() {
    long address = at("  ab ");
    long view = Utf8Strings.trim(address, 5, Utf8Strings.TRIM_BOTH, at(" "), 1);
    assertThat(Utf8Strings.viewOffset(view)).isEqualTo(2);
    assertThat(Utf8Strings.viewLength(view)).isEqualTo(2);
  }

  @Test
  void positionIsOneBasedInCharacters() {
    assertThat(position("b", "abc")).isEqualTo(2);
    assertThat(position("abc", "abc")).isEqualTo(1);
    assertThat(position("x", "abc")).isZero();
    assertThat(position("", "abc")).isEqualTo(1);
    assertThat(position("", "")).isEqualTo(1);
    assertThat(position("a", "")).isZero();
    assertThat(position("abcd", "abc")).isZero();
    assertThat(position("本", "日本")).isEqualTo(2);
    assertThat(position("😀b", "a😀😀b")).isEqualTo(3);
    assertThat(position("cc", "abcbcc")).isEqualTo(5);
  }

  @Test
  void startsEndsContains() {
    long s = at("日本語abc");
    int n = len("日本語abc");
    assertThat(Utf8Strings.startsWith(s, n, at("日本"), len("日本"))).isTrue();
    assertThat(Utf8Strings.startsWith(s, n, at("本"), len("本"))).isFalse();
    assertThat(Utf8Strings.startsWith(s, n, at(""), 0)).isTrue();
    assertThat(Utf8Strings.startsWith(at("ab"), 2, at("abc"), 3)).isFalse();
    assertThat(Utf8Strings.endsWith(s, n, at("語abc"), len("語abc"))).isTrue();
    assertThat(Utf8Strings.endsWith(s, n, at("ab"), 2)).isFalse();
    assertThat(Utf8Strings.endsWith(s, n, at(""), 0)).isTrue();
    assertThat(Utf8Strings.endsWith(at("bc"), 2, at("abc"), 3)).isFalse();
    assertThat(Utf8Strings.contains(s, n, at("語a"), len("語a"))).isTrue();
    assertThat(Utf8Strings.contains(s, n, at("語b"), len("語b"))).isFalse();
    assertThat(Utf8Strings.contains(s, n, at(""), 0)).isTrue();
    assertThat(Utf8Strings.contains(at(""), 0, at("a"), 1)).isFalse();
  }

  @Test
  void wordAtATimeSearchAgreesWithAByteLoop() {
    Random random = new Random(99);
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (random.nextInt(4) == 0 ? 0x80 + random.nextInt(3) : random.nextInt(3));
      }
      long address = strings.put(bytes);
      for (int value : new int[] {0, 1, 2, 0x80, 0x81, 0xFF}) {
        for (int from = 0; from <= bytes.length; from++) {
          int expected = -1;
          for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == (byte) value) {
              expected = i;
              break;
            }
          }
          assertThat(Utf8Strings.findByte(address, from, bytes.length, (byte) value))
              .isEqualTo(expected);
        }
      }
      byte[] needle = new byte[1 + random.nextInt(3)];
      for (int i = 0; i < needle.length; i++) {
        needle[i] = (byte) random.nextInt(3);
      }
      int expected = -1;
      outer:
      for (int i = 0; i + needle.length <= bytes.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (bytes[i + j] != needle[j]) {
            continue outer;
          }
        }
        expected = i;
        break;
      }
      assertThat(Utf8Strings.indexOf(address, bytes.length, strings.put(needle), needle.length, 0))
          .isEqualTo(expected);
    }
  }

  @Test
  void upperAndLowerOfAscii() {
    assertThat(upper("Hello, World! 123")).isEqualTo("HELLO, WORLD! 123");
    assertThat(lower("Hello, World! 123")).isEqualTo("hello, world! 123");
    assertThat(upper("")).isEmpty();
    assertThat(upper("@[`{")).isEqualTo("@[`{"); // neighbours of the letter ranges
    assertThat(lower("@[`{")).isEqualTo("@[`{");
  }

  @Test
  void upperAndLowerOfNonAsciiUseSimpleCaseMapping() {
    assertThat(upper("éàü straße")).isEqualTo("ÉÀÜ STRAßE");
    assertThat(lower("ÀÉ ÜBER")).isEqualTo("àé über");
    assertThat(upper("日本😀")).isEqualTo("日本😀");
    assertThat(upper("ǆ")).isEqualTo("Ǆ");
    assertThat(lower("İ")).isEqualTo("i");
    assertThat(upper("ı")).isEqualTo("I"); // 2 bytes to 1
    assertThat(upper("ȿ")).isEqualTo("Ȿ"); // 2 bytes to 3
    assertThat(lower("𐐀")).isEqualTo("𐐨"); // 4-byte Deseret letters
  }

  @Test
  void upperGrowsTheScratchBuffer() {
    String text = "ȿ".repeat(1000);
    int length = Utf8Strings.upper(at(text), len(text), scratch);
    assertThat(scratchText(length)).isEqualTo("Ȿ".repeat(1000));
  }

  @Test
  void concatWritesBothParts() {
    int length = Utf8Strings.concat(at("日本"), len("日本"), at("é!"), len("é!"), scratch);
    assertThat(scratchText(length)).isEqualTo("日本é!");
    assertThat(Utf8Strings.concat(at(""), 0, at(""), 0, scratch)).isZero();
    String big = "x".repeat(5000);
    length = Utf8Strings.concat(at(big), 5000, at("y"), 1, scratch);
    assertThat(scratchText(length)).isEqualTo(big + "y");
  }

  @Test
  void hashIsDeterministicAndSpreads() {
    String text = "the quick brown fox";
    assertThat(Utf8Strings.hash(at(text), len(text)))
        .isEqualTo(Utf8Strings.hash(at(text), len(text)));
    assertThat(Utf8Strings.hash(at("a"), 1)).isNotEqualTo(Utf8Strings.hash(at("b"), 1));
    assertThat(Utf8Strings.hash(at(""), 0)).isNotEqualTo(Utf8Strings.hash(at("\0"), 1));
    assertThat(Utf8Strings.hash(at("abcdefgh"), 8))
        .isNotEqualTo(Utf8Strings.hash(at("abcdefgh\0"), 9));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    java.util.Set<Long> lowBits = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String key = "key" + i;
      long hash = Utf8Strings.hash(at(key), len(key));
      seen.add(hash);
      lowBits.add(hash & 1023);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(lowBits).hasSizeGreaterThan(1000); // low bits alone fill a 1024-bucket table
  }

  @Test
  void javaStringConversionsRoundTrip() {
    String text = "aé日😀";
    assertThat(Utf8Strings.toJavaString(at(text), len(text))).isEqualTo(text);
    int length = Utf8Strings.writeJavaString(text, scratch);
    assertThat(length).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(scratchText(length)).isEqualTo(text);
  }
}
