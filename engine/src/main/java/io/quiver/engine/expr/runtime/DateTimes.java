package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Date and timestamp arithmetic on epoch days and epoch microseconds (no time zone), with the
 * civil-from-days conversion for the common fields so that EXTRACT allocates nothing.
 */
public final class DateTimes {
  public static final int YEAR = 0;
  public static final int QUARTER = 1;
  public static final int MONTH = 2;
  public static final int WEEK = 3;
  public static final int DAY = 4;
  public static final int DAY_OF_WEEK = 5;
  public static final int ISO_DAY_OF_WEEK = 6;
  public static final int DAY_OF_YEAR = 7;
  public static final int HOUR = 8;
  public static final int MINUTE = 9;
  public static final int SECOND = 10;
  public static final int MILLISECOND = 11;
  public static final int MICROSECOND = 12;
  public static final int EPOCH = 13;
  public static final int DECADE = 14;
  public static final int CENTURY = 15;
  public static final int MILLENNIUM = 16;
  public static final int ISO_YEAR = 17;

  static final long MICROS_PER_DAY = 86_400_000_000L;

  private DateTimes() {}

  /** Year, month and day of an epoch day packed as year * 10000 + month * 100 + day. */
  static long civil(long epochDay) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long dayOfEra = z - era * 146097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long year = yearOfEra + era * 400;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    if (month <= 2) {
      year++;
    }
    return year * 10000 + month * 100 + day;
  }

  static long daysFromCivil(long year, long month, long day) {
    year -= month <= 2 ? 1 : 0;
    long era = Math.floorDiv(year, 400);
    long yearOfEra = year - era * 400;
    long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  static boolean isLeap(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  static int daysInMonth(long year, long month) {
    switch ((int) month) {
      case 2: return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  public static long extractFromDate(int unit, long epochDay) {
    long civil = civil(epochDay);
    long year = civil / 10000;
    long month = (civil / 100) % 100;
    long day = civil % 100;
    switch (unit) {
      case YEAR: return year;
      case QUARTER: return (month - 1) / 3 + 1;
      case MONTH: return month;
      case DAY: return day;
      case DAY_OF_WEEK: return Math.floorMod(epochDay + 4, 7);
      case ISO_DAY_OF_WEEK: return Math.floorMod(epochDay + 3, 7) + 1;
      case DAY_OF_YEAR: return epochDay - daysFromCivil(year, 1, 1) + 1;
      case WEEK: return LocalDate.ofEpochDay(epochDay).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case ISO_YEAR: return LocalDate.ofEpochDay(epochDay).get(IsoFields.WEEK_BASED_YEAR);
      case DECADE: return Math.floorDiv(year, 10);
      case CENTURY: return year > 0 ? (year + 99) / 100 : -((-year + 99) / 100);
      case MILLENNIUM: return year > 0 ? (year + 999) / 1000 : -((-year + 999) / 1000);
      case EPOCH: return epochDay * 86400L;
      case HOUR: case MINUTE: case SECOND: case MILLISECOND: case MICROSECOND: return 0;
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED, "EXTRACT unit " + unit);
    }
  }

  public static long extractFromTimestamp(int unit, long epochMicros) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long micros = Math.floorMod(epochMicros, MICROS_PER_DAY);
    switch (unit) {
      case HOUR: return micros / 3_600_000_000L;
      case MINUTE: return (micros / 60_000_000L) % 60;
      case SECOND: return (micros / 1_000_000L) % 60;
      case MILLISECOND: return (micros / 1000L) % 60_000;
      case MICROSECOND: return micros % 60_000_000L;
      case EPOCH: return Math.floorDiv(epochMicros, 1_000_000L);
      default: return extractFromDate(unit, day);
    }
  }

  public static long addMonthsToDate(long epochDay, long months) {
    long civil = civil(epochDay);
    long year = civil / 10000;
    long month = (civil / 100) % 100;
    long day = civil % 100;
    long total = year * 12 + (month - 1) + months;
    long newYear = Math.floorDiv(total, 12);
    long newMonth = Math.floorMod(total, 12) + 1;
    long newDay = Math.min(day, daysInMonth(newYear, newMonth));
    return daysFromCivil(newYear, newMonth, newDay);
  }

  public static long addMonthsToTimestamp(long epochMicros, long months) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long micros = Math.floorMod(epochMicros, MICROS_PER_DAY);
    return addMonthsToDate(day, months) * MICROS_PER_DAY + micros;
  }

  public static long dateToTimestamp(long epochDay) {
    return Math.multiplyExact(epochDay, MICROS_PER_DAY);
  }

  public static long timestampToDate(long epochMicros) {
    return Math.floorDiv(epochMicros, MICROS_PER_DAY);
  }

  /**
   * DATE plus a day-time interval in milliseconds. The result stays a DATE: the interval is
   * truncated to whole days (INTERVAL '36' HOUR adds one day), as Calcite types the result.
   */
  public static long addMillisToDate(long epochDay, long millis) {
    return Math.addExact(epochDay, millis / 86_400_000L);
  }

  public static long addMillisToTimestamp(long epochMicros, long millis) {
    return Math.addExact(epochMicros, Math.multiplyExact(millis, 1000L));
  }
}
