package io.quiver.udf.function;

import io.quiver.udf.convert.JavaValueWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Adapters that make a {@link TableSource} from Java values (through {@link JavaValueWriter}). */
public final class TableSources {
  private TableSources() {}

  /**
   * A small table of Java values, one list per row in schema order; converted to Arrow when
   * scanned, {@code batchSize} rows at a time.
   */
  public static TableSource ofRows(Schema schema, List<List<Object>> rows) {
    Objects.requireNonNull(schema, "schema is null");
    List<List<Object>> copy = List.copyOf(rows);
    return new TableSource() {
      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public long estimatedRowCount() {
        return copy.size();
      }

      @Override
      public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
        return new TableScan() {
          private int next;

          @Override
          public VectorSchemaRoot next() {
            if (next >= copy.size()) {
              return null;
            }
            int end = Math.min(copy.size(), next + batchSize);
            List<FieldVector> vectors = new ArrayList<>(projection.length);
            List<Field> fields = new ArrayList<>(projection.length);
            try {
              for (int column : projection) {
                Field field = schema.getFields().get(column);
                FieldVector vector = field.createVector(allocator);
                vectors.add(vector);
                fields.add(field);
                for (int row = next; row < end; row++) {
                  JavaValueWriter.write(vector, row - next, copy.get(row).get(column));
                }
                vector.setValueCount(end - next);
              }
            } catch (RuntimeException e) {
              vectors.forEach(FieldVector::close);
              throw e;
            }
            int count = end - next;
            next = end;
            return new VectorSchemaRoot(fields, vectors, count);
          }

          @Override
          public void close() {}
        };
      }
    };
  }
}
