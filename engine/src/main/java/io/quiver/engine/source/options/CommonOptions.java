package io.quiver.engine.source.options;

import java.util.List;

/**
 * The option keys every file table function accepts ({@code read_parquet}, {@code read_csv},
 * {@code read_json}, {@code read_arrow}), declared once. A format adds its own keys with
 * {@link io.quiver.engine.source.file.FileFormat#optionKeys()}.
 */
public final class CommonOptions {
  private CommonOptions() {}

  public static final String SCHEMA_IPC = "schema_ipc";
  public static final String LIMIT = "limit";
  public static final String FILE_EXTENSION = "file_extension";
  public static final String TABLE_PARTITION_COLS = "table_partition_cols";
  public static final String UNION_BY_NAME = "union_by_name";
  public static final String FILENAME = "filename";

  /** The name of the column {@code "filename": true} adds. */
  public static final String FILENAME_COLUMN = "filename";

  /** Every common key, in README order. */
  public static final List<OptionKey> KEYS = List.of(
      new OptionKey(SCHEMA_IPC, OptionType.SCHEMA_IPC, null,
          "an Arrow IPC schema that replaces inference (bytes, hex or base64)"),
      new OptionKey(LIMIT, OptionType.INTEGER, -1L,
          "read at most this many rows over all files (-1: all)"),
      new OptionKey(FILE_EXTENSION, OptionType.STRING, null,
          "the file name ending a directory listing keeps (default: the format's endings)"),
      new OptionKey(TABLE_PARTITION_COLS, OptionType.STRING_LIST, List.of(),
          "hive partition columns from key=value directories: \"name\" or \"name:TYPE\""),
      new OptionKey(UNION_BY_NAME, OptionType.BOOLEAN, false,
          "unify the files' columns by name; a column a file lacks reads as NULL"),
      new OptionKey(FILENAME, OptionType.BOOLEAN, false,
          "add a VARCHAR column filename with each row's source file"));
}
