package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.utils.CloseableIterator;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.delta.kernel.LocalPaths;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
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
    return "a Delta Lake table: delta_scan(table_uri [, options_json]); options: "
        + DeltaScanOptions.KEYS;
  }

  @Override
  public TableSource open(TableArguments arguments) {
    Object argument = arguments.values().get(0);
    String uri = argument instanceof String text ? text : null;
    String call = call(uri);
    DeltaScanOptions options = DeltaScanOptions.latest();
    try {
      options = DeltaScanOptions.parse(arguments.options());
      uri = tableUri(uri, options.tableUri());
      call = call(uri);
      options.checkStorageOptions();
      return open(call, DeltaTable.at(uri), options);
    } catch (RuntimeException e) {
      QuiverException error = DeltaErrors.translate(e);
      if (error != e) {
        error = QuiverException.wrap(ErrorKind.DATA, null, error);
      }
      return rethrow(error.withContext(options.describe()).withContext(call));
    }
  }

  private static String call(String uri) {
    return NAME + "(" + (uri == null ? "NULL" : "'" + uri + "'") + ")";
  }

  /**
   * The table URI: the argument, or the {@code table_uri} option when the argument is NULL;
   * both given must name the same table (the same text, or the same local folder).
   */
  static String tableUri(String argument, String option) {
    if (option == null) {
      return argument;
    }
    if (argument == null || argument.equals(option)
        || sameLocalFolder(argument, option)) {
      return argument == null ? option : argument;
    }
    throw new QuiverException(ErrorKind.DATA, "delta_scan option table_uri '" + option
        + "' names another table than the argument '" + argument + "': leave the option out,"
        + " give the same URI, or pass NULL as the argument");
  }

  private static boolean sameLocalFolder(String a, String b) {
    try {
      return LocalPaths.toPath(a).toAbsolutePath().normalize()
          .equals(LocalPaths.toPath(b).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Loads the selected snapshot with a short-lived engine and allocator, checks the protocol
   * requirements and the {@code files} against the snapshot's active files, and lays out the
   * table the scan config describes.
   */
  private TableSource open(String call, DeltaTable table, DeltaScanOptions options) {
    BufferAllocator allocator = parentAllocator.get().newChildAllocator("delta_scan snapshot",
        0, Long.MAX_VALUE);
    try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, batchSize)) {
      Snapshot snapshot = table.snapshot(engine, options);
      try {
        DeltaProtocolRequirements.check(options, KernelInternals.protocol(snapshot),
            snapshot.getVersion());
        DeltaFileSelection files = null;
        if (options.files() != null) {
          files = DeltaFileSelection.of(options.files(), table.root());
          files.checkActive(activeFiles(engine, snapshot), snapshot.getVersion());
        }
        return new DeltaTableSource(call, snapshot,
            DeltaScanLayout.of(snapshot.getSchema(), options.scanConfig(), files));
      } catch (RuntimeException e) {
        QuiverException error = DeltaErrors.translate(e);
        return rethrow(options.version() == null
            ? error.withContext("version " + snapshot.getVersion()) : error);
      }
    } finally {
      allocator.close();
    }
  }

  /** The active data files of {@code snapshot}, as absolute normalised local paths. */
  private static Set<Path> activeFiles(QuiverKernelEngine engine, Snapshot snapshot) {
    Set<Path> active = new HashSet<>();
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot.getScanBuilder().build().getScanFiles(engine)) {
      while (batches.hasNext()) {
        FilteredColumnarBatch batch = batches.next();
        try (CloseableIterator<Row> rows = batch.getRows()) {
          while (rows.hasNext()) {
            String path = KernelInternals.dataFile(rows.next()).getPath();
            active.add(LocalPaths.toPath(path).toAbsolutePath().normalize());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return active;
  }

  private static TableSource rethrow(QuiverException error) {
    throw error;
  }
}
