package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Scans a list of in-memory batches, returning at most {@code batchSize} rows at a time as
 * zero-copy slices of the projected columns.
 */
public final class BatchListScanOperator extends AbstractOperator {
  private final String source;
  private final List<VectorSchemaRoot> batches;
  private final int[] projection;
  private int batchIndex;
  private int rowOffset;

  public BatchListScanOperator(String source, ExecutionContext context,
      List<VectorSchemaRoot> batches, Schema tableSchema, int[] projection) {
    super("Scan", context, project(tableSchema, projection), List.of());
    this.source = source;
    this.batches = batches;
    this.projection = projection.clone();
  }

  static Schema project(Schema schema, int[] projection) {
    List<Field> fields = new ArrayList<>(projection.length);
    for (int index : projection) {
      fields.add(schema.getFields().get(index));
    }
    return new Schema(fields);
  }

  @Override
  protected VectorSchemaRoot doNext() {
    while (batchIndex < batches.size()) {
      VectorSchemaRoot batch = batches.get(batchIndex);
      int rows = batch.getRowCount();
      if (rowOffset >= rows) {
        batchIndex++;
        rowOffset = 0;
        continue;
      }
      int length = Math.min(context.batchSize(), rows - rowOffset);
      List<FieldVector> vectors = new ArrayList<>(projection.length);
      for (int column : projection) {
        // A slice shares the table's buffers (reference-counted), so the table stays intact.
        vectors.add(io.quiver.engine.exec.batch.VectorSlices.slice(batch.getVector(column),
            rowOffset, length, allocator()));
      }
      rowOffset += length;
      return emit(new VectorSchemaRoot(schema.getFields(), vectors, length));
    }
    return null;
  }


  @Override
  public String describe() {
    return "Scan[" + source + ", columns=" + schema.getFields().size() + "]";
  }
}
