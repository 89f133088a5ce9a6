package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Constant rows ({@code VALUES (...), (...)}) given as Java values and written into vectors of
 * the schema's types by {@link JavaValueWriter} (see there for the accepted Java types);
 * returned in batches of at most {@code context.batchSize()} rows.
 */
public final class ValuesOperator extends AbstractOperator {
  private final List<List<Object>> rows;
  private int position;

  public ValuesOperator(ExecutionContext context, Schema schema, List<List<Object>> rows) {
    super("Values", context, schema, List.of());
    int columns = schema.getFields().size();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns) {
        throw new QuiverException(ErrorKind.INTERNAL, "VALUES row " + (i + 1) + " has "
            + rows.get(i).size() + " values for " + columns + " columns (a bug in Quiver)");
      }
    }
    // Rows may hold nulls, so they are copied with ArrayList, not List.copyOf.
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(new ArrayList<>(row));
    }
    this.rows = copy;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (position >= rows.size()) {
      return null;
    }
    int count = Math.min(context.batchSize(), rows.size() - position);
    VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator());
    try {
      for (int column = 0; column < schema.getFields().size(); column++) {
        FieldVector vector = batch.getVector(column);
        vector.setInitialCapacity(count);
        vector.allocateNew();
        for (int row = 0; row < count; row++) {
          Object value = rows.get(position + row).get(column);
          try {
            JavaValueWriter.write(vector, row, value);
          } catch (QuiverException e) {
            throw e.withContext("VALUES row " + (position + row + 1) + ", column "
                + schema.getFields().get(column).getName());
          }
        }
      }
      batch.setRowCount(count);
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
    position += count;
    return emit(batch);
  }


  @Override
  protected void release() {
  }

  @Override
  public String describe() {
    return "Values[rows=" + rows.size() + "]";
  }
}
