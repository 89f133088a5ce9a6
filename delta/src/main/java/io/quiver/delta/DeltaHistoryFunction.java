package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code delta_history(table_uri)}: one row per commit still in the table's log, newest first
 * (like Delta's {@code DESCRIBE HISTORY}): {@code version}, {@code timestamp} (the commit time
 * Kernel's time travel uses, {@link DeltaCommits}), {@code operation},
 * {@code operation_parameters} (JSON object text, values as text, keys sorted) and
 * {@code is_blind_append} from the commit's {@code commitInfo}; NULL where the commit has no
 * commitInfo or the field is absent.
 */
final class DeltaHistoryFunction extends DeltaMetadataFunction {
  static final String NAME = "delta_history";
  private static final Schema SCHEMA = new Schema(Arrays.asList(
      column("version", Types.BIGINT),
      column("timestamp", Types.TIMESTAMP),
      column("operation", Types.VARCHAR),
      column("operation_parameters", Types.VARCHAR),
      column("is_blind_append", Types.BOOLEAN)));

  DeltaHistoryFunction(Supplier<BufferAllocator> parentAllocator, int batchSize) {
    super(NAME, false, parentAllocator, batchSize);
  }

  @Override
  public String description() {
    return "the commits of a Delta table, newest first: delta_history(table_uri) -> version,"
        + " timestamp, operation, operation_parameters (JSON), is_blind_append";
  }

  @Override
  Schema schema() {
    return SCHEMA;
  }

  @Override
  List<List<Object>> rows(DeltaTable table, Snapshot latest, Engine engine) {
    List<DeltaCommits.Commit> commits = DeltaCommits.read(table, latest, engine);
    List<List<Object>> rows = new ArrayList<>(commits.size());
    for (int i = commits.size() - 1; i >= 0; i--) {
      DeltaCommits.Commit commit = commits.get(i);
      rows.add(Arrays.asList(commit.version(), timestamp(commit.timestampMillis()),
          commit.operation(),
          commit.operationParameters() == null ? null
              : json(new TreeMap<>(commit.operationParameters())),
          commit.isBlindAppend()));
    }
    return rows;
  }
}
