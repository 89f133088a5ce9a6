package io.quiver.bench.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The data of the kernel benchmarks: every value a pure function of its row number, spread by a
 * 64-bit mix, so tests recompute any expected answer and the data has no order a branch
 * predictor could learn. About one value in ten is NULL where a column is nullable.
 */
public final class KernelBenchmarkData {
  /** Rows per stored batch of a registered table. */
  static final int ROWS_PER_BATCH = 1 << 16;

  /** The table {@code n(v BIGINT, a DECIMAL(15,2), b DECIMAL(15,2))}, all nullable. */
  static final Schema NUMBERS = new Schema(List.of(
      new Field("v", FieldType.nullable(new ArrowType.Int(64, true)), null),
      new Field("a", FieldType.nullable(new ArrowType.Decimal(15, 2, 128)), null),
      new Field("b", FieldType.nullable(new ArrowType.Decimal(15, 2, 128)), null)));

  private KernelBenchmarkData() {}

  /** SplitMix64's finaliser: a well-spread 64-bit hash of {@code value}. */
  public static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Whether the nullable columns are NULL on {@code row} (about one row in ten). */
  public static boolean isNull(long row, int column) {
    return Math.floorMod(mix(row * 31 + column), 10L) == 0;
  }

  /** {@code v} on {@code row}: in {@code [-1,000,000, 1,000,000]}, or null. */
  public static Long v(long row) {
    return isNull(row, 0) ? null : Math.floorMod(mix(row), 2_000_001L) - 1_000_000;
  }

  /** Unscaled {@code a} on {@code row} (a price: 0.00 to 99,999.99), or null. */
  public static Long a(long row) {
    return isNull(row, 1) ? null : Math.floorMod(mix(row ^ 0x1234L), 10_000_000L);
  }

  /** Unscaled {@code b} on {@code row} (a discount: 0.00 to 0.10), or null. */
  public static Long b(long row) {
    return isNull(row, 2) ? null : Math.floorMod(mix(row ^ 0x5678L), 11L);
  }

  /** A string of 4 to 27 letters on {@code row}; one row in eight repeats an earlier one. */
  public static String text(long row) {
    long seed = Math.floorMod(mix(row ^ 0x9abcL), 8L) == 0 ? row / 2 : row;
    long bits = mix(seed ^ 0x4242L);
    int length = 4 + (int) Math.floorMod(bits, 24L);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + Math.floorMod(mix(bits + i), 26L)));
    }
    return text.toString();
  }

  /** A BIGINT vector of {@code rows} values of {@code v} (nullable) or never null. */
  static BigIntVector longs(BufferAllocator allocator, int rows, boolean nulls) {
    BigIntVector vector = new BigIntVector("v", allocator);
    vector.allocateNew(rows);
    for (int row = 0; row < rows; row++) {
      Long value = v(row);
      if (value == null && nulls) {
        vector.setNull(row);
      } else {
        vector.set(row, value == null ? row : value);
      }
    }
    vector.setValueCount(rows);
    return vector;
  }

  /** A VARCHAR vector of {@code rows} values of {@link #text}, never null. */
  static VarCharVector strings(BufferAllocator allocator, int rows) {
    VarCharVector vector = new VarCharVector("s", allocator);
    vector.allocateNew(rows * 16L, rows);
    for (int row = 0; row < rows; row++) {
      vector.setSafe(row, text(row).getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(rows);
    return vector;
  }

  /** The batches of table {@code n} with {@code rows} rows; the caller closes them. */
  static List<VectorSchemaRoot> numbers(BufferAllocator allocator, long rows) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      for (long start = 0; start < rows; start += ROWS_PER_BATCH) {
        int count = (int) Math.min(ROWS_PER_BATCH, rows - start);
        VectorSchemaRoot batch = VectorSchemaRoot.create(NUMBERS, allocator);
        batches.add(batch);
        BigIntVector v = (BigIntVector) batch.getVector(0);
        DecimalVector a = (DecimalVector) batch.getVector(1);
        DecimalVector b = (DecimalVector) batch.getVector(2);
        v.allocateNew(count);
        a.allocateNew(count);
        b.allocateNew(count);
        for (int i = 0; i < count; i++) {
          long row = start + i;
          Long value = v(row);
          if (value == null) {
            v.setNull(i);
          } else {
            v.set(i, value);
          }
          setDecimal(a, i, a(row));
          setDecimal(b, i, b(row));
        }
        batch.setRowCount(count);
      }
      return batches;
    } catch (RuntimeException e) {
      batches.forEach(VectorSchemaRoot::close);
      throw e;
    }
  }

  private static void setDecimal(DecimalVector vector, int index, Long unscaled) {
    if (unscaled == null) {
      vector.setNull(index);
    } else {
      vector.set(index, unscaled.longValue());
    }
  }
}
