package io.quiver.udf.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;

/**
 * Which state of a versioned table a query reads: a commit version ({@code VERSION AS OF 3}) or
 * a point in time ({@code TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00'}, read as UTC), handed
 * to {@link TableSource#asOf(TimeTravel)}. Exactly one of the two is set.
 *
 * @param version the version, or -1 when {@code timestamp} is set
 * @param timestamp the instant, or null when {@code version} is set
 */
public record TimeTravel(long version, Instant timestamp) {

  public TimeTravel {
    if ((timestamp == null) == (version < 0)) {
      throw new QuiverException(ErrorKind.INTERNAL, "a time travel needs a version (>= 0) or a"
          + " timestamp, not " + (timestamp == null ? "neither" : "both") + " (a bug)");
    }
  }

  /** The table as of commit {@code version} (non-negative). */
  public static TimeTravel toVersion(long version) {
    if (version < 0) {
      throw new QuiverException(ErrorKind.DATA,
          "VERSION AS OF needs a non-negative version, got " + version);
    }
    return new TimeTravel(version, null);
  }

  /** The table as of the last commit at or before {@code timestamp}. */
  public static TimeTravel toTimestamp(Instant timestamp) {
    return new TimeTravel(-1, Objects.requireNonNull(timestamp, "timestamp is null"));
  }

  /**
   * The table as of the time {@code text} gives: an ISO-8601 instant
   * ({@code 2024-01-01T00:00:00Z}), a date-time with an offset ({@code 2024-01-01T01:00+01:00}),
   * or a date-time ({@code T} or a space between date and time) or a date without one, read as
   * UTC.
   *
   * @throws QuiverException DATA when the text is none of these
   */
  public static TimeTravel toTimestamp(String text) {
    String value = Objects.requireNonNull(text, "text is null").strip();
    Instant instant = null;
    try {
      if (value.length() > 10 && value.charAt(10) == ' ') {
        value = value.substring(0, 10) + 'T' + value.substring(11);
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value,
          OffsetDateTime::from, LocalDateTime::from);
      instant = parsed instanceof OffsetDateTime offset ? offset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDateTime) {
      try {
        instant = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new QuiverException(ErrorKind.DATA, "'" + text + "' is not a timestamp: write"
            + " TIMESTAMP '2024-01-01 00:00:00' (UTC) or '2024-01-01T00:00:00Z'", notDate);
      }
    }
    return toTimestamp(instant);
  }

  /** True for {@code VERSION AS OF}, false for {@code TIMESTAMP AS OF}. */
  public boolean isVersion() {
    return timestamp == null;
  }

  /** The clause as SQL writes it: {@code VERSION AS OF 3}, {@code TIMESTAMP AS OF '...Z'}. */
  public String describe() {
    return isVersion() ? "VERSION AS OF " + version : "TIMESTAMP AS OF '" + timestamp + "'";
  }
}
