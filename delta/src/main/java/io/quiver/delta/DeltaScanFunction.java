package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.quiver.delta.kernel.QuiverKernelEngine;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.Types;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code delta_scan(table_uri [, options_json])}: a Delta table's latest snapshot, or the one
 * {@code {"version": N}} or {@code {"timestamp": "..."}} selects ({@link DeltaScanOptions}), as a
 * table. The snapshot is loaded when the query is planned, in a child allocator of the session's
 * that is closed as soon as the log is read; the data is read when the query runs.
 */
public final class DeltaScanFunction implements TableFunction {
  public static final String NAME = "delta_scan";
  private static final Signature SIGNATURE = Signature.of(ReturnType.TABLE,
      ArgumentType.exact(Types.VARCHAR));

  private final Supplier<BufferAllocator> parentAllocator;
  private final int batchSize;

  /**
   * @param parentAllocator the allocator snapshot loading allocates under (the session's)
   * @param batchSize rows per Parquet batch when reading the log's checkpoints
   */
  public DeltaScanFunction(Supplier<BufferAllocator> parentAllocator, int batchSize) {
    this.parentAllocator = Objects.requireNonNull(parentAllocator, "parentAllocator is null");
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  @Override
  public String description() {
    return "a Delta Lake table: delta_scan(table_uri [, options_json]); options: {\"version\": N}"
        + " or {\"timestamp\": \"2024-01-01T00:00:00Z\"}";
  }

  @Override
  public TableSource open(TableArguments arguments) {
    Object uri = arguments.values().get(0);
    String call = NAME + "(" + (uri instanceof String text ? "'" + text + "'" : "NULL") + ")";
    DeltaScanOptions options = DeltaScanOptions.latest();
    try {
      options = DeltaScanOptions.parse(arguments.options());
      DeltaTable table = DeltaTable.at(uri instanceof String text ? text : null);
      return new DeltaTableSource(call, load(table, options));
    } catch (RuntimeException e) {
      QuiverException error = DeltaErrors.translate(e);
      if (error != e) {
        error = QuiverException.wrap(ErrorKind.DATA, null, error);
      }
      return rethrow(error.withContext(options.describe()).withContext(call));
    }
  }

  /** Loads the selected snapshot with a short-lived engine and allocator. */
  private Snapshot load(DeltaTable table, DeltaScanOptions options) {
    BufferAllocator allocator = parentAllocator.get().newChildAllocator("delta_scan snapshot",
        0, Long.MAX_VALUE);
    try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, batchSize)) {
      return table.snapshot(engine, options);
    } finally {
      allocator.close();
    }
  }

  private static TableSource rethrow(QuiverException error) {
    throw error;
  }
}
