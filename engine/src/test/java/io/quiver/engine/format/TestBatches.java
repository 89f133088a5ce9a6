package io.quiver.engine.format;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Builds Arrow batches by hand for formatter tests: one column per call, nulls as null. */
final class TestBatches {
  static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
  static final ArrowType TINYINT = new ArrowType.Int(8, true);
  static final ArrowType SMALLINT = new ArrowType.Int(16, true);
  static final ArrowType INTEGER = new ArrowType.Int(32, true);
  static final ArrowType BIGINT = new ArrowType.Int(64, true);
  static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
  static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
  static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
  static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
  static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);

  private TestBatches() {}

  static ArrowType decimal(int precision, int scale) {
    return new ArrowType.Decimal(precision, scale, 128);
  }

  /** A nullable column named {@code name} of {@code type} holding {@code values}. */
  static FieldVector column(BufferAllocator allocator, String name, ArrowType type,
      Object... values) {
    FieldVector vector = new Field(name, FieldType.nullable(type), null).createVector(allocator);
    vector.allocateNew();
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        vector.setNull(i);
      } else if (vector instanceof BitVector v) {
        v.setSafe(i, (Boolean) value ? 1 : 0);
      } else if (vector instanceof TinyIntVector v) {
        v.setSafe(i, ((Number) value).byteValue());
      } else if (vector instanceof SmallIntVector v) {
        v.setSafe(i, ((Number) value).shortValue());
      } else if (vector instanceof IntVector v) {
        v.setSafe(i, ((Number) value).intValue());
      } else if (vector instanceof BigIntVector v) {
        v.setSafe(i, ((Number) value).longValue());
      } else if (vector instanceof Float4Vector v) {
        v.setSafe(i, ((Number) value).floatValue());
      } else if (vector instanceof Float8Vector v) {
        v.setSafe(i, ((Number) value).doubleValue());
      } else if (vector instanceof DecimalVector v) {
        v.setSafe(i, (BigDecimal) value);
      } else if (vector instanceof VarCharVector v) {
        v.setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
      } else if (vector instanceof DateDayVector v) {
        v.setSafe(i, (int) ((LocalDate) value).toEpochDay());
      } else if (vector instanceof TimeStampMicroVector v) {
        LocalDateTime time = (LocalDateTime) value;
        v.setSafe(i, time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000);
      } else {
        throw new IllegalArgumentException("unsupported test vector " + vector);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  /** A batch of {@code columns}, which must all have the same length. */
  static VectorSchemaRoot batch(FieldVector... columns) {
    List<FieldVector> vectors = new ArrayList<>(List.of(columns));
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(columns.length == 0 ? 0 : columns[0].getValueCount());
    return root;
  }
}
