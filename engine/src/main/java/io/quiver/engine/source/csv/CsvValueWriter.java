package io.quiver.engine.source.csv;

import io.quiver.engine.source.text.TextColumnKind;
import io.quiver.engine.source.text.TextValueParser;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
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
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Parses CSV field bytes into one Arrow vector of a batch, by the column's type, without a Java
 * object per value (wide decimals above precision 18 and rare long doubles excepted).
 */
final class CsvValueWriter {
  static final int BOOLEAN = TextColumnKind.BOOLEAN;
  static final int TINYINT = TextColumnKind.TINYINT;
  static final int SMALLINT = TextColumnKind.SMALLINT;
  static final int INTEGER = TextColumnKind.INTEGER;
  static final int BIGINT = TextColumnKind.BIGINT;
  static final int REAL = TextColumnKind.REAL;
  static final int DOUBLE = TextColumnKind.DOUBLE;
  static final int DECIMAL = TextColumnKind.DECIMAL;
  /** A DECIMAL of more than 18 digits (not parsed through a long). */
  static final int WIDE_DECIMAL = 13;
  static final int VARCHAR = TextColumnKind.VARCHAR;
  static final int DATE = TextColumnKind.DATE;
  static final int TIME = TextColumnKind.TIME;
  static final int TIMESTAMP = TextColumnKind.TIMESTAMP;

  private final int kind;
  private final int precision;
  private final int scale;
  private final String typeName;
  private FieldVector vector;

  CsvValueWriter(Field field) {
    ArrowType type = field.getType();
    this.kind = kindOf(field);
    if (type instanceof ArrowType.Decimal) {
      ArrowType.Decimal decimal = (ArrowType.Decimal) type;
      this.precision = decimal.getPrecision();
      this.scale = decimal.getScale();
    } else {
      this.precision = 0;
      this.scale = 0;
    }
    this.typeName = type.toString();
  }

  /**
   * The writer kind for a column type; an UNSUPPORTED error for types a CSV field cannot hold.
   */
  static int kindOf(Field field) {
    ArrowType type = field.getType();
    int kind = TextColumnKind.of(type);
    if (kind == TextColumnKind.DECIMAL && ((ArrowType.Decimal) type).getPrecision() > 18) {
      return WIDE_DECIMAL;
    }
    if (kind == TextColumnKind.UNSUPPORTED) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "CSV column " + field.getName()
          + " has type " + type + ", which CSV values cannot be read as. Use BOOLEAN, TINYINT.."
          + "BIGINT, REAL, DOUBLE, DECIMAL, VARCHAR, DATE, TIME or TIMESTAMP in the schema");
    }
    return kind;
  }


  /** Writes into {@code target} from now on (one batch). */
  void bind(FieldVector target) {
    this.vector = target;
  }

  boolean isVarchar() {
    return kind == VARCHAR;
  }

  String typeName() {
    return typeName;
  }

  /** Marks {@code row} NULL (also clearing a value written by a row that was then dropped). */
  void writeNull(int row) {
    BitVectorHelper.unsetBit(vector.getValidityBuffer(), row);
  }

  /**
   * Parses {@code bytes[start, end)} into {@code row}; false when the text is not a value of
   * the column's type (nothing is then written).
   */
  boolean write(int row, byte[] bytes, int start, int end, TextValueParser parser) {
    switch (kind) {
      case VARCHAR:
        ((VarCharVector) vector).setSafe(row, bytes, start, end - start);
        return true;
      case BIGINT: {
        long value = parser.parseLong(bytes, start, end);
        if (parser.ok) {
          ((BigIntVector) vector).set(row, value);
        }
        return parser.ok;
      }
      case INTEGER: {
        long value = parser.parseLong(bytes, start, end);
        if (parser.ok && value == (int) value) {
          ((IntVector) vector).set(row, (int) value);
          return true;
        }
        return false;
      }
      case SMALLINT: {
        long value = parser.parseLong(bytes, start, end);
        if (parser.ok && value == (short) value) {
          ((SmallIntVector) vector).set(row, (short) value);
          return true;
        }
        return false;
      }
      case TINYINT: {
        long value = parser.parseLong(bytes, start, end);
        if (parser.ok && value == (byte) value) {
          ((TinyIntVector) vector).set(row, (byte) value);
          return true;
        }
        return false;
      }
      case DOUBLE: {
        double value = parser.parseDouble(bytes, start, end);
        if (parser.ok) {
          ((Float8Vector) vector).set(row, value);
        }
        return parser.ok;
      }
      case REAL: {
        double value = parser.parseDouble(bytes, start, end);
        if (parser.ok) {
          ((Float4Vector) vector).set(row, (float) value);
        }
        return parser.ok;
      }
      case DECIMAL: {
        long value = parser.parseDecimal(bytes, start, end, precision, scale);
        if (parser.ok) {
          ((DecimalVector) vector).set(row, value);
        }
        return parser.ok;
      }
      case WIDE_DECIMAL:
        return writeWideDecimal(row, bytes, start, end);
      case BOOLEAN: {
        int value = parser.parseBoolean(bytes, start, end);
        if (parser.ok) {
          ((BitVector) vector).set(row, value);
        }
        return parser.ok;
      }
      case DATE: {
        int value = parser.parseDate(bytes, start, end);
        if (parser.ok) {
          ((DateDayVector) vector).set(row, value);
        }
        return parser.ok;
      }
      case TIMESTAMP: {
        long value = parser.parseTimestamp(bytes, start, end);
        if (parser.ok) {
          ((TimeStampMicroVector) vector).set(row, value);
        }
        return parser.ok;
      }
      case TIME: {
        long value = parser.parseTime(bytes, start, end);
        if (parser.ok) {
          ((TimeMicroVector) vector).set(row, value);
        }
        return parser.ok;
      }
      default:
        throw new IllegalStateException("unknown writer kind " + kind);
    }
  }

  private boolean writeWideDecimal(int row, byte[] bytes, int start, int end) {
    String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+') {
        return false;
      }
    }
    try {
      BigDecimal value = new BigDecimal(text).setScale(scale, RoundingMode.HALF_UP);
      if (value.precision() > precision) {
        return false;
      }
      ((DecimalVector) vector).set(row, value);
      return true;
    } catch (NumberFormatException | ArithmeticException e) {
      return false;
    }
  }

  /** Whether {@code bytes[start, end)} equals {@code expected}. */
  static boolean equalsBytes(byte[] bytes, int start, int end, byte[] expected) {
    if (end - start != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[start + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
