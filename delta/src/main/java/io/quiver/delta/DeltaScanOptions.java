package io.quiver.delta;

import com.fasterxml.jackson.databind.JsonNode;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The options of {@code delta_scan(table_uri, options_json)} (the README's table documents each
 * key): which snapshot ({@code version} or {@code timestamp}, never both), the table
 * ({@code table_uri}), storage ({@code storage_options}: local file system only, so every key is
 * UNSUPPORTED), which data files ({@code files}), what the table's protocol must offer
 * ({@code min_reader_version}, {@code min_writer_version}, {@code required_reader_features},
 * {@code required_writer_features}) and how to scan ({@code scan_config},
 * {@link DeltaScanConfigParser}). An unknown key (the message lists the known ones), a wrong
 * type, JSON that does not parse, or version and timestamp together is a DATA error.
 *
 * @param version the version to read, or null
 * @param timestampMillis the time to read the table as of (milliseconds since the epoch), or
 *     null
 * @param timestampText the timestamp as given, for messages
 * @param tableUri the table URI the options name, or null
 * @param storageOptions the storage options (checked by {@link #checkStorageOptions()})
 * @param files the data files to read (relative to the table root or absolute), or null for
 *     every active file
 * @param minReaderVersion the lowest reader version the table's protocol must have, or null
 * @param minWriterVersion the lowest writer version the table's protocol must have, or null
 * @param requiredReaderFeatures reader features the table's protocol must list
 * @param requiredWriterFeatures writer features the table's protocol must list
 * @param scanConfig the scan config ({@link DeltaScanConfig#DEFAULT} when not given)
 */
public record DeltaScanOptions(Long version, Long timestampMillis, String timestampText,
    String tableUri, Map<String, String> storageOptions, List<String> files,
    Integer minReaderVersion, Integer minWriterVersion, List<String> requiredReaderFeatures,
    List<String> requiredWriterFeatures, DeltaScanConfig scanConfig) {
  /** Every key {@code delta_scan} accepts. */
  public static final List<String> KEYS = List.of("table_uri", "version", "timestamp",
      "storage_options", "files", "min_reader_version", "min_writer_version",
      "required_reader_features", "required_writer_features", "scan_config");

  public DeltaScanOptions {
    storageOptions = Map.copyOf(storageOptions);
    files = files == null ? null : List.copyOf(files);
    requiredReaderFeatures = List.copyOf(requiredReaderFeatures);
    requiredWriterFeatures = List.copyOf(requiredWriterFeatures);
    Objects.requireNonNull(scanConfig, "scanConfig is null");
  }

  /** Only a version or a timestamp (or neither); every other option at its default. */
  public DeltaScanOptions(Long version, Long timestampMillis, String timestampText) {
    this(version, timestampMillis, timestampText, null, Map.of(), null, null, null, List.of(),
        List.of(), DeltaScanConfig.DEFAULT);
  }

  /** No options: the latest snapshot. */
  public static DeltaScanOptions latest() {
    return new DeltaScanOptions(null, null, null);
  }

  /** Parses the options JSON text (null or blank: no options). */
  public static DeltaScanOptions parse(String json) {
    if (json == null || json.isBlank()) {
      return latest();
    }
    JsonNode root = DeltaJson.read(json, "delta_scan options");
    if (!root.isObject()) {
      throw new QuiverException(ErrorKind.DATA,
          "delta_scan options must be a JSON object, for example {\"version\": 3}");
    }
    Long version = null;
    Long timestamp = null;
    String text = null;
    String tableUri = null;
    Map<String, String> storage = Map.of();
    List<String> files = null;
    Integer minReader = null;
    Integer minWriter = null;
    List<String> readerFeatures = List.of();
    List<String> writerFeatures = List.of();
    DeltaScanConfig scanConfig = DeltaScanConfig.DEFAULT;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      String key = "delta_scan option " + entry.getKey();
      switch (entry.getKey()) {
        case "version":
          if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw DeltaJson.wrongType(key, "a non-negative integer", value);
          }
          version = value.asLong();
          break;
        case "timestamp":
          if (!value.isTextual()) {
            throw DeltaJson.wrongType(key, "text such as \"2024-01-01T00:00:00Z\"", value);
          }
          text = value.asText();
          timestamp = parseTimestamp(text);
          break;
        case "table_uri":
          tableUri = DeltaJson.text(value, key);
          break;
        case "storage_options":
          storage = strings(value, key);
          break;
        case "files":
          files = DeltaJson.texts(value, key);
          for (String file : files) {
            if (file.isBlank()) {
              throw new QuiverException(ErrorKind.DATA, key + " holds an empty path");
            }
          }
          break;
        case "min_reader_version":
          minReader = DeltaJson.count(value, key);
          break;
        case "min_writer_version":
          minWriter = DeltaJson.count(value, key);
          break;
        case "required_reader_features":
          readerFeatures = DeltaJson.texts(value, key);
          break;
        case "required_writer_features":
          writerFeatures = DeltaJson.texts(value, key);
          break;
        case "scan_config":
          scanConfig = DeltaScanConfigParser.parse(value);
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
    return new DeltaScanOptions(version, timestamp, text, tableUri, storage, files, minReader,
        minWriter, readerFeatures, writerFeatures, scanConfig);
  }

  private static Map<String, String> strings(JsonNode value, String key) {
    if (!value.isObject()) {
      throw DeltaJson.wrongType(key, "an object of strings", value);
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      result.put(entry.getKey(), DeltaJson.text(entry.getValue(), key + "." + entry.getKey()));
    }
    return result;
  }

  /**
   * Checks {@code storage_options}: only the local file system is read, so no key is accepted
   * (each would select or configure another store: credentials, endpoints, regions) and any
   * is UNSUPPORTED; an empty object is fine.
   */
  public void checkStorageOptions() {
    if (!storageOptions.isEmpty()) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "storage option '"
          + new TreeSet<>(storageOptions.keySet()).first() + "' is not supported: delta_scan"
          + " reads only the local file system for now, which takes no storage options (give"
          + " {} or leave storage_options out)");
    }
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
