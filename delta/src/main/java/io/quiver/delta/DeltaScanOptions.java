package io.quiver.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code delta_scan(table_uri, options_json)}: {@code version} (a commit version,
 * a non-negative integer) or {@code timestamp} (text: an ISO-8601 instant such as
 * {@code 2024-01-01T00:00:00Z}, a date-time with an offset, or a date-time or date without one,
 * read as UTC), never both. An unknown key, a wrong type or both keys together is a DATA error.
 *
 * @param version the version to read, or null
 * @param timestampMillis the time to read the table as of (milliseconds since the epoch), or
 *     null
 * @param timestampText the timestamp as given, for messages
 */
public record DeltaScanOptions(Long version, Long timestampMillis, String timestampText) {
  /** Every key {@code delta_scan} accepts. */
  public static final List<String> KEYS = List.of("version", "timestamp");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** No options: the latest snapshot. */
  public static DeltaScanOptions latest() {
    return new DeltaScanOptions(null, null, null);
  }

  /** Parses the options JSON text (null or blank: no options). */
  public static DeltaScanOptions parse(String json) {
    if (json == null || json.isBlank()) {
      return latest();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new QuiverException(ErrorKind.DATA, "delta_scan options are not valid JSON: "
          + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new QuiverException(ErrorKind.DATA,
          "delta_scan options must be a JSON object, for example {\"version\": 3}");
    }
    Long version = null;
    Long timestamp = null;
    String text = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "version":
          if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new QuiverException(ErrorKind.DATA, "delta_scan option version must be a"
                + " non-negative integer, got " + value);
          }
          version = value.asLong();
          break;
        case "timestamp":
          if (!value.isTextual()) {
            throw new QuiverException(ErrorKind.DATA, "delta_scan option timestamp must be"
                + " text such as \"2024-01-01T00:00:00Z\", got " + value);
          }
          text = value.asText();
          timestamp = parseTimestamp(text);
          break;
        default:
          throw new QuiverException(ErrorKind.DATA, "unknown delta_scan option '"
              + entry.getKey() + "'; known options: " + KEYS);
      }
    }
    if (version != null && timestamp != null) {
      throw new QuiverException(ErrorKind.DATA, "delta_scan options version and timestamp"
          + " cannot be given together: choose one");
    }
    return new DeltaScanOptions(version, timestamp, text);
  }

  /** Milliseconds since the epoch of an ISO-8601 timestamp (no offset: UTC). */
  static long parseTimestamp(String text) {
    String value = text.trim();
    try {
      return Instant.parse(value).toEpochMilli();
    } catch (DateTimeParseException ignored) {
      // not an instant with Z
    }
    try {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException ignored) {
      // no offset
    }
    try {
      return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException ignored) {
      // no time
    }
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new QuiverException(ErrorKind.DATA, "delta_scan option timestamp '" + text
          + "' is not an ISO-8601 timestamp such as 2024-01-01T00:00:00Z", e);
    }
  }

  /** What the options select, for messages and context: "version 3", "latest version". */
  public String describe() {
    if (version != null) {
      return "version " + version;
    }
    if (timestampText != null) {
      return "timestamp " + timestampText;
    }
    return "latest version";
  }
}
