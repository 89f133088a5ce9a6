package io.quiver.udf.function;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The Arrow types of Quiver's SQL types, as constants for signatures. */
public final class Types {
  private Types() {}

  public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
  public static final ArrowType TINYINT = new ArrowType.Int(8, true);
  public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
  public static final ArrowType INTEGER = new ArrowType.Int(32, true);
  public static final ArrowType BIGINT = new ArrowType.Int(64, true);
  public static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
  public static final ArrowType TIME = new ArrowType.Time(TimeUnit.MICROSECOND, 64);

  public static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }
}
