package io.quiver.engine.source.text;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The scalar Arrow types a text field (CSV, NDJSON) can be parsed into, as int constants for
 * the writers' per-value switches. The text formats share one classification, so a schema
 * accepted by one is accepted by the other.
 */
public final class TextColumnKind {
  private TextColumnKind() {}

  /** Not a scalar type a text value can be parsed into. */
  public static final int UNSUPPORTED = -1;
  public static final int BOOLEAN = 1;
  public static final int TINYINT = 2;
  public static final int SMALLINT = 3;
  public static final int INTEGER = 4;
  public static final int BIGINT = 5;
  public static final int REAL = 6;
  public static final int DOUBLE = 7;
  /** DECIMAL(p, s) of the engine's 128-bit width. */
  public static final int DECIMAL = 8;
  public static final int VARCHAR = 9;
  public static final int DATE = 10;
  public static final int TIME = 11;
  public static final int TIMESTAMP = 12;

  /** The kind of {@code type}, or {@link #UNSUPPORTED}. */
  public static int of(ArrowType type) {
    switch (type.getTypeID()) {
      case Bool:
        return BOOLEAN;
      case Int: {
        ArrowType.Int integer = (ArrowType.Int) type;
        if (!integer.getIsSigned()) {
          return UNSUPPORTED;
        }
        return switch (integer.getBitWidth()) {
          case 8 -> TINYINT;
          case 16 -> SMALLINT;
          case 32 -> INTEGER;
          case 64 -> BIGINT;
          default -> UNSUPPORTED;
        };
      }
      case FloatingPoint: {
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        return precision == FloatingPointPrecision.SINGLE ? REAL
            : precision == FloatingPointPrecision.DOUBLE ? DOUBLE : UNSUPPORTED;
      }
      case Decimal:
        return ((ArrowType.Decimal) type).getBitWidth() == 128 ? DECIMAL : UNSUPPORTED;
      case Utf8:
        return VARCHAR;
      case Date:
        return ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? DATE : UNSUPPORTED;
      case Time:
        return ((ArrowType.Time) type).getUnit() == TimeUnit.MICROSECOND ? TIME : UNSUPPORTED;
      case Timestamp: {
        ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
        return timestamp.getUnit() == TimeUnit.MICROSECOND && timestamp.getTimezone() == null
            ? TIMESTAMP : UNSUPPORTED;
      }
      default:
        return UNSUPPORTED;
    }
  }
}
