package io.quiver.engine.format;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The shape of a result column as the formatters see it, resolved once per column so that the
 * per-row loops switch on an enum instead of testing vector classes.
 */
enum ColumnKind {
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  REAL,
  DOUBLE,
  DECIMAL,
  VARCHAR,
  DATE,
  TIME,
  TIMESTAMP,
  /** Any other type: rendered through {@link io.quiver.udf.convert.ArrowValues}. */
  OTHER;

  static ColumnKind of(FieldVector vector) {
    if (vector instanceof BitVector) {
      return BOOLEAN;
    } else if (vector instanceof TinyIntVector) {
      return TINYINT;
    } else if (vector instanceof SmallIntVector) {
      return SMALLINT;
    } else if (vector instanceof IntVector) {
      return INTEGER;
    } else if (vector instanceof BigIntVector) {
      return BIGINT;
    } else if (vector instanceof Float4Vector) {
      return REAL;
    } else if (vector instanceof Float8Vector) {
      return DOUBLE;
    } else if (vector instanceof DecimalVector) {
      return DECIMAL;
    } else if (vector instanceof VarCharVector) {
      return VARCHAR;
    } else if (vector instanceof DateDayVector) {
      return DATE;
    } else if (vector instanceof TimeMicroVector) {
      return TIME;
    } else if (vector instanceof TimeStampMicroVector) {
      return TIMESTAMP;
    }
    return OTHER;
  }

  /** True for columns whose values are numbers (right-aligned in tables). */
  static boolean isNumeric(ArrowType type) {
    return type instanceof ArrowType.Int
        || type instanceof ArrowType.FloatingPoint
        || type instanceof ArrowType.Decimal;
  }
}
