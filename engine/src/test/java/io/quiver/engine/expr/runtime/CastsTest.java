package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CastsTest extends OffHeapTestBase {

  private static final long INT_MIN = Integer.MIN_VALUE;
  private static final long INT_MAX = Integer.MAX_VALUE;

  private long parseInt(String text) {
    return Casts.parseInteger(at(text), len(text), INT_MIN, INT_MAX, "INTEGER");
  }

  private long parseBigint(String text) {
    return Casts.parseInteger(at(text), len(text), Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
  }

  private double parseDouble(String text) {
    return Casts.parseDouble(at(text), len(text));
  }

  private long parseDecimal(String text, int precision, int scale) {
    return Casts.parseDecimal(at(text), len(text), precision, scale);
  }

  private String parseWide(String text, int precision, int scale) {
    Int128 out = new Int128();
    Casts.parseWideDecimal(at(text), len(text), precision, scale, out);
    return Int128Math.toBigDecimal(out, scale).toPlainString();
  }

  private long parseDate(String text) {
    return Casts.parseDate(at(text), len(text));
  }

  private long parseTimestamp(String text) {
    return Casts.parseTimestamp(at(text), len(text));
  }

  private long parseTime(String text) {
    return Casts.parseTime(at(text), len(text));
  }

  private boolean parseBoolean(String text) {
    return Casts.parseBoolean(at(text), len(text));
  }

  private static long day(String isoDate) {
    return LocalDate.parse(isoDate).toEpochDay();
  }

  private static long micros(String isoDateTime) {
    LocalDateTime time = LocalDateTime.parse(isoDateTime);
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
  }

  private static void assertDataError(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.DATA))
        .hasMessage(message);
  }

  private static void assertExecutionError(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage(message);
  }

  // ---------------------------------------------------------------- integers

  @Test
  void parsesPlainIntegers() {
    assertThat(parseInt("0")).isZero();
    assertThat(parseInt("42")).isEqualTo(42);
    assertThat(parseInt("-42")).isEqualTo(-42);
    assertThat(parseInt("+42")).isEqualTo(42);
    assertThat(parseInt("  12 \t\n")).isEqualTo(12);
    assertThat(parseInt("007")).isEqualTo(7);
    assertThat(parseInt("2147483647")).isEqualTo(INT_MAX);
    assertThat(parseInt("-2147483648")).isEqualTo(INT_MIN);
    assertThat(parseBigint("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(parseBigint("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(parseBigint("00000000000000000000000000001")).isEqualTo(1);
  }

  @Test
  void parsesDuckDbIntegerForms() {
    assertThat(parseInt("1_000")).isEqualTo(1000);
    assertThat(parseInt("1.5")).isEqualTo(2);
    assertThat(parseInt("2.5")).isEqualTo(3);
    assertThat(parseInt("-2.5")).isEqualTo(-3);
    assertThat(parseInt("2.4999")).isEqualTo(2);
    assertThat(parseInt("1.")).isEqualTo(1);
    assertThat(parseInt(".5")).isEqualTo(1);
    assertThat(parseInt("1e2")).isEqualTo(100);
    assertThat(parseInt("15e-1")).isEqualTo(2);
    assertThat(parseInt("1e-1")).isZero();
    assertThat(parseInt("1.5e1")).isEqualTo(15);
    assertThat(parseInt("1.9999999999999999999999")).isEqualTo(2);
    assertThat(parseInt("0x10")).isEqualTo(16);
    assertThat(parseInt("0XfF")).isEqualTo(255);
    assertThat(parseInt("0b101")).isEqualTo(5);
    assertThat(parseInt("-2147483648.4")).isEqualTo(INT_MIN);
    assertThat(parseInt("0e999999999")).isZero();
    assertThat(parseBigint("0x7FFFFFFFFFFFFFFF")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void badIntegersAreDataErrorsQuotingTheText() {
    assertDataError(() -> parseInt("abc"), "cannot cast 'abc' to INTEGER");
    assertDataError(() -> parseInt(""), "cannot cast '' to INTEGER");
    assertDataError(() -> parseInt("   "), "cannot cast '   ' to INTEGER");
    assertDataError(() -> parseInt("-"), "cannot cast '-' to INTEGER");
    assertDataError(() -> parseInt("."), "cannot cast '.' to INTEGER");
    assertDataError(() -> parseInt("- 1"), "cannot cast '- 1' to INTEGER");
    assertDataError(() -> parseInt("1 2"), "cannot cast '1 2' to INTEGER");
    assertDataError(() -> parseInt("1__0"), "cannot cast '1__0' to INTEGER");
    assertDataError(() -> parseInt("_10"), "cannot cast '_10' to INTEGER");
    assertDataError(() -> parseInt("10_"), "cannot cast '10_' to INTEGER");
    assertDataError(() -> parseInt("1e"), "cannot cast '1e' to INTEGER");
    assertDataError(() -> parseInt("1.5.5"), "cannot cast '1.5.5' to INTEGER");
    assertDataError(() -> parseInt("0x"), "cannot cast '0x' to INTEGER");
    assertDataError(() -> parseInt("-0x10"), "cannot cast '-0x10' to INTEGER");
    assertDataError(() -> parseInt("0x1g"), "cannot cast '0x1g' to INTEGER");
    assertDataError(() -> parseInt("0b102"), "cannot cast '0b102' to INTEGER");
    assertDataError(() -> parseInt("١٢"), "cannot cast '١٢' to INTEGER");
    assertDataError(() -> parseInt("12日"), "cannot cast '12日' to INTEGER");
  }

  @Test
  void integersOutsideTheTargetRangeAreDataErrors() {
    assertDataError(() -> parseInt("2147483648"), "cannot cast '2147483648' to INTEGER");
    assertDataError(() -> parseInt("-2147483649"), "cannot cast '-2147483649' to INTEGER");
    assertDataError(() -> parseInt("2147483647.5"), "cannot cast '2147483647.5' to INTEGER");
    assertDataError(() -> parseInt("1e10"), "cannot cast '1e10' to INTEGER");
    assertDataError(() -> parseInt("0xFFFFFFFF"), "cannot cast '0xFFFFFFFF' to INTEGER");
    assertDataError(() -> parseBigint("9223372036854775808"),
        "cannot cast '9223372036854775808' to BIGINT");
    assertDataError(() -> parseBigint("-9223372036854775809"),
        "cannot cast '-9223372036854775809' to BIGINT");
    assertDataError(() -> parseBigint("99999999999999999999999"),
        "cannot cast '99999999999999999999999' to BIGINT");
    assertDataError(() -> parseBigint("1e19"), "cannot cast '1e19' to BIGINT");
    assertDataError(() -> parseBigint("0x8000000000000000"),
        "cannot cast '0x8000000000000000' to BIGINT");
    assertDataError(() -> Casts.parseInteger(at("128"), 3, -128, 127, "TINYINT"),
        "cannot cast '128' to TINYINT");
    assertThat(Casts.parseInteger(at("-128"), 4, -128, 127, "TINYINT")).isEqualTo(-128);
  }

  // ---------------------------------------------------------------- doubles

  @Test
  void parsesDoubles() {
    assertThat(parseDouble("1.5")).isEqualTo(1.5);
    assertThat(parseDouble(" -0.25 ")).isEqualTo(-0.25);
    assertThat(parseDouble("1e5")).isEqualTo(1e5);
    assertThat(parseDouble("1E-5")).isEqualTo(1e-5);
    assertThat(parseDouble("+.5")).isEqualTo(0.5);
    assertThat(parseDouble("5.")).isEqualTo(5.0);
    assertThat(parseDouble("1_000.5")).isEqualTo(1000.5);
    assertThat(parseDouble("0")).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(parseDouble("-0"))).isEqualTo(
        Double.doubleToRawLongBits(-0.0));
    assertThat(parseDouble("0.1")).isEqualTo(0.1);
    assertThat(parseDouble("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
    assertThat(parseDouble("1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
    assertThat(parseDouble("4.9e-324")).isEqualTo(Double.MIN_VALUE);
    assertThat(parseDouble("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parseDouble("-1e400")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parseDouble("1e-400")).isEqualTo(0.0);
    assertThat(parseDouble("9007199254740993")).isEqualTo(9007199254740992.0);
  }

  @Test
  void parsesSpecialDoubles() {
    assertThat(parseDouble("NaN")).isNaN();
    assertThat(parseDouble("nan")).isNaN();
    assertThat(parseDouble("+nan")).isNaN();
    assertThat(parseDouble("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parseDouble("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(parseDouble("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parseDouble(" -INFINITY ")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void parsedDoublesAreCorrectlyRounded() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = random.nextBoolean() ? Double.toString(value)
          : new BigDecimal(value).round(new java.math.MathContext(1 + random.nextInt(25)))
              .toString();
      assertThat(parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
    }
    for (int i = 0; i < 20_000; i++) {
      long mantissa = random.nextLong() % 100_000_000_000L;
      int exponent = random.nextInt(50) - 25;
      String text = mantissa + "e" + exponent;
      assertThat(parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
    }
  }

  @Test
  void badDoublesAreDataErrors() {
    assertDataError(() -> parseDouble("abc"), "cannot cast 'abc' to DOUBLE");
    assertDataError(() -> parseDouble(""), "cannot cast '' to DOUBLE");
    assertDataError(() -> parseDouble("1.5f"), "cannot cast '1.5f' to DOUBLE");
    assertDataError(() -> parseDouble("1d"), "cannot cast '1d' to DOUBLE");
    assertDataError(() -> parseDouble(".e1"), "cannot cast '.e1' to DOUBLE");
    assertDataError(() -> parseDouble("0x10"), "cannot cast '0x10' to DOUBLE");
    assertDataError(() -> parseDouble("infinit"), "cannot cast 'infinit' to DOUBLE");
    assertDataError(() -> parseDouble("--1"), "cannot cast '--1' to DOUBLE");
  }

  // ---------------------------------------------------------------- decimals

  @Test
  void parsesDecimalsRoundingHalfAwayFromZero() {
    assertThat(parseDecimal(" 1.255 ", 5, 2)).isEqualTo(126);
    assertThat(parseDecimal("-1.255", 5, 2)).isEqualTo(-126);
    assertThat(parseDecimal("1.254", 5, 2)).isEqualTo(125);
    assertThat(parseDecimal("1e2", 5, 2)).isEqualTo(10000);
    assertThat(parseDecimal(".5", 5, 2)).isEqualTo(50);
    assertThat(parseDecimal("5.", 5, 2)).isEqualTo(500);
    assertThat(parseDecimal("0.005", 5, 2)).isEqualTo(1);
    assertThat(parseDecimal("0.00499999", 5, 2)).isZero();
    assertThat(parseDecimal("5e-3", 5, 2)).isEqualTo(1);
    assertThat(parseDecimal("-0", 5, 2)).isZero();
    assertThat(parseDecimal("1_000.5", 6, 1)).isEqualTo(10005);
    assertThat(parseDecimal("999.994", 5, 2)).isEqualTo(99999);
    assertThat(parseDecimal("123", 3, 0)).isEqualTo(123);
    assertThat(parseDecimal("0.4", 3, 0)).isZero();
    assertThat(parseDecimal("999999999999999999", 18, 0)).isEqualTo(999_999_999_999_999_999L);
    assertThat(parseDecimal("-0.999999999999999999", 18, 18)).isEqualTo(-999_999_999_999_999_999L);
    assertThat(parseDecimal("000000000000000000000012.5", 4, 1)).isEqualTo(125);
    assertThat(parseDecimal("1.00000000000000000000000000000001", 4, 2)).isEqualTo(100);
  }

  @Test
  void decimalsThatDoNotFitAreDataErrors() {
    assertDataError(() -> parseDecimal("1000", 5, 2), "cannot cast '1000' to DECIMAL(5,2)");
    assertDataError(() -> parseDecimal("999.995", 5, 2),
        "cannot cast '999.995' to DECIMAL(5,2)");
    assertDataError(() -> parseDecimal("1", 18, 18), "cannot cast '1' to DECIMAL(18,18)");
    assertDataError(() -> parseDecimal("1e40", 18, 2), "cannot cast '1e40' to DECIMAL(18,2)");
    assertDataError(() -> parseDecimal("abc", 5, 2), "cannot cast 'abc' to DECIMAL(5,2)");
    assertDataError(() -> parseDecimal("0x10", 5, 2), "cannot cast '0x10' to DECIMAL(5,2)");
    assertDataError(() -> parseDecimal("", 5, 2), "cannot cast '' to DECIMAL(5,2)");
    assertDataError(() -> parseDecimal("99999999999999999999", 18, 0),
        "cannot cast '99999999999999999999' to DECIMAL(18,0)");
  }

  @Test
  void parsesWideDecimals() {
    assertThat(parseWide("123456789012345678901234567890.123", 38, 3))
        .isEqualTo("123456789012345678901234567890.123");
    assertThat(parseWide("-123456789012345678901234567890.1235", 38, 3))
        .isEqualTo("-123456789012345678901234567890.124");
    assertThat(parseWide("99999999999999999999999999999999999999", 38, 0))
        .isEqualTo("99999999999999999999999999999999999999");
    assertThat(parseWide("-9999999999999999999.99", 22, 2)).isEqualTo("-9999999999999999999.99");
    assertThat(parseWide(" 1e20 ", 25, 2)).isEqualTo("100000000000000000000.00");
    assertThat(parseWide("0.5", 20, 0)).isEqualTo("1");
    assertThat(parseWide("0", 20, 5)).isEqualTo("0.00000");
    assertDataError(() -> parseWide("100000000000000000000000000000000000000", 38, 0),
        "cannot cast '100000000000000000000000000000000000000' to DECIMAL(38,0)");
    assertDataError(() -> parseWide("1e100", 38, 0), "cannot cast '1e100' to DECIMAL(38,0)");
    assertThat(parseWide("12345678901234567890.5", 20, 0)).isEqualTo("12345678901234567891");
    assertDataError(() -> parseWide("12345678901234567890.5", 19, 0),
        "cannot cast '12345678901234567890.5' to DECIMAL(19,0)");
    assertDataError(() -> parseWide("9999999999999999999.5", 19, 0),
        "cannot cast '9999999999999999999.5' to DECIMAL(19,0)");
    assertDataError(() -> parseWide("x", 20, 0), "cannot cast 'x' to DECIMAL(20,0)");
  }

  @Test
  void parsedDecimalsAgreeWithBigDecimal() {
    Random random = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      BigDecimal value = new BigDecimal(new java.math.BigInteger(60, random), random.nextInt(12))
          .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
      int scale = random.nextInt(8);
      String text = random.nextBoolean() ? value.toPlainString() : value.toString();
      BigDecimal expected = value.setScale(scale, RoundingMode.HALF_UP);
      if (expected.precision() - expected.scale() <= 18 - scale) {
        assertThat(parseDecimal(text, 18, scale)).as(text)
            .isEqualTo(expected.unscaledValue().longValueExact());
      } else {
        assertThatThrownBy(() -> parseDecimal(text, 18, scale)).as(text)
            .isInstanceOf(QuiverException.class);
      }
      assertThat(parseWide(text, 38, scale)).as(text).isEqualTo(expected.toPlainString());
    }
  }

  // ---------------------------------------------------------------- dates and times

  @Test
  void parsesDates() {
    assertThat(parseDate("2024-01-05")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("2024-1-5")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate(" 2024-01-05 ")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("2024/01/05")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("2024 01 05")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("1970-01-01")).isZero();
    assertThat(parseDate("1969-12-31")).isEqualTo(-1);
    assertThat(parseDate("2024-02-29")).isEqualTo(day("2024-02-29"));
    assertThat(parseDate("2024-01-05 10:00")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("2024-01-05T10:20:30.5")).isEqualTo(day("2024-01-05"));
    assertThat(parseDate("12345-01-01")).isEqualTo(DateTimes.daysFromCivil(12345, 1, 1));
    assertThat(parseDate("0044-03-15 (BC)")).isEqualTo(DateTimes.daysFromCivil(-43, 3, 15));
    assertThat(parseDate("-0044-03-15")).isEqualTo(DateTimes.daysFromCivil(-44, 3, 15));
    assertThat(parseDate("0000-01-01")).isEqualTo(DateTimes.daysFromCivil(0, 1, 1));
    assertThat(parseDate("epoch")).isZero();
  }

  @Test
  void badDatesAreDataErrors() {
    assertDataError(() -> parseDate("2024-02-30"), "cannot cast '2024-02-30' to DATE");
    assertDataError(() -> parseDate("2023-02-29"), "cannot cast '2023-02-29' to DATE");
    assertDataError(() -> parseDate("2024-13-01"), "cannot cast '2024-13-01' to DATE");
    assertDataError(() -> parseDate("2024-00-01"), "cannot cast '2024-00-01' to DATE");
    assertDataError(() -> parseDate("20240105"), "cannot cast '20240105' to DATE");
    assertDataError(() -> parseDate("2024/01-05"), "cannot cast '2024/01-05' to DATE");
    assertDataError(() -> parseDate("2024.01.05"), "cannot cast '2024.01.05' to DATE");
    assertDataError(() -> parseDate("2024-001-05"), "cannot cast '2024-001-05' to DATE");
    assertDataError(() -> parseDate("2024-01-05 junk"), "cannot cast '2024-01-05 junk' to DATE");
    assertDataError(() -> parseDate(""), "cannot cast '' to DATE");
    assertDataError(() -> parseDate("infinity"), "cannot cast 'infinity' to DATE");
    assertDataError(() -> parseDate("0000-01-01 (BC)"), "cannot cast '0000-01-01 (BC)' to DATE");
  }

  @Test
  void parsesTimestamps() {
    assertThat(parseTimestamp("2024-01-05 10:20:30")).isEqualTo(micros("2024-01-05T10:20:30"));
    assertThat(parseTimestamp("2024-01-05T10:20:30.123456789"))
        .isEqualTo(micros("2024-01-05T10:20:30.123456"));
    assertThat(parseTimestamp("2024-01-05 10:20:30.1234569"))
        .isEqualTo(micros("2024-01-05T10:20:30.123456")); // truncated, as DuckDB
    assertThat(parseTimestamp("2024-01-05 10:20")).isEqualTo(micros("2024-01-05T10:20:00"));
    assertThat(parseTimestamp("2024-01-05")).isEqualTo(micros("2024-01-05T00:00:00"));
    assertThat(parseTimestamp("2024-01-05 1:2:3")).isEqualTo(micros("2024-01-05T01:02:03"));
    assertThat(parseTimestamp("2024-01-05 24:00:00")).isEqualTo(micros("2024-01-06T00:00:00"));
    assertThat(parseTimestamp("2024-01-05 10:20:30.")).isEqualTo(micros("2024-01-05T10:20:30"));
    assertThat(parseTimestamp(" 2024-01-05 10:20:30.5Z ")).isEqualTo(
        micros("2024-01-05T10:20:30.5"));
    assertThat(parseTimestamp("2024-01-05 10:20:30+02")).isEqualTo(micros("2024-01-05T10:20:30"));
    assertThat(parseTimestamp("2024-01-05 10:20:30-05:30"))
        .isEqualTo(micros("2024-01-05T10:20:30"));
    assertThat(parseTimestamp("2024-01-05 10:20:30 UTC")).isEqualTo(micros("2024-01-05T10:20:30"));
    assertThat(parseTimestamp("1969-12-31 23:59:59.5")).isEqualTo(-500_000L);
    assertThat(parseTimestamp("epoch")).isZero();
    assertThat(parseTimestamp("0045-01-05 (BC) 10:20:30"))
        .isEqualTo(DateTimes.dateToTimestamp(DateTimes.daysFromCivil(-44, 1, 5))
            + 37_230_000_000L);
  }

  @Test
  void badTimestampsAreDataErrors() {
    assertDataError(() -> parseTimestamp("2024-01-05 10"),
        "cannot cast '2024-01-05 10' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 23:59:60"),
        "cannot cast '2024-01-05 23:59:60' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 24:00:01"),
        "cannot cast '2024-01-05 24:00:01' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 25:00:00"),
        "cannot cast '2024-01-05 25:00:00' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 10:60"),
        "cannot cast '2024-01-05 10:60' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05x10:20"),
        "cannot cast '2024-01-05x10:20' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 10:20:30 +02:00"),
        "cannot cast '2024-01-05 10:20:30 +02:00' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("2024-01-05 10:20:30+2"),
        "cannot cast '2024-01-05 10:20:30+2' to TIMESTAMP");
    assertDataError(() -> parseTimestamp("x"), "cannot cast 'x' to TIMESTAMP");
  }

  @Test
  void parsesTimes() {
    assertThat(parseTime("10:20")).isEqualTo(37_200_000_000L);
    assertThat(parseTime("10:20:30.25")).isEqualTo(37_230_250_000L);
    assertThat(parseTime(" 1:2:3 ")).isEqualTo(3_723_000_000L);
    assertThat(parseTime("00:00:00")).isZero();
    assertThat(parseTime("24:00:00")).isEqualTo(DateTimes.MICROS_PER_DAY);
    assertThat(parseTime("23:59:59.999999")).isEqualTo(DateTimes.MICROS_PER_DAY - 1);
    assertDataError(() -> parseTime("10"), "cannot cast '10' to TIME");
    assertDataError(() -> parseTime("24:00:00.1"), "cannot cast '24:00:00.1' to TIME");
    assertDataError(() -> parseTime("10:20:30x"), "cannot cast '10:20:30x' to TIME");
    assertDataError(() -> parseTime("100:20"), "cannot cast '100:20' to TIME");
    assertDataError(() -> parseTime(""), "cannot cast '' to TIME");
  }

  @Test
  void parsesBooleans() {
    for (String text : new String[] {"true", "TRUE", "t", "T", "yes", "Yes", "y", "1", "on",
        "ON", " true "}) {
      assertThat(parseBoolean(text)).as(text).isTrue();
    }
    for (String text : new String[] {"false", "False", "f", "no", "NO", "n", "0", "off", "Off",
        "\tfalse\n"}) {
      assertThat(parseBoolean(text)).as(text).isFalse();
    }
    for (String text : new String[] {"", "2", "tr", "1.0", "yess", "of", "onn", "truee"}) {
      assertDataError(() -> parseBoolean(text), "cannot cast '" + text + "' to BOOLEAN");
    }
  }

  // ---------------------------------------------------------------- formatting

  private String formatLong(long value) {
    return scratchText(Casts.formatLong(value, scratch));
  }

  private String formatDouble(double value) {
    return scratchText(Casts.formatDouble(value, scratch));
  }

  private String formatReal(float value) {
    return scratchText(Casts.formatReal(value, scratch));
  }

  private String formatDecimal(long unscaled, int scale) {
    return scratchText(Casts.formatDecimal(unscaled, scale, scratch));
  }

  private String formatWide(String value, int scale) {
    Int128 holder = new Int128();
    Int128Math.fromBigDecimal(new BigDecimal(value), scale, holder);
    return scratchText(Casts.formatWideDecimal(holder, scale, scratch));
  }

  @Test
  void formatsLongs() {
    assertThat(formatLong(0)).isEqualTo("0");
    assertThat(formatLong(7)).isEqualTo("7");
    assertThat(formatLong(-7)).isEqualTo("-7");
    assertThat(formatLong(1234567890)).isEqualTo("1234567890");
    assertThat(formatLong(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(formatLong(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    Random random = new Random(1);
    for (int i = 0; i < 1000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      assertThat(formatLong(value)).isEqualTo(Long.toString(value));
    }
  }

  @Test
  void formatsDoublesAsDuckDb() {
    assertThat(formatDouble(1.5)).isEqualTo("1.5");
    assertThat(formatDouble(2.0)).isEqualTo("2.0");
    assertThat(formatDouble(100)).isEqualTo("100.0");
    assertThat(formatDouble(0.1)).isEqualTo("0.1");
    assertThat(formatDouble(1e20)).isEqualTo("1e+20");
    assertThat(formatDouble(1e-5)).isEqualTo("1e-05");
    assertThat(formatDouble(-1.25e-7)).isEqualTo("-1.25e-07");
    assertThat(formatDouble(0.0001)).isEqualTo("0.0001");
    assertThat(formatDouble(0.001)).isEqualTo("0.001");
    assertThat(formatDouble(1e15)).isEqualTo("1000000000000000.0");
    assertThat(formatDouble(1e16)).isEqualTo("1e+16");
    assertThat(formatDouble(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    assertThat(formatDouble(123456789.0)).isEqualTo("123456789.0");
    assertThat(formatDouble(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(formatDouble(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(formatDouble(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(formatDouble(2e23)).isEqualTo("2e+23");
    assertThat(formatDouble(1e21)).isEqualTo("1e+21");
    assertThat(formatDouble(0.0)).isEqualTo("0.0");
    assertThat(formatDouble(-0.0)).isEqualTo("-0.0");
    assertThat(formatDouble(Double.NaN)).isEqualTo("nan");
    assertThat(formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void formattedDoublesReadBackExactly() {
    Random random = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = formatDouble(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
    }
  }

  @Test
  void formatsRealsWithFloatDigits() {
    assertThat(formatReal(0.1f)).isEqualTo("0.1");
    assertThat(formatReal(1.5f)).isEqualTo("1.5");
    assertThat(formatReal(3.14159f)).isEqualTo("3.14159");
    assertThat(formatReal(16777217f)).isEqualTo("16777216.0");
    assertThat(formatReal(1e16f)).isEqualTo("1e+16");
    assertThat(formatReal(1e-5f)).isEqualTo("1e-05");
    assertThat(formatReal(1e15f)).isEqualTo("1000000000000000.0");
    assertThat(formatReal(Float.MIN_VALUE)).isEqualTo("1e-45");
    assertThat(formatReal(Float.NaN)).isEqualTo("nan");
  }

  @Test
  void formatsDecimalsWithExactlyTheScale() {
    assertThat(formatDecimal(150, 2)).isEqualTo("1.50");
    assertThat(formatDecimal(-5, 2)).isEqualTo("-0.05");
    assertThat(formatDecimal(0, 2)).isEqualTo("0.00");
    assertThat(formatDecimal(5, 1)).isEqualTo("0.5");
    assertThat(formatDecimal(123, 0)).isEqualTo("123");
    assertThat(formatDecimal(-123, 0)).isEqualTo("-123");
    assertThat(formatDecimal(500_000_000_000_000_000L, 18)).isEqualTo("0.500000000000000000");
    assertThat(formatDecimal(Long.MIN_VALUE, 3)).isEqualTo("-9223372036854775.808");
    assertThat(formatDecimal(Long.MAX_VALUE, 18)).isEqualTo("9.223372036854775807");
    assertThat(formatDecimal(1, 18)).isEqualTo("0.000000000000000001");
  }

  @Test
  void formatsWideDecimals() {
    assertThat(formatWide("123456789012345678901234567890.123", 3))
        .isEqualTo("123456789012345678901234567890.123");
    assertThat(formatWide("-99999999999999999999999999999999999999", 0))
        .isEqualTo("-99999999999999999999999999999999999999");
    assertThat(formatWide("0.00000000000000000000000000000000000001", 38))
        .isEqualTo("0.00000000000000000000000000000000000001");
    assertThat(formatWide("-12345678901234567890.5", 1)).isEqualTo("-12345678901234567890.5");
    assertThat(formatWide("1.5", 2)).isEqualTo("1.50");
    assertThat(formatWide("1000000000000000000000", 2)).isEqualTo("1000000000000000000000.00");
    Int128 minimum = new Int128(Long.MIN_VALUE, 0);
    assertThat(scratchText(Casts.formatWideDecimal(minimum, 0, scratch)))
        .isEqualTo(Int128Math.toBigDecimal(minimum, 0).toPlainString());
    Random random = new Random(9);
    for (int i = 0; i < 2000; i++) {
      BigDecimal value = new BigDecimal(new java.math.BigInteger(126, random)
          .shiftRight(random.nextInt(126)), random.nextInt(39));
      if (random.nextBoolean()) {
        value = value.negate();
      }
      Int128 holder = new Int128();
      Int128Math.fromBigDecimal(value, value.scale(), holder);
      assertThat(scratchText(Casts.formatWideDecimal(holder, value.scale(), scratch)))
          .isEqualTo(value.toPlainString());
    }
  }

  @Test
  void formatsDatesAsDuckDb() {
    assertThat(scratchText(Casts.formatDate(day("2024-01-05"), scratch))).isEqualTo("2024-01-05");
    assertThat(scratchText(Casts.formatDate(0, scratch))).isEqualTo("1970-01-01");
    assertThat(scratchText(Casts.formatDate(DateTimes.daysFromCivil(0, 12, 31), scratch)))
        .isEqualTo("0001-12-31 (BC)");
    assertThat(scratchText(Casts.formatDate(DateTimes.daysFromCivil(-44, 3, 15), scratch)))
        .isEqualTo("0045-03-15 (BC)");
    assertThat(scratchText(Casts.formatDate(DateTimes.daysFromCivil(12345, 1, 1), scratch)))
        .isEqualTo("12345-01-01");
    assertThat(scratchText(Casts.formatDate(DateTimes.daysFromCivil(1, 1, 1), scratch)))
        .isEqualTo("0001-01-01");
  }

  @Test
  void formatsTimestampsAndTimesAsDuckDb() {
    assertThat(scratchText(Casts.formatTimestamp(micros("2024-01-05T10:20:30.12"), scratch)))
        .isEqualTo("2024-01-05 10:20:30.12");
    assertThat(scratchText(Casts.formatTimestamp(micros("2024-01-05T10:20:30"), scratch)))
        .isEqualTo("2024-01-05 10:20:30");
    assertThat(scratchText(Casts.formatTimestamp(micros("2024-01-05T00:00:00.000001"), scratch)))
        .isEqualTo("2024-01-05 00:00:00.000001");
    assertThat(scratchText(Casts.formatTimestamp(-1, scratch)))
        .isEqualTo("1969-12-31 23:59:59.999999");
    assertThat(scratchText(Casts.formatTimestamp(
        DateTimes.dateToTimestamp(DateTimes.daysFromCivil(-44, 1, 5)) + 37_230_000_000L,
        scratch))).isEqualTo("0045-01-05 (BC) 10:20:30");
    assertThat(scratchText(Casts.formatTime(37_230_100_000L, scratch))).isEqualTo("10:20:30.1");
    assertThat(scratchText(Casts.formatTime(0, scratch))).isEqualTo("00:00:00");
    assertThat(scratchText(Casts.formatTime(DateTimes.MICROS_PER_DAY, scratch)))
        .isEqualTo("24:00:00");
  }

  @Test
  void formattedTemporalValuesParseBack() {
    Random random = new Random(4);
    for (int i = 0; i < 5000; i++) {
      long value = random.nextLong() % (400L * 365 * DateTimes.MICROS_PER_DAY);
      String text = scratchText(Casts.formatTimestamp(value, scratch));
      assertThat(parseTimestamp(text)).as(text).isEqualTo(value);
      long epochDay = Math.floorDiv(value, DateTimes.MICROS_PER_DAY);
      String date = scratchText(Casts.formatDate(epochDay, scratch));
      assertThat(parseDate(date)).as(date).isEqualTo(epochDay);
    }
  }

  @Test
  void formatsBooleans() {
    assertThat(scratchText(Casts.formatBoolean(true, scratch))).isEqualTo("true");
    assertThat(scratchText(Casts.formatBoolean(false, scratch))).isEqualTo("false");
  }

  // ---------------------------------------------------------------- numeric conversions

  @Test
  void decimalToIntegerRoundsHalfAwayFromZero() {
    assertThat(Casts.decimalToInteger(25, 1, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(3);
    assertThat(Casts.decimalToInteger(-25, 1, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(-3);
    assertThat(Casts.decimalToInteger(24, 1, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(2);
    assertThat(Casts.decimalToInteger(-24, 1, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(-2);
    assertThat(Casts.decimalToInteger(123, 0, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(123);
    assertThat(Casts.decimalToInteger(Long.MAX_VALUE, 18, INT_MIN, INT_MAX, "INTEGER"))
        .isEqualTo(9);
    assertExecutionError(
        () -> Casts.decimalToInteger(21474836475L, 1, INT_MIN, INT_MAX, "INTEGER"),
        "integer out of range");
    assertExecutionError(() -> Casts.decimalToInteger(1285, 1, -128, 127, "TINYINT"),
        "tinyint out of range");
  }

  @Test
  void doubleToIntegerRoundsHalfToEvenAsDuckDb() {
    assertThat(Casts.doubleToInteger(2.5, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(2);
    assertThat(Casts.doubleToInteger(3.5, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(4);
    assertThat(Casts.doubleToInteger(-2.5, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(-2);
    assertThat(Casts.doubleToInteger(0.5, INT_MIN, INT_MAX, "INTEGER")).isZero();
    assertThat(Casts.doubleToInteger(2.6, INT_MIN, INT_MAX, "INTEGER")).isEqualTo(3);
    assertThat(Casts.doubleToInteger(2147483647.4, INT_MIN, INT_MAX, "INTEGER"))
        .isEqualTo(INT_MAX);
    assertThat(Casts.doubleToInteger(-0x1p63, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(Casts.doubleToInteger(0x1p62, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"))
        .isEqualTo(1L << 62);
    assertExecutionError(() -> Casts.doubleToInteger(2147483647.5, INT_MIN, INT_MAX, "INTEGER"),
        "integer out of range");
    assertExecutionError(
        () -> Casts.doubleToInteger(0x1p63, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"),
        "bigint out of range");
    assertExecutionError(
        () -> Casts.doubleToInteger(1e30, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"),
        "bigint out of range");
    assertExecutionError(() -> Casts.doubleToInteger(Double.NaN, INT_MIN, INT_MAX, "INTEGER"),
        "integer out of range");
    assertExecutionError(
        () -> Casts.doubleToInteger(Double.NEGATIVE_INFINITY, INT_MIN, INT_MAX, "INTEGER"),
        "integer out of range");
    assertExecutionError(() -> Casts.doubleToInteger(40000, -32768, 32767, "SMALLINT"),
        "smallint out of range");
  }

  @Test
  void rescalesDecimals() {
    assertThat(Casts.rescaleDecimal(155, 2, 1, 2)).isEqualTo(16);
    assertThat(Casts.rescaleDecimal(-155, 2, 1, 2)).isEqualTo(-16);
    assertThat(Casts.rescaleDecimal(154, 2, 1, 2)).isEqualTo(15);
    assertThat(Casts.rescaleDecimal(15, 1, 3, 5)).isEqualTo(1500);
    assertThat(Casts.rescaleDecimal(15, 1, 1, 5)).isEqualTo(15);
    assertThat(Casts.rescaleDecimal(0, 0, 30, 18)).isZero();
    assertThat(Casts.rescaleDecimal(Long.MAX_VALUE, 18, 0, 18)).isEqualTo(9);
    assertThat(Casts.rescaleDecimal(Long.MAX_VALUE, 19, 0, 18)).isEqualTo(1);
    assertThat(Casts.rescaleDecimal(Long.MIN_VALUE, 20, 0, 18)).isZero();
    assertExecutionError(() -> Casts.rescaleDecimal(12345678, 3, 2, 5),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Casts.rescaleDecimal(99999, 2, 3, 5),
        "decimal overflow: value does not fit DECIMAL(5,3)");
    assertExecutionError(() -> Casts.rescaleDecimal(Long.MAX_VALUE / 5, 0, 1, 18),
        "decimal overflow: value does not fit DECIMAL(18,1)");
    assertExecutionError(() -> Casts.rescaleDecimal(1, 0, 19, 18),
        "decimal overflow: value does not fit DECIMAL(18,19)");
  }

  @Test
  void doubleToDecimalRoundsTheExactBinaryValue() {
    assertThat(Casts.doubleToDecimal(1.005, 5, 2)).isEqualTo(100); // 1.00499999...
    assertThat(Casts.doubleToDecimal(0.125, 5, 2)).isEqualTo(13);
    assertThat(Casts.doubleToDecimal(-0.125, 5, 2)).isEqualTo(-13);
    assertThat(Casts.doubleToDecimal(0.375, 5, 2)).isEqualTo(38);
    assertThat(Casts.doubleToDecimal(2.5, 5, 0)).isEqualTo(3);
    assertThat(Casts.doubleToDecimal(-0.0, 5, 2)).isZero();
    assertThat(Casts.doubleToDecimal(123.456, 18, 10)).isEqualTo(1_234_560_000_000L);
    assertThat(Casts.doubleToDecimal(1e17, 18, 0)).isEqualTo(100_000_000_000_000_000L);
    assertThat(Casts.doubleToDecimal(1e-30, 18, 2)).isZero();
    assertExecutionError(() -> Casts.doubleToDecimal(1e10, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Casts.doubleToDecimal(999.995, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Casts.doubleToDecimal(Double.NaN, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Casts.doubleToDecimal(1e30, 18, 0),
        "decimal overflow: value does not fit DECIMAL(18,0)");
    Random random = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
      int scale = random.nextInt(6);
      long expected = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP)
          .unscaledValue().longValueExact();
      assertThat(Casts.doubleToDecimal(value, 18, scale)).as("%s at %s", value, scale)
          .isEqualTo(expected);
    }
  }

  @Test
  void decimalToDoubleIsTheNearestDouble() {
    assertThat(Casts.decimalToDouble(150, 2)).isEqualTo(1.5);
    assertThat(Casts.decimalToDouble(1, 1)).isEqualTo(0.1);
    assertThat(Casts.decimalToDouble(-5, 2)).isEqualTo(-0.05);
    assertThat(Casts.decimalToDouble(Long.MAX_VALUE, 0)).isEqualTo(9.223372036854775807E18);
    assertThat(Casts.decimalToDouble(Long.MAX_VALUE, 18)).isEqualTo(9.223372036854775807);
    assertThat(Casts.decimalToDouble(123456789, 30)).isEqualTo(1.23456789E-22);
    Random random = new Random(2);
    for (int i = 0; i < 10_000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(19);
      assertThat(Casts.decimalToDouble(unscaled, scale))
          .isEqualTo(BigDecimal.valueOf(unscaled, scale).doubleValue());
    }
  }

  @Test
  void integerToDecimal() {
    assertThat(Casts.integerToDecimal(12, 5, 2)).isEqualTo(1200);
    assertThat(Casts.integerToDecimal(-999, 5, 2)).isEqualTo(-99900);
    assertExecutionError(() -> Casts.integerToDecimal(1000, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Casts.integerToDecimal(Long.MIN_VALUE, 18, 2),
        "decimal overflow: value does not fit DECIMAL(18,2)");
  }
}
