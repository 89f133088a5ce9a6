package io.quiver.engine.source.parquet;

/**
 * How a Parquet column's physical values become the Arrow type the engine executes: one
 * constant per (physical type, logical type) pair the reader maps.
 */
enum Conversion {
  BOOLEAN,
  /** INT32 annotated INT(8, signed), to Int(8). */
  INT8,
  /** INT32 annotated INT(16, signed), to Int(16). */
  INT16,
  INT32,
  INT64,
  /** INT32 annotated INT(8, unsigned), widened to Int(16). */
  UINT8,
  /** INT32 annotated INT(16, unsigned), widened to Int(32). */
  UINT16,
  /** INT32 annotated INT(32, unsigned), widened to Int(64). */
  UINT32,
  /** INT64 annotated INT(64, unsigned), to Decimal(20, 0). */
  UINT64,
  DECIMAL_INT32,
  DECIMAL_INT64,
  /** BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY decimal: big-endian two's complement. */
  DECIMAL_BYTES,
  FLOAT,
  DOUBLE,
  /** FIXED_LEN_BYTE_ARRAY(2) IEEE half precision, widened to Float(SINGLE). */
  FLOAT16,
  DATE,
  TIME_MILLIS,
  TIME_MICROS,
  TIME_NANOS,
  TIMESTAMP_MILLIS,
  TIMESTAMP_MICROS,
  TIMESTAMP_NANOS,
  /** INT96 (nanoseconds of day, Julian day), to Timestamp(MICROSECOND). */
  INT96_TIMESTAMP,
  /** BYTE_ARRAY annotated STRING, ENUM or JSON, to Utf8. */
  STRING,
  /** BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY without a text annotation, to Binary. */
  BINARY,
  /** FIXED_LEN_BYTE_ARRAY(16) annotated UUID, to its 36-character text. */
  UUID,
  /** A group without repeated fields inside, to an Arrow Struct of its converted fields. */
  STRUCT
}
