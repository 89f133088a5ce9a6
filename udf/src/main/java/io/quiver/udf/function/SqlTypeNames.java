package io.quiver.udf.function;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** SQL names of the Arrow types Quiver uses, for signatures and messages. */
public final class SqlTypeNames {
  private SqlTypeNames() {}

  public static String of(ArrowType type) {
    if (type instanceof ArrowType.Bool) {
      return "BOOLEAN";
    }
    if (type instanceof ArrowType.Int integer) {
      String name = switch (integer.getBitWidth()) {
        case 8 -> "TINYINT";
        case 16 -> "SMALLINT";
        case 32 -> "INTEGER";
        default -> "BIGINT";
      };
      return integer.getIsSigned() ? name : name + " UNSIGNED";
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return floating.getPrecision() == FloatingPointPrecision.SINGLE ? "REAL" : "DOUBLE";
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return "DECIMAL(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
    }
    if (type instanceof ArrowType.Utf8) {
      return "VARCHAR";
    }
    if (type instanceof ArrowType.Date) {
      return "DATE";
    }
    if (type instanceof ArrowType.Timestamp) {
      return "TIMESTAMP";
    }
    if (type instanceof ArrowType.Time) {
      return "TIME";
    }
    if (type instanceof ArrowType.Interval) {
      return "INTERVAL";
    }
    if (type instanceof ArrowType.Null) {
      return "NULL";
    }
    if (type instanceof ArrowType.Map) {
      return "MAP";
    }
    if (type instanceof ArrowType.List) {
      return "ARRAY";
    }
    if (type instanceof ArrowType.Struct) {
      return "ROW";
    }
    return type.toString();
  }
}
