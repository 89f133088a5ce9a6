package io.quiver.udf.function;

import org.apache.arrow.memory.BufferAllocator;

/** A table: a schema known at plan time and batches at run time. */
public interface TableSource extends AutoCloseable {

  org.apache.arrow.vector.types.pojo.Schema schema();

  /**
   * Starts a scan of the columns {@code projection} (indexes into {@link #schema()}, in that
   * order), allocating in {@code allocator}, about {@code batchSize} rows per batch.
   */
  TableScan scan(int[] projection, BufferAllocator allocator, int batchSize);

  /**
   * Starts a scan for a {@link ScanRequest}: a source that can skip data by predicates or stop
   * at a limit overrides this; by default it scans the projection.
   */
  default TableScan scan(ScanRequest request, BufferAllocator allocator) {
    return scan(request.projection(), allocator, request.batchSize());
  }

  /** Estimated rows, or -1 when unknown (used for join ordering). */
  default long estimatedRowCount() {
    return -1;
  }

  @Override
  default void close() {}
}
