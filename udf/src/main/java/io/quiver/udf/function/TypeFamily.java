package io.quiver.udf.function;

import org.apache.arrow.vector.types.pojo.ArrowType;

/** A set of Arrow types an argument accepts, for signatures such as {@code abs(NUMERIC)}. */
public enum TypeFamily {
  ANY,
  NUMERIC,
  INTEGER,
  FLOATING,
  DECIMAL,
  STRING,
  BOOLEAN,
  TEMPORAL;

  public boolean accepts(ArrowType type) {
    return switch (this) {
      case ANY -> true;
      case NUMERIC -> type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint
          || type instanceof ArrowType.Decimal;
      case INTEGER -> type instanceof ArrowType.Int;
      case FLOATING -> type instanceof ArrowType.FloatingPoint;
      case DECIMAL -> type instanceof ArrowType.Decimal;
      case STRING -> type instanceof ArrowType.Utf8;
      case BOOLEAN -> type instanceof ArrowType.Bool;
      case TEMPORAL -> type instanceof ArrowType.Date || type instanceof ArrowType.Timestamp
          || type instanceof ArrowType.Time;
    };
  }
}
