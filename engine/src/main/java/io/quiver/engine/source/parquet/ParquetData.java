package io.quiver.engine.source.parquet;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;

/** The errors the Parquet decoders raise for malformed input, in one place. */
final class ParquetData {
  private ParquetData() {}

  /** A DATA error: the file does not follow the Parquet format. */
  static QuiverException corrupt(String format, Object... args) {
    return new QuiverException(ErrorKind.DATA, String.format(format, args)
        + ". The file is corrupt or truncated; rewrite it or check how it was copied");
  }

  /** An UNSUPPORTED error: a valid feature Quiver does not read yet. */
  static QuiverException unsupported(String format, Object... args) {
    return new QuiverException(ErrorKind.UNSUPPORTED, String.format(format, args));
  }

  /** Throws a DATA error unless {@code [offset, offset + size)} lies within {@code [0, end)}. */
  static void checkRange(long offset, long size, long end, String what) {
    if (offset < 0 || size < 0 || offset + size > end) {
      throw corrupt("%s needs bytes %d..%d but only %d are there", what, offset, offset + size,
          end);
    }
  }
}
