package io.quiver.engine.source.csv;

import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.OptionType;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.text.BadRowAction;
import io.quiver.engine.source.text.Compression;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The CSV option keys and their validated values for one scan.
 *
 * @param hasHeader the first record names the columns
 * @param delimiter the byte between fields
 * @param quote the byte that encloses a field
 * @param escape the byte that escapes a quote inside a quoted field (equal to {@code quote}: a
 *     doubled quote is a quote)
 * @param comment lines starting with this byte are skipped; -1 for none
 * @param nullString an unquoted field equal to these bytes is NULL
 * @param newlinesInValues quoted fields may contain line breaks
 * @param inferMaxRecords how many records type inference reads
 * @param compression the input's compression
 * @param onBadRow what to do with a bad row
 */
public record CsvOptions(boolean hasHeader, byte delimiter, byte quote, byte escape, int comment,
    byte[] nullString, boolean newlinesInValues, long inferMaxRecords, Compression compression,
    BadRowAction onBadRow) {

  public static final String HAS_HEADER = "has_header";
  public static final String DELIMITER = "delimiter";
  public static final String QUOTE = "quote";
  public static final String ESCAPE = "escape";
  public static final String COMMENT = "comment";
  public static final String NULL_STRING = "null_string";
  public static final String NEWLINES_IN_VALUES = "newlines_in_values";
  public static final String SCHEMA_INFER_MAX_RECORDS = "schema_infer_max_records";
  public static final String COMPRESSION = "compression";
  public static final String ON_BAD_ROW = BadRowAction.KEY;

  /** The keys CSV adds to the common file options. */
  public static final List<OptionKey> KEYS = List.of(
      new OptionKey(HAS_HEADER, OptionType.BOOLEAN, true,
          "the first record holds the column names"),
      new OptionKey(DELIMITER, OptionType.STRING, ",", "the one-byte field separator"),
      new OptionKey(QUOTE, OptionType.STRING, "\"", "the one-byte quote character"),
      new OptionKey(ESCAPE, OptionType.STRING, null,
          "the one-byte character that escapes a quote inside quotes (default: the quote itself,"
              + " so a doubled quote is a quote)"),
      new OptionKey(COMMENT, OptionType.STRING, null,
          "lines starting with this one-byte character are skipped (default: none)"),
      new OptionKey(NULL_STRING, OptionType.STRING, "",
          "an unquoted field equal to this text is NULL"),
      new OptionKey(NEWLINES_IN_VALUES, OptionType.BOOLEAN, true,
          "quoted values may contain line breaks; false makes a line break inside quotes an"
              + " error at its line"),
      new OptionKey(SCHEMA_INFER_MAX_RECORDS, OptionType.INTEGER, 1000L,
          "how many records type inference reads"),
      new OptionKey(COMPRESSION, OptionType.STRING, "auto",
          "auto (by extension: .gz, .zst), none, gzip or zstd"),
      new OptionKey(ON_BAD_ROW, OptionType.STRING, "error",
          "error, skip or null: a row with the wrong field count or an unparsable value"));

  /** The defaults of every key. */
  public static CsvOptions defaults() {
    return new CsvOptions(true, (byte) ',', (byte) '"', (byte) '"', -1, new byte[0], true, 1000,
        Compression.AUTO, BadRowAction.ERROR);
  }

  /** Reads and checks the CSV keys; a missing key takes its default. */
  public static CsvOptions from(ScanOptions options) {
    CsvOptions defaults = defaults();
    boolean hasHeader = options.has(HAS_HEADER) ? options.getBoolean(HAS_HEADER)
        : defaults.hasHeader;
    byte delimiter = oneByte(options, DELIMITER, defaults.delimiter);
    byte quote = oneByte(options, QUOTE, defaults.quote);
    byte escape = options.has(ESCAPE) ? oneByte(options, ESCAPE, quote) : quote;
    int comment = options.has(COMMENT) && !options.getString(COMMENT).isEmpty()
        ? oneByte(options, COMMENT, (byte) 0) : -1;
    byte[] nullString = options.has(NULL_STRING)
        ? options.getString(NULL_STRING).getBytes(StandardCharsets.UTF_8) : defaults.nullString;
    boolean newlines = options.has(NEWLINES_IN_VALUES) ? options.getBoolean(NEWLINES_IN_VALUES)
        : defaults.newlinesInValues;
    long inferMax = options.has(SCHEMA_INFER_MAX_RECORDS)
        ? options.getLong(SCHEMA_INFER_MAX_RECORDS) : defaults.inferMaxRecords;
    if (inferMax < 1) {
      throw new QuiverException(ErrorKind.DATA, "option " + SCHEMA_INFER_MAX_RECORDS
          + " must be at least 1, got " + inferMax);
    }
    Compression compression = Compression.parse(options.getString(COMPRESSION));
    BadRowAction onBadRow = BadRowAction.parse(options.getString(ON_BAD_ROW));
    if (delimiter == quote || delimiter == '\n' || delimiter == '\r' || quote == '\n'
        || quote == '\r') {
      throw new QuiverException(ErrorKind.DATA, "options delimiter and quote must differ and"
          + " must not be line breaks");
    }
    return new CsvOptions(hasHeader, delimiter, quote, escape, comment, nullString, newlines,
        inferMax, compression, onBadRow);
  }

  private static byte oneByte(ScanOptions options, String key, byte fallback) {
    if (!options.has(key)) {
      return fallback;
    }
    String value = options.getString(key);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != 1) {
      throw new QuiverException(ErrorKind.DATA, "option " + key + " must be one ASCII character,"
          + " got '" + value + "'");
    }
    return bytes[0];
  }
}
