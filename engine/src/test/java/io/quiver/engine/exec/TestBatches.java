package io.quiver.engine.exec;

import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.engine.exec.operator.BatchListScanOperator;
import io.quiver.udf.convert.ArrowValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds hand-made batches and reads operator output back as Java rows, for tests. */
public final class TestBatches {
  private TestBatches() {}

  public static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  public static Schema schema(Field... fields) {
    return new Schema(Arrays.asList(fields));
  }

  /** One batch holding {@code rows} (each an array of Java values, one per column). */
  public static VectorSchemaRoot batch(BufferAllocator allocator, Schema schema,
      Object[]... rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    try {
      for (FieldVector vector : root.getFieldVectors()) {
        vector.allocateNew();
      }
      for (int row = 0; row < rows.length; row++) {
        for (int column = 0; column < rows[row].length; column++) {
          JavaValueWriter.write(root.getVector(column), row, rows[row][column]);
        }
      }
      root.setRowCount(rows.length);
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  public static Object[] row(Object... values) {
    return values;
  }

  /** The rows of a root as Java values ({@link ArrowValues}). */
  public static List<List<Object>> rows(VectorSchemaRoot root) {
    List<List<Object>> rows = new ArrayList<>();
    for (int row = 0; row < root.getRowCount(); row++) {
      List<Object> values = new ArrayList<>();
      for (FieldVector vector : root.getFieldVectors()) {
        values.add(ArrowValues.toJava(vector, row));
      }
      rows.add(values);
    }
    return rows;
  }

  /** Reads an operator to the end; checks every batch has the operator's schema. */
  public static List<List<Object>> drain(Operator operator) {
    List<List<Object>> rows = new ArrayList<>();
    VectorSchemaRoot batch;
    while ((batch = operator.next()) != null) {
      if (!batch.getSchema().equals(operator.schema())) {
        throw new AssertionError("batch schema " + batch.getSchema() + " differs from "
            + operator.schema());
      }
      rows.addAll(rows(batch));
    }
    return rows;
  }

  /** A scan over the given batches (all columns). */
  public static Operator scan(ExecutionContext context, Schema schema,
      List<VectorSchemaRoot> batches) {
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    return new BatchListScanOperator("test", context, batches, schema, projection);
  }

  public static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }
}
