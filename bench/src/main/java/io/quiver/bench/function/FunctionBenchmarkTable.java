package io.quiver.bench.function;

import io.quiver.engine.QuiverSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The table the function benchmarks read: {@code t(x BIGINT NOT NULL, k BIGINT NOT NULL)},
 * built in session memory. Values are a pure function of the row number ({@link #x},
 * {@link #k}), so a test recomputes any expected result without keeping the data:
 * {@code x} is spread over {@code [-1000, 1000]}, {@code k} over {@code [0, groups)} in no
 * particular order (a hash aggregate sees scattered keys, as with real data).
 */
public final class FunctionBenchmarkTable {
  /** Rows per stored batch; scans hand them out in slices of the session's batch size. */
  static final int ROWS_PER_BATCH = 1 << 16;

  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  static final Schema SCHEMA = new Schema(List.of(
      new Field("x", FieldType.notNullable(BIGINT), null),
      new Field("k", FieldType.notNullable(BIGINT), null)));

  private FunctionBenchmarkTable() {}

  /** Value of {@code x} on {@code row}: in {@code [-1000, 1000]}. */
  public static long x(long row) {
    return Math.floorMod(mix(row), 2001L) - 1000;
  }

  /** Value of {@code k} on {@code row}: in {@code [0, groups)}. */
  public static long k(long row, int groups) {
    return Math.floorMod(mix(row ^ 0x5DEECE66DL), (long) groups);
  }

  /**
   * Registers {@code t} with {@code rows} rows and {@code groups} distinct values of {@code k}
   * (fewer when there are fewer rows). The batches are allocated under the session's allocator,
   * so the table shares them; ours are closed before returning.
   */
  public static void register(QuiverSession session, String name, long rows, int groups) {
    if (rows < 1 || groups < 1) {
      throw new IllegalArgumentException("rows and groups must be positive: " + rows + ", "
          + groups);
    }
    BufferAllocator allocator = session.allocator();
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      for (long start = 0; start < rows; start += ROWS_PER_BATCH) {
        int count = (int) Math.min(ROWS_PER_BATCH, rows - start);
        VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator);
        batches.add(batch);
        BigIntVector x = (BigIntVector) batch.getVector(0);
        BigIntVector k = (BigIntVector) batch.getVector(1);
        x.allocateNew(count);
        k.allocateNew(count);
        for (int i = 0; i < count; i++) {
          x.set(i, x(start + i));
          k.set(i, k(start + i, groups));
        }
        batch.setRowCount(count);
      }
      session.registerTable(name, batches);
    } finally {
      // The table holds its own references to the buffers.
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  /** SplitMix64's finaliser: a well-spread 64-bit hash of {@code value}. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
