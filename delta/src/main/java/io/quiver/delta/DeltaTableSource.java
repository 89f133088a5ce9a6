package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructType;
import io.quiver.delta.kernel.DeltaArrowTypes;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One snapshot of a Delta table as a Quiver table: the snapshot's logical schema (after column
 * mapping, partition columns included, in schema order) and scans of it ({@link DeltaTableScan}).
 * Holds no Arrow memory.
 */
public final class DeltaTableSource implements TableSource {
  private final String call;
  private final Snapshot snapshot;
  private final StructType deltaSchema;
  private final Schema schema;

  DeltaTableSource(String call, Snapshot snapshot) {
    this.call = call;
    this.snapshot = snapshot;
    this.deltaSchema = snapshot.getSchema();
    this.schema = DeltaArrowTypes.schema(deltaSchema);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** The Delta schema of the snapshot. */
  public StructType deltaSchema() {
    return deltaSchema;
  }

  /** The version of the snapshot read. */
  public long version() {
    return snapshot.getVersion();
  }

  @Override
  public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
    return new DeltaTableScan(call, snapshot, deltaSchema, schema, projection, allocator,
        batchSize);
  }
}
