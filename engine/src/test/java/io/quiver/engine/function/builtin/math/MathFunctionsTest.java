package io.quiver.engine.function.builtin.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.function.builtin.BuiltinSqlTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The numeric built-ins in SQL: every number type, NULLs, NaN and infinities, errors, column
 * and constant arguments; the table spans three batches.
 */
class MathFunctionsTest extends BuiltinSqlTestBase {

  @BeforeEach
  void createTable() {
    execute("CREATE TABLE nums AS SELECT i, a, CAST(b AS BIGINT) AS b, CAST(c AS DOUBLE) AS c,"
        + " CAST(d AS DECIMAL(5,2)) AS d FROM (VALUES (1, 1, 10, '2.5', '1.25'),"
        + " (2, -3, -30, '-0.5', '-2.50'), (3, 0, 0, '0.0', '0.00'), (4, NULL, 7, NULL, '3.75'),"
        + " (5, 5, NULL, '100', NULL), (6, 2, 2, 'nan', '0.01'), (7, NULL, NULL, NULL, NULL))"
        + " AS v(i, a, b, c, d)");
  }

  private List<Object> overTable(String expression) {
    return column("SELECT " + expression + " FROM nums ORDER BY i");
  }

  private static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }

  @Test
  void logarithms() {
    assertThat(rows("SELECT ln(1), ln(EXP(2)), log10(1000), log10(0.001), ln(NULL)"))
        .containsExactly(Arrays.asList(0.0, 2.0, 3.0, -3.0, null));
    assertThat(rows("SELECT ln(CAST('inf' AS DOUBLE)), log10(CAST('nan' AS DOUBLE)),"
        + " ln(CAST('4.9e-324' AS DOUBLE))"))
        .containsExactly(List.of(Double.POSITIVE_INFINITY, Double.NaN, Math.log(Double.MIN_VALUE)));
    // The WHERE clause filters before the function runs.
    assertThat(rows("SELECT i, ln(c), log10(d) FROM nums WHERE c > 0 AND d > 0 ORDER BY i"))
        .containsExactly(List.of(1, Math.log(2.5), Math.log10(1.25)));
    assertThat(column("SELECT ln(b) FROM nums WHERE b > 0 ORDER BY i"))
        .containsExactly(Math.log(10), Math.log(7), Math.log(2));
  }

  @Test
  void logarithmOfZeroOrANegativeNumberIsADataError() {
    assertThat(failure("SELECT ln(0)", ErrorKind.DATA).getMessage())
        .contains("cannot take logarithm of zero").contains("scalar function 'ln'");
    assertThat(failure("SELECT log10(-0.5)", ErrorKind.DATA).getMessage())
        .contains("cannot take logarithm of a negative number");
    assertThat(failure("SELECT ln(CAST('-0.0' AS DOUBLE))", ErrorKind.DATA).getMessage())
        .contains("of zero");
    QuiverException error = failure("SELECT ln(c) FROM nums", ErrorKind.DATA);
    assertThat(error.getMessage()).contains("on batch 1 (rows 0..2)");
    // NULL rows never fail, whatever their slots hold.
    assertThat(column("SELECT ln(a) FROM nums WHERE a IS NULL")).containsExactly(null, null);
  }

  @Test
  void exponential() {
    assertThat(rows("SELECT exp(0), exp(1), exp(1000), exp(-1000), exp(NULL)"))
        .containsExactly(Arrays.asList(1.0, Math.E, Double.POSITIVE_INFINITY, 0.0, null));
    assertThat(overTable("exp(c)")).isEqualTo(values(Math.exp(2.5), Math.exp(-0.5), 1.0, null,
        Math.exp(100), Double.NaN, null));
    assertThat(overTable("exp(a)")).isEqualTo(values(Math.E, Math.exp(-3), 1.0, null,
        Math.exp(5), Math.exp(2), null));
  }

  @Test
  void signOfEveryNumberTypeIsATinyint() {
    Byte one = 1;
    Byte zero = 0;
    Byte minus = -1;
    assertThat(overTable("sign(a)")).isEqualTo(values(one, minus, zero, null, one, one, null));
    assertThat(overTable("sign(b)")).isEqualTo(values(one, minus, zero, one, null, one, null));
    assertThat(overTable("sign(c)")).isEqualTo(values(one, minus, zero, null, one, zero, null));
    assertThat(overTable("sign(d)")).isEqualTo(values(one, minus, zero, one, null, one, null));
    assertThat(rows("SELECT sign(-9223372036854775808), sign(CAST('-0.0' AS DOUBLE)),"
        + " sign(CAST(-2 AS REAL)), sign(CAST(-1e-30 AS DECIMAL(38, 37))),"
        + " sign(CAST('-inf' AS DOUBLE)), sign(NULL), sign(CAST(3 AS TINYINT))"))
        .containsExactly(Arrays.asList(minus, zero, minus, minus, minus, null, one));
  }

  @Test
  void greatestAndLeastOfIntegers() {
    assertThat(overTable("greatest(a, b)")).isEqualTo(values(10L, -3L, 0L, 7L, 5L, 2L, null));
    assertThat(overTable("least(a, b)")).isEqualTo(values(1L, -30L, 0L, 7L, 5L, 2L, null));
    assertThat(overTable("greatest(a, 1)")).isEqualTo(values(1, 1, 1, 1, 5, 2, 1));
    assertThat(overTable("least(a, a, a)")).isEqualTo(values(1, -3, 0, null, 5, 2, null));
    // A NULL literal counts as BIGINT (DuckDB keeps INTEGER here).
    assertThat(rows("SELECT greatest(5), least(3, NULL, 1), greatest(NULL, NULL),"
        + " greatest(-9223372036854775808, 9223372036854775807)"))
        .containsExactly(Arrays.asList(5, 1L, null, 9223372036854775807L));
  }

  @Test
  void greatestAndLeastOfMixedTypesUseTheCommonType() {
    // INTEGER and DECIMAL(5,2): DECIMAL(12,2).
    assertThat(overTable("greatest(a, d)")).isEqualTo(values(decimal("1.25"), decimal("-2.50"),
        decimal("0.00"), decimal("3.75"), decimal("5.00"), decimal("2.00"), null));
    assertThat(rows("SELECT greatest(1, 2.5), least(1, 2.5), greatest(9223372036854775807, 1.5)"))
        .containsExactly(List.of(decimal("2.5"), decimal("1.0"),
            decimal("9223372036854775807.0")));
    // DOUBLE: NaN is above every number.
    assertThat(overTable("greatest(c, a)")).isEqualTo(values(2.5, -0.5, 0.0, null, 100.0,
        Double.NaN, null));
    assertThat(overTable("least(c, a)")).isEqualTo(values(1.0, -3.0, 0.0, null, 5.0, 2.0,
        null));
    assertThat(overTable("greatest(c, d, b)")).isEqualTo(values(10.0, -0.5, 0.0, 7.0, 100.0,
        Double.NaN, null));
    // REAL with integers stays REAL.
    assertThat(value("SELECT greatest(CAST(1.5 AS REAL), 2)")).isEqualTo(2.0f);
  }

  @Test
  void greatestNeedsNumbers() {
    assertThat(failure("SELECT greatest('a', 'b')", ErrorKind.PLAN).getMessage())
        .contains("greatest(NUMERIC...)");
  }
}
