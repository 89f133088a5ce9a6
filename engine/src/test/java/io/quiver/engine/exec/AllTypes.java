package io.quiver.engine.exec;

import static io.quiver.engine.exec.TestBatches.field;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/** A schema with every type of the engine's type set and a deterministic value generator. */
public final class AllTypes {
  private AllTypes() {}

  public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
  public static final ArrowType TINYINT = new ArrowType.Int(8, true);
  public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
  public static final ArrowType INT = new ArrowType.Int(32, true);
  public static final ArrowType BIGINT = new ArrowType.Int(64, true);
  public static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  public static final ArrowType DOUBLE =
      new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  public static final ArrowType DECIMAL = new ArrowType.Decimal(30, 2, 128);
  public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
  public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
  public static final ArrowType TIME = new ArrowType.Time(TimeUnit.MICROSECOND, 64);
  public static final ArrowType DAY_TIME = new ArrowType.Interval(IntervalUnit.DAY_TIME);
  public static final ArrowType YEAR_MONTH = new ArrowType.Interval(IntervalUnit.YEAR_MONTH);

  public static final Schema SCHEMA = TestBatches.schema(field("b", BOOLEAN),
      field("t", TINYINT), field("s", SMALLINT), field("i", INT), field("l", BIGINT),
      field("f", REAL), field("d", DOUBLE), field("dec", DECIMAL), field("v", VARCHAR),
      field("date", DATE), field("ts", TIMESTAMP), field("tm", TIME), field("ivd", DAY_TIME),
      field("ivy", YEAR_MONTH));

  /** The value of column {@code column} in row {@code row}; every column has some NULLs. */
  public static Object value(int row, int column) {
    if ((row * 7 + column * 3) % 5 == 0) {
      return null;
    }
    int k = row * 31 + column;
    return switch (column) {
      case 0 -> k % 3 == 0;
      case 1 -> (byte) (k % 100 - 50);
      case 2 -> (short) (k * 13 - 3000);
      case 3 -> k * 1_000_003 - 77;
      case 4 -> (long) k * 10_000_000_019L - 5;
      case 5 -> (float) (k * 0.25 - 10);
      case 6 -> k * 0.125 - 100;
      case 7 -> new BigDecimal(k).multiply(new BigDecimal("12345678901234567.89"))
          .negate().setScale(2);
      case 8 -> "s" + k + "x".repeat(k % 13);
      case 9 -> LocalDate.of(2000, 1, 1).plusDays(k);
      case 10 -> LocalDateTime.of(2020, 2, 29, 1, 2, 3).plusSeconds(k * 3601L).plusNanos(
          1000L * k);
      case 11 -> LocalTime.ofSecondOfDay(k % 86400).plusNanos(1000L * (k % 1000));
      case 12 -> Duration.ofDays(k % 40).plusMillis(k * 7L % 86_400_000L);
      case 13 -> Period.ofMonths(k % 30).normalized();
      default -> throw new IllegalArgumentException("column " + column);
    };
  }

  public static Object[] row(int row) {
    Object[] values = new Object[SCHEMA.getFields().size()];
    for (int column = 0; column < values.length; column++) {
      values[column] = value(row, column);
    }
    return values;
  }

  public static Object[][] rows(int from, int count) {
    Object[][] rows = new Object[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = row(from + i);
    }
    return rows;
  }
}
