package io.quiver.engine.catalog;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.BatchListScanOperator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table held in session memory as a list of Arrow batches. Batches allocated under the
 * session's root allocator are shared, not copied (registering takes a reference to the
 * caller's buffers, accounted to the session's table allocator); batches from another
 * allocator root are copied. Either way the caller may close its own batches afterwards.
 */
public final class InMemoryTable implements QuiverTable {
  private final String name;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private long rows;
  private boolean closed;

  private InMemoryTable(String name, Schema schema, BufferAllocator allocator) {
    this.name = name;
    this.schema = schema;
    this.allocator = allocator;
  }

  public static InMemoryTable empty(String name, Schema schema, BufferAllocator allocator) {
    return new InMemoryTable(name, schema, allocator);
  }

  public static InMemoryTable copyOf(String name, Schema schema, List<VectorSchemaRoot> batches,
      BufferAllocator allocator) {
    InMemoryTable table = new InMemoryTable(name, schema, allocator);
    try {
      for (VectorSchemaRoot batch : batches) {
        table.append(batch);
      }
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  /** Adds a batch; shares the batch's buffers (reference-counted) rather than copying them. */
  public void append(VectorSchemaRoot batch) {
    if (!batch.getSchema().equals(schema)) {
      throw new QuiverException(ErrorKind.DATA,
          "batch schema " + batch.getSchema() + " does not match table schema " + schema)
          .withContext("table " + name);
    }
    int rowCount = batch.getRowCount();
    if (rowCount == 0 && !batches.isEmpty()) {
      return;
    }
    if (!sharesRoot(batch) || hasNested(batch)) {
      // Buffers cannot be shared across allocator roots: copy the batch into ours. Nested
      // vectors are copied too: sharing their children's buffers leaves part of the memory
      // accounted to the caller's allocator, which then cannot be closed.
      int[] identity = new int[rowCount];
      for (int row = 0; row < rowCount; row++) {
        identity[row] = row;
      }
      VectorSchemaRoot copy = io.quiver.engine.exec.batch.VectorGather.gather(batch, identity,
          rowCount, allocator);
      batches.add(copy);
      rows += rowCount;
      return;
    }
    List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors().size());
    try {
      for (FieldVector source : batch.getFieldVectors()) {
        // A slice shares the source buffers (reference-counted); the caller may close its batch.
        vectors.add(io.quiver.engine.exec.batch.VectorSlices.slice(source, 0, rowCount,
            allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    batches.add(new VectorSchemaRoot(schema.getFields(), vectors, rowCount));
    rows += rowCount;
  }

  private List<Integer> uniqueColumns;

  /** Integer columns without NULLs whose values are all distinct (measured on first use). */
  @Override
  public synchronized List<Integer> uniqueColumns() {
    if (uniqueColumns == null) {
      List<Integer> unique = new ArrayList<>();
      for (int column = 0; column < schema.getFields().size(); column++) {
        if (rows > 0 && distinctCount(column) == rows && !hasNulls(column)) {
          unique.add(column);
        }
      }
      uniqueColumns = List.copyOf(unique);
    }
    return uniqueColumns;
  }

  private boolean hasNulls(int column) {
    for (VectorSchemaRoot batch : batches) {
      if (io.quiver.engine.exec.batch.Validity.nullCount(batch.getVector(column)) > 0) {
        return true;
      }
    }
    return false;
  }

  private final java.util.Map<Integer, Double> distinctCounts = new java.util.HashMap<>();

  @Override
  public synchronized double distinctCount(int column) {
    return distinctCounts.computeIfAbsent(column,
        c -> DistinctCounts.distinctCount(batches, c, rows));
  }

  private static boolean hasNested(VectorSchemaRoot batch) {
    for (FieldVector vector : batch.getFieldVectors()) {
      if (!vector.getChildrenFromFields().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private boolean sharesRoot(VectorSchemaRoot batch) {
    for (FieldVector vector : batch.getFieldVectors()) {
      if (vector.getAllocator().getRoot() != allocator.getRoot()) {
        return false;
      }
    }
    return true;
  }

  public List<VectorSchemaRoot> batches() {
    return Collections.unmodifiableList(batches);
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public double rowCount() {
    return rows;
  }

  @Override
  public Operator scan(ExecutionContext context, int[] projection) {
    return new BatchListScanOperator("memory(" + name + ")", context, batches, schema,
        projection);
  }

  @Override
  public String describe() {
    return "memory(" + name + ")";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    batches.forEach(VectorSchemaRoot::close);
    batches.clear();
  }
}
