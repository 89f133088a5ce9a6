package io.quiver.engine.expr.runtime;

/**
 * Date and time arithmetic on the engine's encodings: DATE as days since 1970-01-01, TIMESTAMP
 * as microseconds since 1970-01-01 00:00:00 (no time zone), TIME as microseconds of the day,
 * day-time INTERVAL in milliseconds, year-month INTERVAL in months. The calendar is the
 * proleptic Gregorian one with a year 0 (astronomical numbering: year 0 is 1 BC), so
 * {@code EXTRACT(YEAR FROM DATE '0001-12-31 (BC)')} is 0 as in DuckDB (PostgreSQL says -1).
 *
 * <p>Year, month and day come from integer civil-from-days arithmetic: no java.time objects and
 * no allocation on the hot path.
 */
public final class DateTimes {
  /** Unit: the year. */
  public static final int YEAR = 0;
  /** Unit: the quarter, 1 to 4. */
  public static final int QUARTER = 1;
  /** Unit: the month, 1 to 12. */
  public static final int MONTH = 2;
  /** Unit: the ISO 8601 week number, 1 to 53 (weeks start on Monday). */
  public static final int WEEK = 3;
  /** Unit: the day of the month, 1 to 31. */
  public static final int DAY = 4;
  /** Unit: the day of the week, Sunday = 0 to Saturday = 6 (PostgreSQL dow). */
  public static final int DAY_OF_WEEK = 5;
  /** Unit: the ISO day of the week, Monday = 1 to Sunday = 7. */
  public static final int ISO_DAY_OF_WEEK = 6;
  /** Unit: the day of the year, 1 to 366. */
  public static final int DAY_OF_YEAR = 7;
  /** Unit: the hour, 0 to 23. */
  public static final int HOUR = 8;
  /** Unit: the minute, 0 to 59. */
  public static final int MINUTE = 9;
  /** Unit: the whole seconds, 0 to 59 (DuckDB; PostgreSQL includes the fraction). */
  public static final int SECOND = 10;
  /** Unit: the seconds in milliseconds including the fraction, 0 to 59999 (as DuckDB). */
  public static final int MILLISECOND = 11;
  /** Unit: the seconds in microseconds including the fraction, 0 to 59999999 (as DuckDB). */
  public static final int MICROSECOND = 12;
  /** Unit: whole seconds since 1970-01-01 00:00:00, rounded down. */
  public static final int EPOCH = 13;
  /** Unit: the decade: year / 10 truncated toward zero (DuckDB). */
  public static final int DECADE = 14;
  /** Unit: the century (the 21st century starts in 2001). */
  public static final int CENTURY = 15;
  /** Unit: the millennium (the 3rd millennium starts in 2001). */
  public static final int MILLENNIUM = 16;
  /** Unit: the ISO 8601 week-numbering year. */
  public static final int ISO_YEAR = 17;

  /** Microseconds per day. */
  public static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Milliseconds per day. */
  public static final long MILLIS_PER_DAY = 86_400_000L;
  /** Microseconds per second. */
  public static final long MICROS_PER_SECOND = 1_000_000L;

  private DateTimes() {}

  // ---------------------------------------------------------------- civil calendar

  /**
   * The epoch day of a civil date (proleptic Gregorian, year 0 = 1 BC). Month and day must be
   * valid; {@link #isValidDate} checks them.
   */
  public static long daysFromCivil(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400; // [0, 399]
    int shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1; // [0, 365]
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear; // [0, 146096]
    return era * 146_097 + dayOfEra - 719_468;
  }

  /** Days from 0000-03-01 to 1970-01-01: shifts epoch days so that years start in March. */
  private static final int SHIFT = 719_468;

  /**
   * Whether the int-only fast path applies: from 0000-03-01 to beyond year 1,000,000, which
   * covers every DATE a query meets in practice.
   */
  private static boolean isFastRange(long epochDay) {
    return epochDay >= -SHIFT && epochDay <= 500_000_000L;
  }

  /*
   * The fast path counts days n from 0000-03-01 and splits them with "Euclidean affine"
   * multiplications instead of divisions by 365/1461/36524 (the method of Neri and Schneider,
   * "Euclidean affine functions and their application to calendar algorithms", 2022):
   * 4n+3 = 146097c + r gives the century c; 2939745 * (4(r/4)+3) gives the year of the century in
   * its upper 32 bits and the day of the (March-based) year in its lower bits.
   */

  /** The March-based day of year (0 = March 1st) on the fast path. */
  private static int fastMarchDayOfYear(long epochDay) {
    int n = (int) epochDay + SHIFT;
    int centuryDay = ((4 * n + 3) % 146_097) >>> 2;
    long product = 2_939_745L * (4 * centuryDay + 3);
    return (int) ((product & 0xFFFFFFFFL) / 11_758_980L); // 2939745 * 4
  }

  /** The year of an epoch day. */
  public static long yearOf(long epochDay) {
    if (isFastRange(epochDay)) {
      int n1 = 4 * ((int) epochDay + SHIFT) + 3;
      int century = n1 / 146_097;
      int centuryDay = (n1 % 146_097) >>> 2;
      long product = 2_939_745L * (4 * centuryDay + 3);
      int year = 100 * century + (int) (product >>> 32);
      int dayOfYear = (int) ((product & 0xFFFFFFFFL) / 11_758_980L);
      // the March-based year ends in February: day 306 onwards is January or February
      return dayOfYear >= 306 ? year + 1 : year;
    }
    long z = epochDay + SHIFT;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    return yearOfEra + era * 400 + (dayOfYear >= 306 ? 1 : 0);
  }

  /** The day of the March-based year (0 = March 1st) of an epoch day. */
  private static int marchDayOfYear(long epochDay) {
    if (isFastRange(epochDay)) {
      return fastMarchDayOfYear(epochDay);
    }
    long z = epochDay + SHIFT;
    long dayOfEra = Math.floorMod(z, 146_097);
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    return (int) (dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100));
  }

  /** The month (1 to 12) of an epoch day. */
  public static int monthOf(long epochDay) {
    // 2141 * day + 197913: the March-based month in the upper 16 bits (March = 3)
    int month = (2141 * marchDayOfYear(epochDay) + 197_913) >>> 16;
    return month > 12 ? month - 12 : month;
  }

  /** The day of the month (1 to 31) of an epoch day. */
  public static int dayOfMonthOf(long epochDay) {
    return (((2141 * marchDayOfYear(epochDay) + 197_913) & 0xFFFF) / 2141) + 1;
  }

  /** Whether {@code year} is a leap year in the proleptic Gregorian calendar. */
  public static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** The number of days in a month. */
  public static int daysInMonth(long year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Whether year-month-day is a real date. */
  public static boolean isValidDate(long year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  }

  // ---------------------------------------------------------------- extract

  /**
   * {@code EXTRACT(unit FROM date)}. Time units (HOUR to MICROSECOND) are 0, as for midnight
   * (PostgreSQL); EPOCH is the seconds at midnight.
   */
  public static long extractFromDate(int unit, long epochDay) {
    switch (unit) {
      case YEAR:
        return yearOf(epochDay);
      case MONTH:
        return monthOf(epochDay);
      case DAY:
        return dayOfMonthOf(epochDay);
      case QUARTER:
        return (monthOf(epochDay) + 2) / 3;
      case DAY_OF_WEEK:
        return Math.floorMod(epochDay + 4, 7);
      case ISO_DAY_OF_WEEK:
        return Math.floorMod(epochDay + 3, 7) + 1;
      case DAY_OF_YEAR:
        return epochDay - daysFromCivil(yearOf(epochDay), 1, 1) + 1;
      case WEEK:
        return isoWeek(epochDay);
      case ISO_YEAR:
        return isoYear(epochDay);
      case HOUR:
      case MINUTE:
      case SECOND:
      case MILLISECOND:
      case MICROSECOND:
        return 0;
      case EPOCH:
        return Math.multiplyExact(epochDay, 86_400L);
      case DECADE:
        return yearOf(epochDay) / 10;
      case CENTURY:
        return century(yearOf(epochDay));
      case MILLENNIUM:
        return millennium(yearOf(epochDay));
      default:
        throw new IllegalArgumentException("unknown date part " + unit);
    }
  }

  /** {@code EXTRACT(unit FROM timestamp)}. */
  public static long extractFromTimestamp(int unit, long epochMicros) {
    long microsOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
    switch (unit) {
      case HOUR:
        return microsOfDay / 3_600_000_000L;
      case MINUTE:
        return microsOfDay / 60_000_000L % 60;
      case SECOND:
        return microsOfDay / MICROS_PER_SECOND % 60;
      case MILLISECOND:
        return microsOfDay % 60_000_000L / 1000;
      case MICROSECOND:
        return microsOfDay % 60_000_000L;
      case EPOCH:
        return Math.floorDiv(epochMicros, MICROS_PER_SECOND);
      default:
        return extractFromDate(unit, Math.floorDiv(epochMicros, MICROS_PER_DAY));
    }
  }

  /**
   * {@code EXTRACT(EPOCH FROM timestamp)} as DuckDB returns it: seconds since 1970 as a double
   * with the fraction ({@code -0.5} for 1969-12-31 23:59:59.5).
   */
  public static double epochSeconds(long epochMicros) {
    return epochMicros / 1e6;
  }

  /** {@code EXTRACT(unit FROM time)}: HOUR to MICROSECOND and EPOCH (seconds of the day). */
  public static long extractFromTime(int unit, long microsOfDay) {
    switch (unit) {
      case HOUR:
      case MINUTE:
      case SECOND:
      case MILLISECOND:
      case MICROSECOND:
      case EPOCH:
        return extractFromTimestamp(unit, microsOfDay);
      default:
        throw RuntimeErrors.execution("unit is not valid for TIME values");
    }
  }

  private static long century(long year) {
    return year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
  }

  private static long millennium(long year) {
    return year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
  }

  /** The ISO week-numbering year of an epoch day. */
  static long isoYear(long epochDay) {
    long year = yearOf(epochDay);
    long week = rawIsoWeek(epochDay, year);
    if (week < 1) {
      return year - 1;
    }
    if (week > isoWeeksInYear(year)) {
      return year + 1;
    }
    return year;
  }

  /** The ISO week number of an epoch day. */
  static long isoWeek(long epochDay) {
    long year = yearOf(epochDay);
    long week = rawIsoWeek(epochDay, year);
    if (week < 1) {
      return isoWeeksInYear(year - 1);
    }
    if (week > isoWeeksInYear(year)) {
      return 1;
    }
    return week;
  }

  private static long rawIsoWeek(long epochDay, long year) {
    long dayOfYear = epochDay - daysFromCivil(year, 1, 1) + 1;
    long isoDayOfWeek = Math.floorMod(epochDay + 3, 7) + 1;
    return Math.floorDiv(dayOfYear - isoDayOfWeek + 10, 7);
  }

  private static long isoWeeksInYear(long year) {
    long januaryFirst = Math.floorMod(daysFromCivil(year, 1, 1) + 3, 7) + 1; // ISO dow
    if (januaryFirst == 4 || (januaryFirst == 3 && isLeapYear(year))) {
      return 53;
    }
    return 52;
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * {@code date + months} with month-end clamping: 2024-01-31 + 1 month = 2024-02-29.
   */
  public static long addMonthsToDate(long epochDay, long months) {
    if (months == 0) {
      return epochDay;
    }
    long year = yearOf(epochDay);
    int month = monthOf(epochDay);
    int day = dayOfMonthOf(epochDay);
    long totalMonths;
    try {
      totalMonths = Math.addExact(Math.multiplyExact(year, 12L) + (month - 1), months);
    } catch (ArithmeticException overflow) {
      throw RuntimeErrors.execution("date out of range");
    }
    long newYear = Math.floorDiv(totalMonths, 12);
    int newMonth = (int) Math.floorMod(totalMonths, 12) + 1;
    if (newYear > 5_000_000 || newYear < -5_000_000) {
      throw RuntimeErrors.execution("date out of range");
    }
    int newDay = Math.min(day, daysInMonth(newYear, newMonth));
    return daysFromCivil(newYear, newMonth, newDay);
  }

  /** {@code timestamp + months} with month-end clamping; the time of day is kept. */
  public static long addMonthsToTimestamp(long epochMicros, long months) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long microsOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
    long midnight = dateToTimestamp(addMonthsToDate(day, months));
    long result = midnight + microsOfDay;
    if (result < midnight) {
      throw RuntimeErrors.execution("timestamp out of range");
    }
    return result;
  }

  /** The timestamp at midnight of a date; EXECUTION "timestamp out of range" on overflow. */
  public static long dateToTimestamp(long epochDay) {
    long high = Math.multiplyHigh(epochDay, MICROS_PER_DAY);
    long micros = epochDay * MICROS_PER_DAY;
    if (high != (micros >> 63)) {
      throw RuntimeErrors.execution("timestamp out of range");
    }
    return micros;
  }

  /** The date of a timestamp (rounded down, so times before 1970 stay on their day). */
  public static long timestampToDate(long epochMicros) {
    return Math.floorDiv(epochMicros, MICROS_PER_DAY);
  }

  /**
   * {@code date + day-time interval} with a DATE result: the interval's whole days are added and
   * a part of a day is dropped (rounded down, so {@code date - INTERVAL '1' HOUR} is the day
   * before). Use this when the planner types the sum as DATE (Calcite does for whole-day
   * intervals); use {@link #addMillisToDateAsTimestamp} for a TIMESTAMP result (PostgreSQL and
   * DuckDB type {@code date + interval} as TIMESTAMP).
   */
  public static long addMillisToDate(long epochDay, long millis) {
    try {
      return Math.addExact(epochDay, Math.floorDiv(millis, MILLIS_PER_DAY));
    } catch (ArithmeticException overflow) {
      throw RuntimeErrors.execution("date out of range");
    }
  }

  /** {@code date + day-time interval} with a TIMESTAMP result (PostgreSQL and DuckDB). */
  public static long addMillisToDateAsTimestamp(long epochDay, long millis) {
    return addMillisToTimestamp(dateToTimestamp(epochDay), millis);
  }

  /** {@code timestamp + day-time interval}; EXECUTION "timestamp out of range" on overflow. */
  public static long addMillisToTimestamp(long micros, long millis) {
    long high = Math.multiplyHigh(millis, 1000L);
    long delta = millis * 1000L;
    long sum = micros + delta;
    if (high != (delta >> 63) || ((micros ^ sum) & (delta ^ sum)) < 0) {
      throw RuntimeErrors.execution("timestamp out of range");
    }
    return sum;
  }

  /** {@code time + day-time interval}, wrapping around midnight (PostgreSQL and DuckDB). */
  public static long addMillisToTime(long microsOfDay, long millis) {
    long delta = Math.floorMod(millis, MILLIS_PER_DAY) * 1000L;
    return Math.floorMod(microsOfDay + delta, MICROS_PER_DAY);
  }

  /** {@code end - start} for dates: the number of days (PostgreSQL's date - date). */
  public static long daysBetween(long startEpochDay, long endEpochDay) {
    return Math.subtractExact(endEpochDay, startEpochDay);
  }

  /** {@code end - start} for timestamps as a day-time interval in milliseconds (rounded down). */
  public static long millisBetween(long startMicros, long endMicros) {
    long difference = endMicros - startMicros;
    if (((endMicros ^ startMicros) & (endMicros ^ difference)) < 0) {
      throw RuntimeErrors.execution("interval out of range");
    }
    return Math.floorDiv(difference, 1000L);
  }

  // ---------------------------------------------------------------- truncation

  /**
   * {@code DATE_TRUNC(unit, date)} as a date: YEAR, QUARTER, MONTH, WEEK (Monday), DAY, DECADE,
   * CENTURY, MILLENNIUM; finer units return the date itself.
   */
  public static long truncateDate(int unit, long epochDay) {
    switch (unit) {
      case YEAR:
        return daysFromCivil(yearOf(epochDay), 1, 1);
      case QUARTER: {
        int month = monthOf(epochDay);
        return daysFromCivil(yearOf(epochDay), month - (month - 1) % 3, 1);
      }
      case MONTH:
        return daysFromCivil(yearOf(epochDay), monthOf(epochDay), 1);
      case WEEK:
        return epochDay - Math.floorMod(epochDay + 3, 7);
      case DECADE:
        return daysFromCivil(Math.floorDiv(yearOf(epochDay), 10) * 10, 1, 1);
      case CENTURY:
        return daysFromCivil((century(yearOf(epochDay)) - 1) * 100 + 1, 1, 1);
      case MILLENNIUM:
        return daysFromCivil((millennium(yearOf(epochDay)) - 1) * 1000 + 1, 1, 1);
      default:
        return epochDay;
    }
  }

  /** {@code DATE_TRUNC(unit, timestamp)}. */
  public static long truncateTimestamp(int unit, long epochMicros) {
    switch (unit) {
      case HOUR:
        return Math.floorDiv(epochMicros, 3_600_000_000L) * 3_600_000_000L;
      case MINUTE:
        return Math.floorDiv(epochMicros, 60_000_000L) * 60_000_000L;
      case SECOND:
        return Math.floorDiv(epochMicros, MICROS_PER_SECOND) * MICROS_PER_SECOND;
      case MILLISECOND:
        return Math.floorDiv(epochMicros, 1000L) * 1000L;
      case MICROSECOND:
        return epochMicros;
      default:
        return dateToTimestamp(truncateDate(unit, Math.floorDiv(epochMicros, MICROS_PER_DAY)));
    }
  }
}
