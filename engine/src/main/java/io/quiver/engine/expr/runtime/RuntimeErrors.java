package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;

/**
 * Factory of the errors raised by the runtime helpers, so that every helper words them the same
 * way (PostgreSQL's wording where PostgreSQL has one).
 */
final class RuntimeErrors {
  private RuntimeErrors() {}

  /** The SQL name of an integer type by its width in bits. */
  static String integerTypeName(int bits) {
    switch (bits) {
      case 8:
        return "tinyint";
      case 16:
        return "smallint";
      case 32:
        return "integer";
      default:
        return "bigint";
    }
  }

  static QuiverException outOfRange(int bits) {
    return new QuiverException(ErrorKind.EXECUTION, integerTypeName(bits) + " out of range");
  }

  static QuiverException outOfRange(String typeName) {
    return new QuiverException(ErrorKind.EXECUTION, typeName.toLowerCase(java.util.Locale.ROOT)
        + " out of range");
  }

  static QuiverException divisionByZero() {
    return new QuiverException(ErrorKind.EXECUTION, "division by zero");
  }

  static QuiverException decimalOverflow(int precision, int scale) {
    return new QuiverException(ErrorKind.EXECUTION,
        "decimal overflow: value does not fit DECIMAL(" + precision + "," + scale + ")");
  }

  static QuiverException decimalOverflow(int precision) {
    return new QuiverException(ErrorKind.EXECUTION,
        "decimal overflow: value does not fit DECIMAL(" + precision + ")");
  }

  static QuiverException decimalOverflow() {
    return new QuiverException(ErrorKind.EXECUTION, "decimal overflow");
  }

  static QuiverException badCast(String text, String targetType) {
    return new QuiverException(ErrorKind.DATA,
        "cannot cast '" + text + "' to " + targetType);
  }

  static QuiverException execution(String message) {
    return new QuiverException(ErrorKind.EXECUTION, message);
  }
}
