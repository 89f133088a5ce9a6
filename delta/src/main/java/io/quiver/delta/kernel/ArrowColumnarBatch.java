package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kernel {@link ColumnarBatch} of column vectors from one Parquet batch: {@link ArrowColumnVector}s
 * over the reader's Arrow vectors (data files) or their {@link HeapColumnVector} copies (log
 * files). It does not own Arrow memory: the Parquet handler's iterator releases a batch when it
 * moves on or closes. Kernel's column edits ({@link #withNewColumn},
 * {@link #withDeletedColumnAt}, {@link #withNewSchema}) return new views of the same vectors.
 */
public final class ArrowColumnarBatch implements ColumnarBatch {
  private final StructType schema;
  private final List<ColumnVector> vectors;
  private final int size;

  public ArrowColumnarBatch(StructType schema, List<ColumnVector> vectors, int size) {
    if (schema.length() != vectors.size()) {
      throw new IllegalArgumentException("a schema of " + schema.length() + " fields for "
          + vectors.size() + " vectors");
    }
    this.schema = schema;
    this.vectors = List.copyOf(vectors);
    this.size = size;
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return vectors.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    List<ColumnVector> columns = new ArrayList<>(vectors);
    fields.add(ordinal, field);
    columns.add(ordinal, vector);
    return new ArrowColumnarBatch(new StructType(fields), columns, size);
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    List<ColumnVector> columns = new ArrayList<>(vectors);
    fields.remove(ordinal);
    columns.remove(ordinal);
    return new ArrowColumnarBatch(new StructType(fields), columns, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    return new ArrowColumnarBatch(newSchema, vectors, size);
  }
}
