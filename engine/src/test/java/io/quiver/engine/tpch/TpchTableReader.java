package io.quiver.engine.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Generates one TPC-H table with the {@code io.trino.tpch} port of dbgen and hands it out as
 * Arrow batches of {@link TpchSchema}'s types, like any other {@link ArrowReader}.
 *
 * <p>Every batch gets freshly allocated buffers, so a consumer that keeps a reference to the
 * buffers of one batch (an in-memory table, a transfer) is never overwritten by the next one.
 */
public final class TpchTableReader extends ArrowReader {
  private final TpchTable<?> table;
  private final Schema schema;
  private final int batchRows;
  private final Iterator<? extends TpchEntity> rows;
  private final List<ColumnFiller> fillers = new ArrayList<>();
  private long rowsGenerated;

  /** Fills row {@code row} of {@code vector} from one generated entity. */
  private interface ColumnFiller {
    void fill(FieldVector vector, int row, TpchEntity entity);
  }

  /**
   * A reader of {@code table} at {@code scaleFactor}, {@code batchRows} rows per batch, with
   * buffers from {@code allocator}.
   */
  public TpchTableReader(TpchTable<?> table, double scaleFactor, int batchRows,
      BufferAllocator allocator) {
    super(allocator);
    if (batchRows <= 0) {
      throw new IllegalArgumentException("batchRows must be positive: " + batchRows);
    }
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("scale factor must be positive: " + scaleFactor);
    }
    this.table = table;
    this.schema = TpchSchema.arrowSchema(table);
    this.batchRows = batchRows;
    this.rows = table.createGenerator(scaleFactor, 1, 1).iterator();
    for (TpchColumn<?> column : table.getColumns()) {
      fillers.add(filler(column));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ColumnFiller filler(TpchColumn<?> untyped) {
    TpchColumn column = untyped;
    switch (TpchSchema.columnType(untyped)) {
      case INTEGER:
        if (untyped.getType().getBase() == TpchColumnType.Base.INTEGER) {
          return (vector, row, entity) -> ((IntVector) vector).set(row,
              column.getInteger(entity));
        }
        return (vector, row, entity) -> ((IntVector) vector).set(row,
            Math.toIntExact(column.getIdentifier(entity)));
      case BIGINT:
        return (vector, row, entity) -> ((BigIntVector) vector).set(row,
            column.getIdentifier(entity));
      case DECIMAL:
        // The generator keeps money in cents and returns cents / 100.0: rounding recovers them.
        return (vector, row, entity) -> ((DecimalVector) vector).set(row,
            Math.round(column.getDouble(entity) * 100.0));
      case DATE:
        return (vector, row, entity) -> ((DateDayVector) vector).set(row,
            column.getDate(entity));
      case VARCHAR:
        return (vector, row, entity) -> ((VarCharVector) vector).setSafe(row,
            column.getString(entity).getBytes(StandardCharsets.UTF_8));
      default:
        throw new IllegalStateException("unknown column type of " + untyped.getColumnName());
    }
  }

  /** The table this reader generates. */
  public TpchTable<?> table() {
    return table;
  }

  /** Rows handed out so far. */
  public long rowsGenerated() {
    return rowsGenerated;
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    VectorSchemaRoot root = getVectorSchemaRoot();
    if (!rows.hasNext()) {
      root.setRowCount(0);
      return false;
    }
    for (FieldVector vector : root.getFieldVectors()) {
      if (vector instanceof VarCharVector text) {
        text.allocateNew(32L * batchRows, batchRows);
      } else {
        vector.setInitialCapacity(batchRows);
        vector.allocateNew();
      }
    }
    List<FieldVector> vectors = root.getFieldVectors();
    int count = 0;
    while (count < batchRows && rows.hasNext()) {
      TpchEntity entity = rows.next();
      for (int column = 0; column < vectors.size(); column++) {
        fillers.get(column).fill(vectors.get(column), count, entity);
      }
      count++;
    }
    root.setRowCount(count);
    rowsGenerated += count;
    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    // Nothing to release: the generator holds no native resources.
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
