package io.quiver.bench.function;

import io.quiver.engine.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a query result to its end, touching every value, and folds it into one number: the
 * benchmarks return it (so the work cannot be skipped) and their tests compare it with the
 * value computed from the data. Values are read straight from the data buffer, as a fast
 * consumer would, so that reading costs the same small amount for every query measured.
 * The result is closed.
 */
public final class ResultChecksums {
  private ResultChecksums() {}

  /** The sum (wrapping) of the BIGINT column {@code column} over the non-NULL rows. */
  public static long sum(QueryResult result, int column) {
    try (result) {
      VectorSchemaRoot root = result.getVectorSchemaRoot();
      long sum = 0;
      while (result.loadNextBatch()) {
        BigIntVector values = (BigIntVector) root.getVector(column);
        int rows = root.getRowCount();
        long address = values.getDataBufferAddress();
        if (values.getNullCount() == 0) {
          for (int row = 0; row < rows; row++) {
            sum += MemoryUtil.getLong(address + (long) row * BigIntVector.TYPE_WIDTH);
          }
        } else {
          for (int row = 0; row < rows; row++) {
            if (!values.isNull(row)) {
              sum += MemoryUtil.getLong(address + (long) row * BigIntVector.TYPE_WIDTH);
            }
          }
        }
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sum (wrapping) of {@code (key + 1) * value} over the rows where the BIGINT
   * {@code value} is not NULL: for a grouped result, a number that changes when any group's
   * value does.
   */
  public static long weightedSum(QueryResult result, int keyColumn, int valueColumn) {
    try (result) {
      VectorSchemaRoot root = result.getVectorSchemaRoot();
      long sum = 0;
      while (result.loadNextBatch()) {
        BigIntVector keys = (BigIntVector) root.getVector(keyColumn);
        BigIntVector values = (BigIntVector) root.getVector(valueColumn);
        int rows = root.getRowCount();
        for (int row = 0; row < rows; row++) {
          if (!values.isNull(row)) {
            sum += (keys.get(row) + 1) * values.get(row);
          }
        }
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
