package io.quiver.engine.tpch;

import io.quiver.engine.QuiverSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The eight generated TPC-H tables as Arrow batches, owned by this object until
 * {@link #close()}.
 */
public final class TpchDataSet implements AutoCloseable {
  private final double scaleFactor;
  private final Map<String, List<VectorSchemaRoot>> tables;
  private boolean closed;

  TpchDataSet(double scaleFactor, Map<String, List<VectorSchemaRoot>> tables) {
    this.scaleFactor = scaleFactor;
    this.tables = new LinkedHashMap<>(tables);
  }

  public double scaleFactor() {
    return scaleFactor;
  }

  /** Table names in lower case, in the specification's order. */
  public List<String> tableNames() {
    return List.copyOf(tables.keySet());
  }

  /** The batches of table {@code name}; they stay owned by this data set. */
  public List<VectorSchemaRoot> batches(String name) {
    List<VectorSchemaRoot> batches = tables.get(name);
    if (batches == null) {
      throw new IllegalArgumentException("no TPC-H table " + name + "; tables: " + tableNames());
    }
    return batches;
  }

  /** Rows of table {@code name}. */
  public long rowCount(String name) {
    long rows = 0;
    for (VectorSchemaRoot batch : batches(name)) {
      rows += batch.getRowCount();
    }
    return rows;
  }

  /** Registers every table in {@code session} (the session copies what it needs). */
  public void registerIn(QuiverSession session) {
    for (Map.Entry<String, List<VectorSchemaRoot>> table : tables.entrySet()) {
      session.registerTable(table.getKey(), table.getValue());
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (List<VectorSchemaRoot> batches : tables.values()) {
      for (VectorSchemaRoot batch : batches) {
        batch.close();
      }
    }
  }
}
