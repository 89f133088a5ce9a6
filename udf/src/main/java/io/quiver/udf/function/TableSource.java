package io.quiver.udf.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
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

  /**
   * The same table as it was at another version or time, for SQL time travel ({@code FROM t
   * VERSION AS OF 3}, {@code TIMESTAMP AS OF ...}). The host closes the returned source when
   * its query ends; it must stay usable after this source is closed. Tables without history (the default) refuse with
   * an UNSUPPORTED error; a version or time outside the table's history is a DATA error naming
   * the available range.
   */
  default TableSource asOf(TimeTravel at) {
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "it keeps no versions: time travel works on Delta tables");
  }

  @Override
  default void close() {}
}
