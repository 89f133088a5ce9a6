package io.quiver.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.delta.kernel.LocalPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The active data files of a snapshot, as Kernel's log replay lists them
 * ({@link Scan#getScanFiles}: every {@code add} not removed by a later {@code remove}, read from
 * the checkpoint and the commits after it). The metadata table functions' view of a file; reading
 * the data goes through {@link DeltaTableScan} instead.
 */
final class DeltaActiveFiles {
  /**
   * One active data file.
   *
   * @param path the file's local path (absolute, the table root resolved)
   * @param size bytes, as the {@code add} action says
   * @param modificationTime milliseconds since the epoch, as the {@code add} action says
   * @param partitionValues partition column (physical name) to value text (null for NULL)
   * @param stats the {@code add}'s {@code stats} JSON text, or null (only with statistics)
   * @param hasDeletionVector whether some of the file's rows are deleted by a deletion vector
   */
  record ActiveFile(String path, long size, long modificationTime,
      Map<String, String> partitionValues, String stats, boolean hasDeletionVector) {}

  private DeltaActiveFiles() {}

  /**
   * Calls {@code visitor} for each active file of {@code snapshot}, in Kernel's order (the log's
   * newest files first); {@code withStats} also reads each file's statistics.
   */
  static void forEach(Snapshot snapshot, Engine engine, boolean withStats,
      Consumer<ActiveFile> visitor) {
    Scan scan = snapshot.getScanBuilder().build();
    try (CloseableIterator<FilteredColumnarBatch> batches = withStats
        ? KernelInternals.scanFilesWithStats(scan, engine) : scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        for (Row row : selectedRows(batches.next())) {
          FileStatus file = KernelInternals.dataFile(row);
          visitor.accept(new ActiveFile(LocalPaths.toPath(file.getPath()).toString(),
              file.getSize(), file.getModificationTime(), KernelInternals.partitionValues(row),
              withStats ? KernelInternals.stats(row) : null,
              KernelInternals.hasDeletionVector(row)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a scan-file batch its selection vector keeps. */
  private static List<Row> selectedRows(FilteredColumnarBatch batch) throws IOException {
    Optional<ColumnVector> selection = batch.getSelectionVector();
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> all = batch.getData().getRows()) {
      for (int index = 0; all.hasNext(); index++) {
        Row row = all.next();
        if (selection.isEmpty() || !selection.get().isNullAt(index)
            && selection.get().getBoolean(index)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
