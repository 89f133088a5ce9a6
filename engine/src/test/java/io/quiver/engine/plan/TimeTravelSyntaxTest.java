package io.quiver.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.junit.jupiter.api.Test;

/** The pre-parse rewrite of VERSION / TIMESTAMP AS OF and its position map. */
class TimeTravelSyntaxTest {

  @Test
  void rewritesOnlyTheClauseWord() {
    TimeTravelSyntax syntax = TimeTravelSyntax.of(
        "SELECT * FROM t VERSION AS OF 3 a JOIN u timestamp as of '2024-01-01' b ON true");
    assertThat(syntax.text()).isEqualTo("SELECT * FROM t FOR SYSTEM_TIME AS OF 3 a JOIN u"
        + " FOR SYSTEM_TIME as of '2024-01-01' b ON true");
    assertThat(syntax.clauses()).containsExactly(TimeTravelSyntax.Form.VERSION,
        TimeTravelSyntax.Form.TIMESTAMP);
  }

  @Test
  void recordsCalcitesOwnFormUnchanged() {
    String sql = "SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00'";
    TimeTravelSyntax syntax = TimeTravelSyntax.of(sql);
    assertThat(syntax.text()).isEqualTo(sql);
    assertThat(syntax.clauses()).containsExactly(TimeTravelSyntax.Form.SYSTEM_TIME);
  }

  @Test
  void leavesStringsCommentsAndQuotedIdentifiersAlone() {
    String sql = "SELECT 'a VERSION AS OF 1', 'it''s t version as of 2', \"x VERSION AS OF\""
        + " FROM t -- t VERSION AS OF 4\n/* t TIMESTAMP AS OF 5 */ WHERE version = 1";
    TimeTravelSyntax syntax = TimeTravelSyntax.of(sql);
    assertThat(syntax.text()).isEqualTo(sql);
    assertThat(syntax.clauses()).isEmpty();
  }

  @Test
  void truncatedAndUnterminatedTextIsLeftForTheParser() {
    assertThat(TimeTravelSyntax.of("SELECT * FROM t VERSION AS").text())
        .isEqualTo("SELECT * FROM t VERSION AS");
    assertThat(TimeTravelSyntax.of("SELECT 'VERSION AS OF 1").clauses()).isEmpty();
    assertThat(TimeTravelSyntax.of("SELECT \"t VERSION AS OF 1").clauses()).isEmpty();
    assertThat(TimeTravelSyntax.of("SELECT 1 /* t VERSION AS OF 1").clauses()).isEmpty();
    assertThat(TimeTravelSyntax.of("").text()).isEmpty();
  }

  @Test
  void mapsColumnsBackToTheOriginalText() {
    TimeTravelSyntax syntax = TimeTravelSyntax.of(
        "SELECT *\nFROM t VERSION AS OF 3 a JOIN u VERSION AS OF 1 b ON x");
    // line 2 as written: "FROM t VERSION AS OF 3 a JOIN u VERSION AS OF 1 b ON x"
    assertThat(syntax.originalColumn(1, 8)).isEqualTo(8);
    assertThat(syntax.originalColumn(2, 6)).isEqualTo(6);
    assertThat(syntax.originalColumn(2, 8)).isEqualTo(8);
    assertThat(syntax.originalColumn(2, 12)).isEqualTo(8);
    assertThat(syntax.originalColumn(2, 23)).isEqualTo(15);
    assertThat(syntax.originalColumn(2, 60)).isEqualTo(44);
  }

  @Test
  void aClauseAfterSomethingOtherThanATableNameIsParseError() {
    QuiverException error = catchThrowableOfType(
        () -> TimeTravelSyntax.of("SELECT * FROM delta_scan('x')\n  VERSION AS OF 3"),
        QuiverException.class);
    assertThat(error.kind()).isEqualTo(ErrorKind.PARSE);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(3);
    assertThat(catchThrowableOfType(() -> TimeTravelSyntax.of("VERSION AS OF 1"),
        QuiverException.class).kind()).isEqualTo(ErrorKind.PARSE);
  }
}
