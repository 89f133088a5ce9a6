package io.quiver.engine.expr.runtime;

import static io.quiver.engine.expr.runtime.DateTimes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class DateTimesTest {

  private static long day(String isoDate) {
    return LocalDate.parse(isoDate).toEpochDay();
  }

  private static long micros(String isoDateTime) {
    LocalDateTime time = LocalDateTime.parse(isoDateTime);
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
  }

  @Test
  void civilArithmeticAgreesWithJavaTimeOverSixHundredYearsAndFarAway() {
    for (long epochDay = day("1700-01-01"); epochDay <= day("2300-12-31"); epochDay++) {
      checkDay(epochDay);
    }
    for (long epochDay = -1_000_000_000L; epochDay <= 1_000_000_000L; epochDay += 9_999_991L) {
      checkDay(epochDay);
    }
  }

  @Test
  void fastAndGeneralCivilPathsAgreeAtTheirBoundaries() {
    long[] boundaries = {-719_468L, 500_000_000L};
    for (long boundary : boundaries) {
      for (long epochDay = boundary - 800; epochDay <= boundary + 800; epochDay++) {
        checkCivil(epochDay);
      }
    }
    for (long epochDay = -719_468L; epochDay <= 500_000_000L; epochDay += 997) {
      checkCivil(epochDay);
    }
  }

  private static void checkCivil(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    assertThat(yearOf(epochDay)).as("year of %s", date).isEqualTo(date.getYear());
    assertThat(monthOf(epochDay)).as("month of %s", date).isEqualTo(date.getMonthValue());
    assertThat(dayOfMonthOf(epochDay)).as("day of %s", date).isEqualTo(date.getDayOfMonth());
  }

  private static void checkDay(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    assertThat(yearOf(epochDay)).as("year of %s", date).isEqualTo(date.getYear());
    assertThat(monthOf(epochDay)).isEqualTo(date.getMonthValue());
    assertThat(dayOfMonthOf(epochDay)).isEqualTo(date.getDayOfMonth());
    assertThat(daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
        .isEqualTo(epochDay);
    assertThat(extractFromDate(DAY_OF_YEAR, epochDay)).isEqualTo(date.getDayOfYear());
    assertThat(extractFromDate(ISO_DAY_OF_WEEK, epochDay))
        .isEqualTo(date.getDayOfWeek().getValue());
    assertThat(extractFromDate(DAY_OF_WEEK, epochDay))
        .isEqualTo(date.getDayOfWeek().getValue() % 7);
    assertThat(extractFromDate(WEEK, epochDay))
        .isEqualTo(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    assertThat(extractFromDate(ISO_YEAR, epochDay))
        .isEqualTo(date.get(IsoFields.WEEK_BASED_YEAR));
    assertThat(extractFromDate(QUARTER, epochDay)).isEqualTo(date.get(IsoFields.QUARTER_OF_YEAR));
  }

  @Test
  void extractFromDateMatchesDuckDb() {
    long d = day("2024-12-31");
    assertThat(extractFromDate(YEAR, d)).isEqualTo(2024);
    assertThat(extractFromDate(MONTH, d)).isEqualTo(12);
    assertThat(extractFromDate(DAY, d)).isEqualTo(31);
    assertThat(extractFromDate(DAY_OF_YEAR, d)).isEqualTo(366);
    assertThat(extractFromDate(QUARTER, d)).isEqualTo(4);
    assertThat(extractFromDate(DAY_OF_WEEK, day("2024-01-07"))).isZero(); // a Sunday
    assertThat(extractFromDate(ISO_DAY_OF_WEEK, day("2024-01-07"))).isEqualTo(7);
    assertThat(extractFromDate(WEEK, day("2021-01-01"))).isEqualTo(53);
    assertThat(extractFromDate(ISO_YEAR, day("2021-01-01"))).isEqualTo(2020);
    assertThat(extractFromDate(DECADE, day("2024-01-01"))).isEqualTo(202);
    assertThat(extractFromDate(CENTURY, day("2000-12-31"))).isEqualTo(20);
    assertThat(extractFromDate(CENTURY, day("2001-01-01"))).isEqualTo(21);
    assertThat(extractFromDate(MILLENNIUM, day("2000-12-31"))).isEqualTo(2);
    assertThat(extractFromDate(MILLENNIUM, day("2001-01-01"))).isEqualTo(3);
    assertThat(extractFromDate(EPOCH, day("2024-01-05"))).isEqualTo(1_704_412_800L);
    assertThat(extractFromDate(HOUR, d)).isZero();
    assertThat(extractFromDate(MICROSECOND, d)).isZero();
  }

  @Test
  void yearsBeforeTheCommonEraUseAstronomicalNumberingAsDuckDb() {
    long oneBc = daysFromCivil(0, 12, 31); // 0001-12-31 (BC)
    assertThat(extractFromDate(YEAR, oneBc)).isZero();
    assertThat(extractFromDate(YEAR, daysFromCivil(-1, 12, 31))).isEqualTo(-1);
    assertThat(extractFromDate(CENTURY, oneBc)).isEqualTo(-1);
    assertThat(extractFromDate(CENTURY, daysFromCivil(-99, 12, 31))).isEqualTo(-1);
    assertThat(extractFromDate(CENTURY, daysFromCivil(-100, 12, 31))).isEqualTo(-2);
    assertThat(extractFromDate(MILLENNIUM, oneBc)).isEqualTo(-1);
    assertThat(extractFromDate(DECADE, oneBc)).isZero();
    assertThat(extractFromDate(DECADE, daysFromCivil(-1, 1, 1))).isZero();
    assertThat(extractFromDate(DECADE, daysFromCivil(-10, 1, 1))).isEqualTo(-1);
    assertThat(isLeapYear(0)).isTrue();
    assertThat(isLeapYear(-4)).isTrue();
    assertThat(isLeapYear(-100)).isFalse();
  }

  @Test
  void extractsFromATimestamp() {
    long t = micros("2024-01-05T10:20:30.5");
    assertThat(extractFromTimestamp(YEAR, t)).isEqualTo(2024);
    assertThat(extractFromTimestamp(MONTH, t)).isEqualTo(1);
    assertThat(extractFromTimestamp(DAY, t)).isEqualTo(5);
    assertThat(extractFromTimestamp(HOUR, t)).isEqualTo(10);
    assertThat(extractFromTimestamp(MINUTE, t)).isEqualTo(20);
    assertThat(extractFromTimestamp(SECOND, t)).isEqualTo(30);
    assertThat(extractFromTimestamp(MILLISECOND, t)).isEqualTo(30_500);
    assertThat(extractFromTimestamp(MICROSECOND, t)).isEqualTo(30_500_000);
    assertThat(extractFromTimestamp(EPOCH, t)).isEqualTo(1_704_450_030L);
    assertThat(epochSeconds(t)).isEqualTo(1.7044500305E9);
  }

  @Test
  void extractFromTimestampsBefore1970RoundsDown() {
    long t = micros("1969-12-31T23:59:59.5");
    assertThat(t).isEqualTo(-500_000L);
    assertThat(extractFromTimestamp(YEAR, t)).isEqualTo(1969);
    assertThat(extractFromTimestamp(DAY, t)).isEqualTo(31);
    assertThat(extractFromTimestamp(HOUR, t)).isEqualTo(23);
    assertThat(extractFromTimestamp(SECOND, t)).isEqualTo(59);
    assertThat(extractFromTimestamp(MILLISECOND, t)).isEqualTo(59_500);
    assertThat(extractFromTimestamp(EPOCH, t)).isEqualTo(-1);
    assertThat(epochSeconds(t)).isEqualTo(-0.5);
    assertThat(extractFromTimestamp(YEAR, Long.MIN_VALUE)).isEqualTo(-290308);
    assertThat(extractFromTimestamp(YEAR, Long.MAX_VALUE)).isEqualTo(294247);
  }

  @Test
  void extractsFromATime() {
    long time = micros("1970-01-01T13:14:15.000016");
    assertThat(extractFromTime(HOUR, time)).isEqualTo(13);
    assertThat(extractFromTime(MINUTE, time)).isEqualTo(14);
    assertThat(extractFromTime(SECOND, time)).isEqualTo(15);
    assertThat(extractFromTime(MICROSECOND, time)).isEqualTo(15_000_016);
    assertThat(extractFromTime(EPOCH, time)).isEqualTo(13 * 3600 + 14 * 60 + 15);
    assertThatThrownBy(() -> extractFromTime(YEAR, time))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION));
  }

  @Test
  void addMonthsClampsToTheEndOfTheMonth() {
    assertThat(addMonthsToDate(day("2024-01-31"), 1)).isEqualTo(day("2024-02-29"));
    assertThat(addMonthsToDate(day("2023-01-31"), 1)).isEqualTo(day("2023-02-28"));
    assertThat(addMonthsToDate(day("2024-03-31"), -1)).isEqualTo(day("2024-02-29"));
    assertThat(addMonthsToDate(day("2024-02-29"), 12)).isEqualTo(day("2025-02-28"));
    assertThat(addMonthsToDate(day("2024-01-15"), -13)).isEqualTo(day("2022-12-15"));
    assertThat(addMonthsToDate(day("2024-01-15"), 0)).isEqualTo(day("2024-01-15"));
    assertThat(addMonthsToDate(day("1970-01-01"), -1)).isEqualTo(day("1969-12-01"));
    for (long d = day("1999-01-01"); d < day("2001-01-01"); d += 7) {
      for (int months = -30; months <= 30; months += 7) {
        assertThat(addMonthsToDate(d, months))
            .isEqualTo(LocalDate.ofEpochDay(d).plusMonths(months).toEpochDay());
      }
    }
  }

  @Test
  void addMonthsKeepsTheTimeOfDay() {
    assertThat(addMonthsToTimestamp(micros("2024-01-31T12:34:56.789"), 1))
        .isEqualTo(micros("2024-02-29T12:34:56.789"));
    assertThat(addMonthsToTimestamp(micros("1969-12-31T23:00:00"), 2))
        .isEqualTo(micros("1970-02-28T23:00:00"));
  }

  @Test
  void addMonthsOutOfRangeIsAnExecutionError() {
    assertThatThrownBy(() -> addMonthsToDate(0, Long.MAX_VALUE))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("date out of range");
    assertThatThrownBy(() -> addMonthsToDate(0, 1_000_000_000L))
        .hasMessage("date out of range");
    assertThatThrownBy(() -> addMonthsToTimestamp(0, 12L * 300_000))
        .hasMessage("timestamp out of range");
  }

  @Test
  void dateAndTimestampConversions() {
    assertThat(dateToTimestamp(day("2024-01-05"))).isEqualTo(micros("2024-01-05T00:00:00"));
    assertThat(dateToTimestamp(-1)).isEqualTo(-MICROS_PER_DAY);
    assertThat(timestampToDate(micros("2024-01-05T23:59:59.999999"))).isEqualTo(day("2024-01-05"));
    assertThat(timestampToDate(-1)).isEqualTo(-1);
    assertThat(timestampToDate(Long.MIN_VALUE)).isEqualTo(Math.floorDiv(Long.MIN_VALUE,
        MICROS_PER_DAY));
    assertThatThrownBy(() -> dateToTimestamp(200_000_000L))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("timestamp out of range");
  }

  @Test
  void dayTimeIntervals() {
    long oneDay = 86_400_000L;
    assertThat(addMillisToDate(day("2024-02-28"), oneDay)).isEqualTo(day("2024-02-29"));
    assertThat(addMillisToDate(day("2024-02-28"), 3 * oneDay)).isEqualTo(day("2024-03-02"));
    assertThat(addMillisToDate(day("2024-02-28"), -3_600_000L)).isEqualTo(day("2024-02-27"));
    assertThat(addMillisToDate(day("2024-02-28"), 3_600_000L)).isEqualTo(day("2024-02-28"));
    assertThat(addMillisToDateAsTimestamp(day("2024-02-28"), 3_600_000L))
        .isEqualTo(micros("2024-02-28T01:00:00"));
    assertThat(addMillisToTimestamp(micros("2024-02-28T23:30:00"), 3_600_000L))
        .isEqualTo(micros("2024-02-29T00:30:00"));
    assertThat(addMillisToTime(micros("1970-01-01T23:30:00"), 3_600_000L))
        .isEqualTo(micros("1970-01-01T00:30:00"));
    assertThat(addMillisToTime(micros("1970-01-01T00:30:00"), -3_600_000L))
        .isEqualTo(micros("1970-01-01T23:30:00"));
    assertThatThrownBy(() -> addMillisToTimestamp(Long.MAX_VALUE - 10, 1))
        .hasMessage("timestamp out of range");
    assertThatThrownBy(() -> addMillisToTimestamp(0, Long.MAX_VALUE / 10))
        .hasMessage("timestamp out of range");
  }

  @Test
  void differences() {
    assertThat(daysBetween(day("2024-01-01"), day("2024-03-01"))).isEqualTo(60);
    assertThat(daysBetween(day("2024-03-01"), day("2024-01-01"))).isEqualTo(-60);
    assertThat(millisBetween(micros("2024-01-01T00:00:00"), micros("2024-01-01T00:00:01.5")))
        .isEqualTo(1500);
    assertThatThrownBy(() -> millisBetween(Long.MIN_VALUE, Long.MAX_VALUE))
        .hasMessage("interval out of range");
  }

  @Test
  void truncation() {
    long d = day("2024-08-17"); // a Saturday
    assertThat(truncateDate(YEAR, d)).isEqualTo(day("2024-01-01"));
    assertThat(truncateDate(QUARTER, d)).isEqualTo(day("2024-07-01"));
    assertThat(truncateDate(MONTH, d)).isEqualTo(day("2024-08-01"));
    assertThat(truncateDate(WEEK, d)).isEqualTo(day("2024-08-12")); // Monday
    assertThat(truncateDate(DAY, d)).isEqualTo(d);
    assertThat(truncateDate(DECADE, d)).isEqualTo(day("2020-01-01"));
    assertThat(truncateDate(CENTURY, d)).isEqualTo(day("2001-01-01"));
    assertThat(truncateDate(MILLENNIUM, d)).isEqualTo(day("2001-01-01"));
    long t = micros("2024-08-17T13:14:15.123456");
    assertThat(truncateTimestamp(HOUR, t)).isEqualTo(micros("2024-08-17T13:00:00"));
    assertThat(truncateTimestamp(MINUTE, t)).isEqualTo(micros("2024-08-17T13:14:00"));
    assertThat(truncateTimestamp(SECOND, t)).isEqualTo(micros("2024-08-17T13:14:15"));
    assertThat(truncateTimestamp(MILLISECOND, t)).isEqualTo(micros("2024-08-17T13:14:15.123"));
    assertThat(truncateTimestamp(MONTH, t)).isEqualTo(micros("2024-08-01T00:00:00"));
    assertThat(truncateTimestamp(HOUR, micros("1969-12-31T23:30:00")))
        .isEqualTo(micros("1969-12-31T23:00:00"));
  }

  @Test
  void calendarHelpers() {
    assertThat(daysInMonth(2024, 2)).isEqualTo(29);
    assertThat(daysInMonth(2023, 2)).isEqualTo(28);
    assertThat(daysInMonth(1900, 2)).isEqualTo(28);
    assertThat(daysInMonth(2000, 2)).isEqualTo(29);
    assertThat(daysInMonth(2024, 4)).isEqualTo(30);
    assertThat(isValidDate(2024, 2, 29)).isTrue();
    assertThat(isValidDate(2023, 2, 29)).isFalse();
    assertThat(isValidDate(2023, 13, 1)).isFalse();
    assertThat(isValidDate(2023, 1, 0)).isFalse();
    assertThat(ChronoUnit.DAYS.between(LocalDate.of(1970, 1, 1), LocalDate.of(2000, 3, 1)))
        .isEqualTo(daysFromCivil(2000, 3, 1));
  }
}
