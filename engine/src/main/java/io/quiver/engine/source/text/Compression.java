package io.quiver.engine.source.text;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code compression} option of the text formats (CSV, NDJSON). */
public enum Compression {
  /** By file name: {@code .gz} is gzip, {@code .zst}/{@code .zstd} is zstd, anything else none. */
  AUTO,
  NONE,
  GZIP,
  ZSTD;

  /** The option value as written in the options JSON (case-insensitive). */
  public static Compression parse(String value) {
    if (value == null) {
      return AUTO;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "none":
      case "uncompressed":
        return NONE;
      case "gzip":
      case "gz":
        return GZIP;
      case "zstd":
      case "zst":
        return ZSTD;
      default:
        throw new QuiverException(ErrorKind.DATA, "unknown compression '" + value
            + "': use auto, none, gzip or zstd");
    }
  }

  /** This setting for one file: {@link #AUTO} becomes what the file name says. */
  public Compression forFile(Path file) {
    if (this != AUTO) {
      return this;
    }
    Path name = file.getFileName();
    String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (text.endsWith(".gz") || text.endsWith(".gzip")) {
      return GZIP;
    }
    if (text.endsWith(".zst") || text.endsWith(".zstd")) {
      return ZSTD;
    }
    return NONE;
  }
}
