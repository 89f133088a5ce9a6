package io.quiver.delta.kernel;

import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.internal.actions.Protocol;
import io.delta.kernel.internal.tablefeatures.TableFeature;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.FileStatus;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place Quiver uses Delta Kernel's {@code @Experimental} and {@code internal} APIs, so an
 * upgrade that moves them breaks one class: snapshot loading ({@link TableManager},
 * {@link SnapshotBuilder}, experimental in 4.2), and the scan-state and scan-file accessors
 * Kernel's own example reader uses ({@code ScanStateRow}, {@code InternalScanFileUtils}), and
 * a snapshot's protocol ({@code SnapshotImpl.getProtocol}).
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

  /** The data file's path as the log's add action writes it (relative to the table, usually). */
  public static String logFilePath(Row scanFile) {
    return InternalScanFileUtils.getFilePath(scanFile);
  }

  /** The protocol of {@code snapshot}, with the features its legacy versions imply. */
  public static DeltaProtocol protocol(Snapshot snapshot) {
    Protocol protocol = ((SnapshotImpl) snapshot).getProtocol();
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
