package io.quiver.bench.exec.operator;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The in-memory tables of the operator benchmarks, every value a pure function of its row
 * number (so tests recompute any answer), keys scattered in no order:
 *
 * <ul>
 *   <li>{@code t(x, k_low, k_high, k_small, k_large)}, {@code rows} rows, all BIGINT NOT NULL:
 *       {@code x} in {@code [-1000, 1000]}; {@code k_low} in {@code [0, 10)}; {@code k_high} in
 *       {@code [0, rows / 4)}; {@code k_small} in {@code [0, 1000)}; {@code k_large} in
 *       {@code [0, largeRows)};
 *   <li>{@code dim_small(k, v)}: 1000 rows, {@code k} = 0 ... 999, {@code v} = {@link #v};
 *   <li>{@code dim_large(k, v)}: {@code largeRows} rows, the same shape.
 * </ul>
 */
public final class OperatorBenchmarkTables {
  /** Rows of {@code dim_small}. */
  public static final int SMALL_ROWS = 1000;
  private static final int ROWS_PER_BATCH = 1 << 16;
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);

  private OperatorBenchmarkTables() {}

  /** SplitMix64's finaliser. */
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@code x} on {@code row}. */
  public static long x(long row) {
    return Math.floorMod(mix(row), 2001L) - 1000;
  }

  /** A key of {@code row} in {@code [0, range)}; {@code salt} tells the key columns apart. */
  public static long key(long row, long range, int salt) {
    return Math.floorMod(mix(row * 7 + salt), range);
  }

  /** {@code v} of the build tables on key {@code k}. */
  public static long v(long k) {
    return Math.floorMod(mix(k ^ 0x77L), 1000L);
  }

  /** The {@code k_high} range for {@code rows} rows. */
  public static long highKeys(long rows) {
    return Math.max(1, rows / 4);
  }

  /** The five columns of {@code t} on {@code row}: x, k_low, k_high, k_small, k_large. */
  public static long[] row(long row, long rows, long largeRows) {
    return new long[] {x(row), key(row, 10, 1), key(row, highKeys(rows), 2),
        key(row, SMALL_ROWS, 3), key(row, largeRows, 4)};
  }

  /** A session with the three tables. */
  public static QuiverSession open(long rows, long largeRows, int batchSize) {
    QuiverSession session = QuiverSession.builder().batchSize(batchSize).build();
    try {
      register(session, "t", List.of("x", "k_low", "k_high", "k_small", "k_large"), rows,
          row -> row(row, rows, largeRows));
      register(session, "dim_small", List.of("k", "v"), SMALL_ROWS, k -> new long[] {k, v(k)});
      register(session, "dim_large", List.of("k", "v"), largeRows, k -> new long[] {k, v(k)});
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private interface RowValues {
    long[] of(long row);
  }

  private static void register(QuiverSession session, String name, List<String> columns,
      long rows, RowValues values) {
    List<Field> fields = new ArrayList<>();
    for (String column : columns) {
      fields.add(new Field(column, FieldType.notNullable(BIGINT), null));
    }
    Schema schema = new Schema(fields);
    BufferAllocator allocator = session.allocator();
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      for (long start = 0; start < rows; start += ROWS_PER_BATCH) {
        int count = (int) Math.min(ROWS_PER_BATCH, rows - start);
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
        batches.add(batch);
        for (int column = 0; column < columns.size(); column++) {
          ((BigIntVector) batch.getVector(column)).allocateNew(count);
        }
        for (int i = 0; i < count; i++) {
          long[] row = values.of(start + i);
          for (int column = 0; column < columns.size(); column++) {
            ((BigIntVector) batch.getVector(column)).set(i, row[column]);
          }
        }
        batch.setRowCount(count);
      }
      session.registerTable(name, batches);
    } finally {
      // The table holds its own references to the buffers.
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  /**
   * An order-sensitive checksum of a result of BIGINT columns: {@code h = h * 31 + value} over
   * every value, row by row; the result is closed.
   */
  public static long orderedChecksum(QueryResult result) {
    try (result) {
      VectorSchemaRoot root = result.getVectorSchemaRoot();
      long hash = 0;
      int columns = root.getFieldVectors().size();
      while (result.loadNextBatch()) {
        int count = root.getRowCount();
        for (int row = 0; row < count; row++) {
          for (int column = 0; column < columns; column++) {
            hash = hash * 31 + ((BigIntVector) root.getVector(column)).get(row);
          }
        }
      }
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
