package io.quiver.engine.source.text;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Locale;

/**
 * The {@code on_bad_row} option of the text formats (CSV, NDJSON): what a row that cannot be
 * read as the table's columns does.
 */
public enum BadRowAction {
  /** Fail the query with a DATA error naming the file, line, column and value. */
  ERROR,
  /** Leave the row out (the number left out is logged once per file). */
  SKIP,
  /** Keep the row: what cannot be read becomes NULL. */
  NULL;

  /** The option's key. */
  public static final String KEY = "on_bad_row";

  /** The action an option value names (null: the default, {@link #ERROR}). */
  public static BadRowAction parse(String value) {
    if (value == null) {
      return ERROR;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "error":
        return ERROR;
      case "skip":
        return SKIP;
      case "null":
        return NULL;
      default:
        throw new QuiverException(ErrorKind.DATA, "unknown " + KEY + " '" + value
            + "': use error, skip or null");
    }
  }
}
