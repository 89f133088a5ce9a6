package io.quiver.engine.function.builtin.string;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.function.builtin.BuiltinSqlTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The string built-ins in SQL: column and constant arguments, NULLs, empty and multi-byte
 * strings, negative and extreme counts, errors; the table spans three batches.
 */
class StringFunctionsTest extends BuiltinSqlTestBase {

  @BeforeEach
  void createTable() {
    execute("CREATE TABLE t AS SELECT i, s, CAST(n AS BIGINT) AS n, f FROM (VALUES"
        + " (1, 'abc', 2, 'xy'), (2, 'héllo', -2, '€'), (3, '', 0, 'x'), (4, NULL, 3, 'x'),"
        + " (5, '€𝄞x', NULL, 'ab'), (6, ' ab ', 5, NULL), (7, 'ab', 7, '€𝄞')) AS v(i, s, n, f)");
  }

  /** The values of {@code expression} over t, in row order. */
  private List<Object> overTable(String expression) {
    return column("SELECT " + expression + " FROM t ORDER BY i");
  }

  @Test
  void reverseKeepsCharactersWhole() {
    assertThat(overTable("reverse(s)"))
        .isEqualTo(values("cba", "olléh", "", null, "x𝄞€", " ba ", "ba"));
    assertThat(value("SELECT reverse('abc')")).isEqualTo("cba");
    assertThat(value("SELECT reverse('')")).isEqualTo("");
    assertThat(value("SELECT reverse(NULL)")).isNull();
    // A combining accent stays after its letter; emoji sequences and flags stay whole.
    assertThat(value("SELECT reverse('ae\u0301x')")).isEqualTo("xe\u0301a");
    assertThat(value("SELECT reverse('👍🏽x🇫🇷🇩🇪')")).isEqualTo("🇩🇪🇫🇷x👍🏽");
    assertThat(value("SELECT reverse('👨\u200D👩\u200D👧!')")).isEqualTo("!👨\u200D👩\u200D👧");
    // Control characters are single characters: CR LF becomes LF CR, as in DuckDB.
    assertThat(value("SELECT reverse('a\r\nb')")).isEqualTo("b\n\ra");
  }

  @Test
  void repeatWithColumnsAndConstants() {
    assertThat(overTable("repeat(s, n)")).isEqualTo(values("abcabc", "", "", null, null,
        " ab ".repeat(5), "ab".repeat(7)));
    assertThat(overTable("repeat('é', n)")).isEqualTo(values("éé", "", "", "ééé", null,
        "ééééé", "é".repeat(7)));
    assertThat(overTable("repeat(s, 2)")).isEqualTo(values("abcabc", "héllohéllo", "", null,
        "€𝄞x€𝄞x", " ab  ab ", "abab"));
    assertThat(value("SELECT repeat('ab', 3)")).isEqualTo("ababab");
    assertThat(value("SELECT repeat('ab', -1)")).isEqualTo("");
    assertThat(value("SELECT repeat('ab', NULL)")).isNull();
    assertThat(value("SELECT repeat('', 9223372036854775807)")).isEqualTo("");
    assertThat(value("SELECT char_length(repeat('xyz', 100000))")).isEqualTo(300000);
  }

  @Test
  void repeatBeyondTheMaximumStringSizeIsADataError() {
    QuiverException error = failure("SELECT repeat('abc', 1000000000000)", ErrorKind.DATA);
    assertThat(error.getMessage()).contains("repeat would make a string of 3000000000000 bytes")
        .contains("maximum string size").contains("scalar function 'repeat'");
    assertThat(failure("SELECT repeat(s, 9223372036854775807) FROM t", ErrorKind.DATA)
        .getMessage()).contains("more than 9223372036854775807 bytes").contains("on batch 1");
    assertThat(value("SELECT repeat('ok', 1)")).isEqualTo("ok");
  }

  @Test
  void repeatBeyondTheSessionMemoryIsAResourceError() {
    try (QuiverSession small = QuiverSession.builder().memoryLimit(32L << 20).build()) {
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
        try (QueryResult result = small.sql("SELECT repeat('abc', 20000000)")) {
          result.toRows();
        }
      });
      assertThat(thrown).isInstanceOf(QuiverException.class);
      assertThat(((QuiverException) thrown).kind()).isEqualTo(ErrorKind.RESOURCE);
      assertThat(thrown.getMessage()).contains("repeat");
      assertThat(small.allocator().getAllocatedMemory())
          .isEqualTo(small.tableAllocator().getAllocatedMemory());
      try (QueryResult result = small.sql("SELECT repeat('abc', 2)")) {
        assertThat(result.toRows()).containsExactly(List.of("abcabc"));
      }
    }
  }

  @Test
  void leftAndRightCountCharacters() {
    assertThat(overTable("left(s, n)"))
        .isEqualTo(values("ab", "hél", "", null, null, " ab ", "ab"));
    assertThat(overTable("right(s, n)"))
        .isEqualTo(values("bc", "llo", "", null, null, " ab ", "ab"));
    assertThat(overTable("left(s, 1)")).isEqualTo(values("a", "h", "", null, "€", " ", "a"));
    assertThat(overTable("right('€𝄞x', n)"))
        .isEqualTo(values("𝄞x", "x", "", "€𝄞x", null, "€𝄞x", "€𝄞x"));
    assertThat(rows("SELECT left('abc', 9223372036854775807), left('abc', -9223372036854775808),"
        + " right('abc', 9223372036854775807), right('abc', -9223372036854775808)"))
        .containsExactly(List.of("abc", "", "abc", ""));
    assertThat(rows("SELECT left('héllo', -100), right('héllo', -4), LEFT('abc', 2)"))
        .containsExactly(List.of("", "o", "ab"));
  }

  @Test
  void padsCutLongStringsAndRepeatTheFill() {
    assertThat(overTable("lpad(s, n, f)"))
        .isEqualTo(values("ab", "", "", null, null, null, "€𝄞€𝄞€ab"));
    assertThat(overTable("rpad(s, n, f)"))
        .isEqualTo(values("ab", "", "", null, null, null, "ab€𝄞€𝄞€"));
    assertThat(overTable("lpad(s, 6, '.')")).isEqualTo(values("...abc", ".héllo", "......",
        null, "...€𝄞x", ".. ab ", "....ab"));
    assertThat(rows("SELECT lpad('7', 3, '0'), rpad('é', 4, 'ab'), lpad('hi', 2, ''),"
        + " lpad('hi', 1, ''), rpad('', 3, 'ab')"))
        .containsExactly(List.of("007", "éaba", "hi", "h", "aba"));
  }

  @Test
  void padErrors() {
    assertThat(failure("SELECT lpad('hi', 5, '')", ErrorKind.DATA).getMessage())
        .contains("lpad cannot pad to 5 characters with an empty fill string");
    assertThat(failure("SELECT rpad(s, 9, '') FROM t", ErrorKind.DATA).getMessage())
        .contains("rpad");
    assertThat(failure("SELECT lpad('a', 9223372036854775807, 'xy')", ErrorKind.DATA)
        .getMessage()).contains("maximum string size");
  }

  @Test
  void trimsRemoveUnicodeSpacesOrGivenCharacters() {
    String text = " \u00A0 a b \u3000";
    assertThat(rows("SELECT ltrim('" + text + "'), rtrim('" + text + "'), btrim('" + text
        + "')")).containsExactly(List.of("a b \u3000", " \u00A0 a b", "a b"));
    assertThat(value("SELECT btrim('\t a \n')")).isEqualTo("\t a \n");
    assertThat(rows("SELECT btrim(''), btrim('   '), ltrim(NULL), rtrim('x  ')"))
        .containsExactly(Arrays.asList("", "", null, "x"));
    assertThat(rows("SELECT ltrim('xxaxx', 'x'), rtrim('xxaxx', 'x'), btrim('xxaxx', 'x'),"
        + " btrim('€𝄞a𝄞', '𝄞€'), btrim('abc', '')"))
        .containsExactly(List.of("axx", "xxa", "a", "a", "abc"));
    assertThat(overTable("btrim(s)"))
        .isEqualTo(values("abc", "héllo", "", null, "€𝄞x", "ab", "ab"));
    assertThat(overTable("ltrim(s, f)"))
        .isEqualTo(values("abc", "héllo", "", null, "€𝄞x", null, "ab"));
  }

  @Test
  void concatWsSkipsNullValuesButNotANullSeparator() {
    assertThat(overTable("concat_ws('-', s, f)")).isEqualTo(values("abc-xy", "héllo-€", "-x",
        "x", "€𝄞x-ab", " ab ", "ab-€𝄞"));
    assertThat(overTable("concat_ws(f, s, s, s)")).isEqualTo(values("abcxyabcxyabc",
        "héllo€héllo€héllo", "xx", "", "€𝄞xab€𝄞xab€𝄞x", null, "ab€𝄞ab€𝄞ab"));
    assertThat(rows("SELECT concat_ws(',', NULL, NULL), concat_ws(NULL, 'a'),"
        + " concat_ws(',', 'a'), concat_ws('', 'a', 'b'), concat_ws(', ', '', 'a', '')"))
        .containsExactly(Arrays.asList("", null, "a", "ab", ", a, "));
  }

  @Test
  void concatWsNeedsStrings() {
    assertThat(failure("SELECT concat_ws(',')", ErrorKind.PLAN).getMessage())
        .contains("CONCAT_WS").contains("2 arguments");
    failure("SELECT concat_ws(',', 1, 2)", ErrorKind.PLAN);
    assertThat(value("SELECT concat_ws(',', CAST(1 AS VARCHAR), CAST(2 AS VARCHAR))"))
        .isEqualTo("1,2");
  }

  @Test
  void nestedCallsAndCallsInFilters() {
    assertThat(column("SELECT i FROM t WHERE reverse(btrim(s)) = 'ba' ORDER BY i"))
        .containsExactly(6, 7);
    assertThat(value("SELECT concat_ws('|', left(reverse('abcdef'), 2), lpad(repeat('x', 2),"
        + " 4, '-'), rtrim(right('  ab  ', 4)))")).isEqualTo("fe|--xx|ab");
  }
}
