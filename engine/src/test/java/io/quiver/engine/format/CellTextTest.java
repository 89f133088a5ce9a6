package io.quiver.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellTextTest {

  @Test
  void datesMatchIsoCalendarOverTheWholeFourDigitRange() {
    SplittableRandom random = new SplittableRandom(42);
    long first = LocalDate.of(1, 1, 1).toEpochDay();
    long last = LocalDate.of(9999, 12, 31).toEpochDay();
    long[] edges = {first, last, 0, -1, 59, 60, -719_162 + 365, 10_957, 11_016, 11_017};
    for (long day : edges) {
      assertDate(day);
    }
    for (int i = 0; i < 100_000; i++) {
      assertDate(random.nextLong(first, last + 1));
    }
  }

  @Test
  void datesOutsideFourDigitYearsUseTheSignedIsoForm() {
    StringBuilder out = new StringBuilder();
    CellText.appendDate(LocalDate.of(10000, 1, 1).toEpochDay(), out);
    assertThat(out.toString()).isEqualTo("+10000-01-01");
  }

  private static void assertDate(long day) {
    StringBuilder out = new StringBuilder();
    CellText.appendDate(day, out);
    assertThat(out.toString()).as("epoch day %d", day)
        .isEqualTo(LocalDate.ofEpochDay(day).toString());
  }

  @Test
  void timestampsHaveSixFractionDigitsOnlyWhenTheFractionIsNotZero() {
    assertThat(timestamp(LocalDateTime.of(2024, 2, 29, 0, 0))).isEqualTo("2024-02-29 00:00:00");
    assertThat(timestamp(LocalDateTime.of(2024, 2, 29, 13, 5, 9, 120_000_000)))
        .isEqualTo("2024-02-29 13:05:09.120000");
    assertThat(timestamp(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)))
        .isEqualTo("1969-12-31 23:59:59.999999");
    assertThat(timestamp(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000)))
        .isEqualTo("1900-01-01 00:00:00.000001");
  }

  @Test
  void randomTimestampsMatchJavaTime() {
    DateTimeFormatter whole = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    DateTimeFormatter fraction = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long micros = random.nextLong(-2_000_000_000_000_000L, 4_000_000_000_000_000L);
      if (i % 2 == 0) {
        micros -= Math.floorMod(micros, 1_000_000L);
      }
      LocalDateTime time = LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(0)
          .plusSeconds(Math.floorDiv(micros, 1_000_000L))
          .plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
      String expected = time.getNano() == 0 ? whole.format(time) : fraction.format(time);
      StringBuilder out = new StringBuilder();
      CellText.appendTimestamp(micros, out);
      assertThat(out.toString()).as("micros %d", micros).isEqualTo(expected);
    }
  }

  private static String timestamp(LocalDateTime time) {
    long micros = time.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
    StringBuilder out = new StringBuilder();
    CellText.appendTimestamp(micros, out);
    return out.toString();
  }

  @Test
  void realsKeepTheirOwnShortestText() {
    assertThat(real(1.1f)).isEqualTo("1.1");
    assertThat(real(2f)).isEqualTo("2.0");
    assertThat(real(-0.5f)).isEqualTo("-0.5");
    assertThat(real(Float.NaN)).isEqualTo("NaN");
    assertThat(real(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(real(3.0e20f)).isEqualTo("3.0E20");
  }

  private static String real(float value) {
    StringBuilder out = new StringBuilder();
    CellText.appendReal(value, out);
    return out.toString();
  }

  @Test
  void displayWidthCountsWideCharactersTwiceAndMarksNever() {
    assertThat(DisplayWidth.of("abc")).isEqualTo(3);
    assertThat(DisplayWidth.of("日本")).isEqualTo(4);
    assertThat(DisplayWidth.of("cafe\u0301")).isEqualTo(4);
    assertThat(DisplayWidth.of("😀")).isEqualTo(2);
  }
}
