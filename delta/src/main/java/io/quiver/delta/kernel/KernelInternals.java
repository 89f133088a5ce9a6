package io.quiver.delta.kernel;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.ScanImpl;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.tablefeatures.TableFeature;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place Quiver uses Delta Kernel's {@code @Experimental} and {@code internal} APIs, so an
 * upgrade that moves them breaks one class: snapshot loading ({@link TableManager},
 * {@link SnapshotBuilder}, experimental in 4.2), the scan-state and scan-file accessors
 * Kernel's own example reader uses ({@code ScanStateRow}, {@code InternalScanFileUtils}), a
 * snapshot's protocol and schema string ({@code SnapshotImpl}), and scan files with their
 * statistics ({@code ScanImpl}) for the metadata table functions.
 */
public final class KernelInternals {
  private KernelInternals() {}

  /** The latest snapshot of the table at {@code tablePath}. */
  public static Snapshot latestSnapshot(Engine engine, String tablePath) {
    return TableManager.loadSnapshot(tablePath).build(engine);
  }

  /** The snapshot at {@code version}. */
  public static Snapshot snapshotAtVersion(Engine engine, String tablePath, long version) {
    return TableManager.loadSnapshot(tablePath).atVersion(version).build(engine);
  }

  /**
   * The snapshot current at {@code timestampMillis}: the last commit at or before it, resolved
   * against {@code latest}.
   */
  public static Snapshot snapshotAtTimestamp(Engine engine, String tablePath,
      long timestampMillis, Snapshot latest) {
    return TableManager.loadSnapshot(tablePath).atTimestamp(timestampMillis, latest)
        .build(engine);
  }

  /** The physical schema to read from each data file (with the row-index column if needed). */
  public static StructType physicalReadSchema(Row scanState) {
    return ScanStateRow.getPhysicalDataReadSchema(scanState);
  }

  /** The data file a scan-file row names. */
  public static FileStatus dataFile(Row scanFile) {
    return InternalScanFileUtils.getAddFileStatus(scanFile);
  }

  /** The snapshot's protocol reader version. */
  public static int minReaderVersion(Snapshot snapshot) {
    return kernelProtocol(snapshot).getMinReaderVersion();
  }

  /** The snapshot's protocol writer version. */
  public static int minWriterVersion(Snapshot snapshot) {
    return kernelProtocol(snapshot).getMinWriterVersion();
  }

  /**
   * The reader features the protocol names, sorted, or null when its reader version does not
   * support table features (below 3).
   */
  public static List<String> readerFeatures(Snapshot snapshot) {
    Protocol protocol = kernelProtocol(snapshot);
    return protocol.supportsReaderFeatures()
        ? protocol.getReaderFeatures().stream().sorted().toList() : null;
  }

  /**
   * The writer features the protocol names, sorted, or null when its writer version does not
   * support table features (below 7).
   */
  public static List<String> writerFeatures(Snapshot snapshot) {
    Protocol protocol = kernelProtocol(snapshot);
    return protocol.supportsWriterFeatures()
        ? protocol.getWriterFeatures().stream().sorted().toList() : null;
  }

  /** The {@code schemaString} of the snapshot's {@code metaData} action, as written. */
  public static String schemaString(Snapshot snapshot) {
    return impl(snapshot).getMetadata().getSchemaString();
  }

  /** The scan's files with each {@code add}'s {@code stats} JSON text included. */
  public static CloseableIterator<FilteredColumnarBatch> scanFilesWithStats(Scan scan,
      Engine engine) {
    return ((ScanImpl) scan).getScanFiles(engine, true);
  }

  /** The partition values of a scan-file row (physical column name to value text). */
  public static Map<String, String> partitionValues(Row scanFile) {
    return InternalScanFileUtils.getPartitionValues(scanFile);
  }

  /** Whether a scan-file row's {@code add} carries a deletion vector. */
  public static boolean hasDeletionVector(Row scanFile) {
    return InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile) != null;
  }

  /**
   * The {@code stats} JSON text of a scan-file row read with {@link #scanFilesWithStats}, or
   * null when the file has none.
   */
  public static String stats(Row scanFile) {
    Row add = scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
    int ordinal = InternalScanFileUtils.ADD_FILE_STATS_ORDINAL;
    if (add == null || add.getSchema().length() <= ordinal || add.isNullAt(ordinal)) {
      return null;
    }
    return add.getString(ordinal);
  }

  private static SnapshotImpl impl(Snapshot snapshot) {
    return (SnapshotImpl) snapshot;
  }

  private static Protocol kernelProtocol(Snapshot snapshot) {
    return impl(snapshot).getProtocol();
  }

  /** A closeable iterator over one item (Kernel's own utility). */
  public static <T> CloseableIterator<T> singleton(T item) {
    return Utils.singletonCloseableIterator(item);
  }

  /** The data file's path as the log's add action writes it (relative to the table, usually). */
  public static String logFilePath(Row scanFile) {
    return InternalScanFileUtils.getFilePath(scanFile);
  }

  /** The protocol of {@code snapshot}, with the features its legacy versions imply. */
  public static DeltaProtocol protocol(Snapshot snapshot) {
    Protocol protocol = kernelProtocol(snapshot);
    Set<String> reader = new HashSet<>(protocol.getReaderFeatures());
    Set<String> writer = new HashSet<>(protocol.getWriterFeatures());
    for (TableFeature feature : protocol.getImplicitlySupportedFeatures()) {
      writer.add(feature.featureName());
      if (feature.isReaderWriterFeature()) {
        reader.add(feature.featureName());
      }
    }
    return new DeltaProtocol(protocol.getMinReaderVersion(), protocol.getMinWriterVersion(),
        reader, writer);
  }
}
