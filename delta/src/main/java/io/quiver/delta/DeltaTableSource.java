package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructType;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TimeTravel;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One snapshot of a Delta table as a Quiver table: the snapshot's logical schema (after column
 * mapping, partition columns included, in schema order), or the columns a scan config selects
 * ({@link DeltaScanLayout}), and scans of it ({@link DeltaTableScan}).
 * Holds no Arrow memory.
 */
public final class DeltaTableSource implements TableSource {
  private final String call;
  private final Snapshot snapshot;
  private final StructType deltaSchema;
  private final Schema schema;
  private final DeltaScanLayout layout;
  private RegisteredDeltaTable registered;

  DeltaTableSource(String call, Snapshot snapshot) {
    this(call, snapshot, null);
  }

  /** A source with the columns, files and scan config of {@code layout} (null: defaults). */
  DeltaTableSource(String call, Snapshot snapshot, DeltaScanLayout layout) {
    this.call = call;
    this.snapshot = snapshot;
    this.deltaSchema = snapshot.getSchema();
    this.layout = layout == null ? DeltaScanLayout.of(deltaSchema) : layout;
    this.schema = this.layout.schema();
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

  /** Marks this source as a snapshot of a registered table, which can travel to others. */
  DeltaTableSource registeredAs(RegisteredDeltaTable table) {
    this.registered = table;
    return this;
  }

  /**
   * The snapshot {@code at} selects, loaded through {@link DeltaTable#snapshot} as
   * {@code delta_scan} loads it (same options, with {@code version} or {@code timestamp}
   * replaced). Only a registered table travels: {@code delta_scan(...)} takes the version in
   * its options.
   */
  @Override
  public TableSource asOf(TimeTravel at) {
    if (registered == null) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, call + " cannot be read "
          + at.describe() + ": pass {\"version\": N} or {\"timestamp\": \"...\"} in its options");
    }
    return registered.open(at);
  }

  @Override
  public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
    return scan(ScanRequest.of(projection, batchSize), allocator);
  }

  /**
   * A scan of the request's columns; its predicates become Kernel's scan filter (partition
   * pruning and data skipping by file statistics, unless {@code enable_parquet_pushdown} is
   * false), and it stops once it has returned the request's limit of rows.
   */
  @Override
  public TableScan scan(ScanRequest request, BufferAllocator allocator) {
    return new DeltaTableScan(call, snapshot, deltaSchema, layout, request, allocator);
  }
}
