package io.quiver.engine.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How a SQL value is held in a local variable of generated code: BOOLEAN as boolean; integers,
 * dates (epoch days), times and timestamps (microseconds), DECIMAL(p &lt;= 18) (unscaled) and
 * intervals (milliseconds or months) as long; REAL/DOUBLE as double; VARCHAR as an address and
 * a byte length; DECIMAL(p &gt; 18) as a mutable Int128 holder; the NULL type as nothing.
 */
enum Repr {
  BOOLEAN("boolean"), LONG("long"), DOUBLE("double"), STRING("long"), INT128(
      "io.quiver.engine.expr.runtime.Int128"), NULL("boolean");

  final String javaType;

  Repr(String javaType) {
    this.javaType = javaType;
  }

  static Repr of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN:
        return BOOLEAN;
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DATE: case TIME:
      case TIMESTAMP:
        return LONG;
      case DECIMAL:
        return type.getPrecision() <= 18 ? LONG : INT128;
      case REAL: case FLOAT: case DOUBLE:
        return DOUBLE;
      case CHAR: case VARCHAR:
        return STRING;
      case NULL:
        return NULL;
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(name)) {
          return LONG;
        }
        throw new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.UNSUPPORTED,
            "expressions of type " + type.getFullTypeString() + " are not supported yet");
    }
  }

  /** Scale of a numeric type held as LONG or INT128 (0 for integers). */
  static int scale(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DECIMAL ? type.getScale() : 0;
  }

  static boolean isExactNumeric(RelDataType type) {
    return SqlTypeName.EXACT_TYPES.contains(type.getSqlTypeName());
  }

  static boolean isInteger(RelDataType type) {
    return SqlTypeName.INT_TYPES.contains(type.getSqlTypeName());
  }

  static int integerBits(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT: return 8;
      case SMALLINT: return 16;
      case INTEGER: return 32;
      default: return 64;
    }
  }

  static String integerTypeName(RelDataType type) {
    return type.getSqlTypeName().getName();
  }
}
