package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.udf.function.Types;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code delta_snapshot(table_uri [, options_json])}: one row describing the snapshot the options
 * select ({@link DeltaScanOptions}: latest, {@code version} or {@code timestamp}):
 * {@code version}, {@code timestamp} (Kernel's snapshot timestamp), the protocol
 * ({@code min_reader_version}, {@code min_writer_version}, {@code reader_features} and
 * {@code writer_features} as sorted JSON arrays, NULL when the protocol version has no feature
 * lists), {@code schema} (the {@code metaData.schemaString} as written), {@code partition_columns}
 * (JSON array), {@code properties} (JSON object, keys sorted), and {@code file_count} /
 * {@code total_size} over the active data files.
 */
final class DeltaSnapshotFunction extends DeltaMetadataFunction {
  static final String NAME = "delta_snapshot";
  private static final Schema SCHEMA = new Schema(Arrays.asList(
      column("version", Types.BIGINT),
      column("timestamp", Types.TIMESTAMP),
      column("min_reader_version", Types.INTEGER),
      column("min_writer_version", Types.INTEGER),
      column("reader_features", Types.VARCHAR),
      column("writer_features", Types.VARCHAR),
      column("schema", Types.VARCHAR),
      column("partition_columns", Types.VARCHAR),
      column("properties", Types.VARCHAR),
      column("file_count", Types.BIGINT),
      column("total_size", Types.BIGINT)));

  DeltaSnapshotFunction(Supplier<BufferAllocator> parentAllocator, int batchSize) {
    super(NAME, true, parentAllocator, batchSize);
  }

  @Override
  public String description() {
    return "one row describing a Delta snapshot: delta_snapshot(table_uri [, options_json]) ->"
        + " version, timestamp, protocol, schema, partition columns, properties, file count and"
        + " size; options: {\"version\": N} or {\"timestamp\": \"...\"}";
  }

  @Override
  Schema schema() {
    return SCHEMA;
  }

  @Override
  List<List<Object>> rows(DeltaTable table, Snapshot snapshot, Engine engine) {
    long[] countAndSize = new long[2];
    DeltaActiveFiles.forEach(snapshot, engine, false, file -> {
      countAndSize[0]++;
      countAndSize[1] += file.size();
    });
    return List.of(Arrays.asList(snapshot.getVersion(),
        timestamp(snapshot.getTimestamp(engine)),
        KernelInternals.minReaderVersion(snapshot),
        KernelInternals.minWriterVersion(snapshot),
        json(KernelInternals.readerFeatures(snapshot)),
        json(KernelInternals.writerFeatures(snapshot)),
        KernelInternals.schemaString(snapshot),
        json(snapshot.getPartitionColumnNames()),
        json(new TreeMap<>(snapshot.getTableProperties())),
        countAndSize[0], countAndSize[1]));
  }
}
