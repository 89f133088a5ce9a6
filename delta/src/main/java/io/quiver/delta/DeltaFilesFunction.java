package io.quiver.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code delta_files(table_uri [, options_json])}: one row per active data file of the snapshot
 * the options select, ordered by path: {@code path} (the local absolute path),
 * {@code size}, {@code modification_time}, {@code partition_values} (JSON object of the
 * {@code add}'s partition values, physical column names, keys sorted), {@code num_records} (the
 * statistics' {@code numRecords}, NULL without statistics), {@code stats} (the raw statistics
 * JSON text) and {@code has_deletion_vector}. Statistics that are not a JSON object, or whose
 * {@code numRecords} is not a non-negative integer, are a DATA error naming the file; other keys
 * of the statistics are not checked (the Delta protocol lets writers add their own).
 */
final class DeltaFilesFunction extends DeltaMetadataFunction {
  static final String NAME = "delta_files";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = new Schema(Arrays.asList(
      column("path", Types.VARCHAR),
      column("size", Types.BIGINT),
      column("modification_time", Types.TIMESTAMP),
      column("partition_values", Types.VARCHAR),
      column("num_records", Types.BIGINT),
      column("stats", Types.VARCHAR),
      column("has_deletion_vector", Types.BOOLEAN)));

  DeltaFilesFunction(Supplier<BufferAllocator> parentAllocator, int batchSize) {
    super(NAME, true, parentAllocator, batchSize);
  }

  @Override
  public String description() {
    return "the active data files of a Delta snapshot: delta_files(table_uri [, options_json])"
        + " -> path, size, modification_time, partition_values (JSON), num_records, stats,"
        + " has_deletion_vector; options: {\"version\": N} or {\"timestamp\": \"...\"}";
  }

  @Override
  Schema schema() {
    return SCHEMA;
  }

  @Override
  List<List<Object>> rows(DeltaTable table, Snapshot snapshot, Engine engine) {
    List<DeltaActiveFiles.ActiveFile> files = new ArrayList<>();
    DeltaActiveFiles.forEach(snapshot, engine, true, files::add);
    files.sort(Comparator.comparing(DeltaActiveFiles.ActiveFile::path));
    List<List<Object>> rows = new ArrayList<>(files.size());
    for (DeltaActiveFiles.ActiveFile file : files) {
      rows.add(Arrays.asList(file.path(), file.size(), timestamp(file.modificationTime()),
          json(new TreeMap<>(file.partitionValues())), numRecords(file), file.stats(),
          file.hasDeletionVector()));
    }
    return rows;
  }

  /** The statistics' numRecords, or null when there are no statistics or no such key. */
  static Long numRecords(DeltaActiveFiles.ActiveFile file) {
    if (file.stats() == null || file.stats().isBlank()) {
      return null;
    }
    JsonNode stats;
    try {
      stats = JSON.readTree(file.stats());
    } catch (JsonProcessingException e) {
      throw new QuiverException(ErrorKind.DATA, "the statistics of data file " + file.path()
          + " are not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (stats == null || !stats.isObject()) {
      throw new QuiverException(ErrorKind.DATA, "the statistics of data file " + file.path()
          + " are not a JSON object: " + abbreviate(file.stats()));
    }
    JsonNode count = stats.get("numRecords");
    if (count == null || count.isNull()) {
      return null;
    }
    if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
      throw new QuiverException(ErrorKind.DATA, "the statistics of data file " + file.path()
          + " have a numRecords that is not a non-negative integer: " + count);
    }
    return count.asLong();
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
