package io.quiver.engine.source.parquet;

/**
 * Decodes the non-null values of one data page, one encoding, in order. Implementations read
 * a byte range of an uncompressed page and append to a {@link PhysicalValues}; every read
 * checks its bounds and malformed input is a DATA error.
 */
interface ValuesDecoder {

  /** Appends the next {@code count} values to {@code out}. */
  void read(int count, PhysicalValues out);
}
