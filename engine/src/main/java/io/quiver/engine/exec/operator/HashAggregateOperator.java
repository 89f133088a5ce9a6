package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.aggregate.AggregateSpec;
import io.quiver.engine.exec.aggregate.GroupedAccumulators;
import io.quiver.engine.exec.hash.GroupTable;
import io.quiver.engine.exec.hash.KeyDecoder;
import io.quiver.engine.exec.hash.KeyEncoder;
import io.quiver.engine.exec.hash.PackedKeyCache;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Hash aggregation, grouped or global. Consumes its whole input, assigning each row a group id
 * through a {@link GroupTable} over the encoded group keys (keys that fit in 64 bits through a
 * {@link PackedKeyCache} in front of it), updates one accumulator per
 * aggregate call batch by batch, then emits the groups in slices of the batch size. A global
 * aggregate (no keys) always yields exactly one row.
 */
public final class HashAggregateOperator extends AbstractOperator {
  private final Operator input;
  private final int[] groupColumns;
  private final List<AggregateSpec> aggregates;
  private final KeyEncoder encoder = new KeyEncoder();
  private final GroupTable groups = new GroupTable();
  private final PackedKeyCache packedKeys = new PackedKeyCache();
  private GroupedAccumulators accumulators;
  private int[] groupIds = new int[1024];
  private VectorSchemaRoot result;
  private int emitted;

  public HashAggregateOperator(ExecutionContext context, Operator input, int[] groupColumns,
      List<AggregateSpec> aggregates, Schema schema) {
    super("HashAggregate", context, schema, List.of(input));
    this.input = input;
    this.groupColumns = groupColumns.clone();
    this.aggregates = List.copyOf(aggregates);
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (result == null) {
      consume();
    }
    int total = result.getRowCount();
    if (emitted >= total) {
      return null;
    }
    int length = Math.min(context.batchSize(), total - emitted);
    List<FieldVector> slices = new ArrayList<>();
    for (FieldVector vector : result.getFieldVectors()) {
      // Slices share the result's buffers (reference-counted); the result stays intact.
      slices.add(io.quiver.engine.exec.batch.VectorSlices.slice(vector, emitted, length,
          allocator()));
    }
    emitted += length;
    return emit(new VectorSchemaRoot(schema.getFields(), slices, length));
  }

  private void consume() {
    accumulators = new GroupedAccumulators(aggregates, allocator());
    boolean global = groupColumns.length == 0;
    FieldVector[] keys = new FieldVector[groupColumns.length];
    VectorSchemaRoot batch;
    while ((batch = input.next()) != null) {
      int rows = batch.getRowCount();
      if (rows == 0) {
        continue;
      }
      if (groupIds.length < rows) {
        groupIds = new int[rows];
      }
      int groupCount;
      if (global) {
        java.util.Arrays.fill(groupIds, 0, rows, 0);
        groupCount = 1;
      } else {
        for (int k = 0; k < keys.length; k++) {
          keys[k] = batch.getVector(groupColumns[k]);
        }
        if (!packedKeys.assign(keys, rows, encoder, groups, groupIds)) {
          encoder.encode(keys, rows);
          groups.findOrInsert(encoder, groupIds);
        }
        groupCount = groups.groupCount();
      }
      accumulators.update(batch, rows, groupIds, groupCount);
    }
    int groupCount = global ? 1 : groups.groupCount();
    List<FieldVector> vectors = new ArrayList<>();
    List<Field> fields = schema.getFields();
    try {
      for (Field field : fields) {
        vectors.add(field.createVector(allocator()));
      }
      if (!global) {
        KeyDecoder.decode(groups, vectors.subList(0, groupColumns.length)
            .toArray(new FieldVector[0]));
      }
      accumulators.finish(vectors.subList(groupColumns.length, vectors.size()), groupCount);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    result = new VectorSchemaRoot(fields, vectors, groupCount);
    result.setRowCount(groupCount);
    // The states are no longer needed: release them before the groups are emitted.
    accumulators.close();
  }


  @Override
  protected void release() {
    if (result != null) {
      result.close();
      result = null;
    }
    if (accumulators != null) {
      accumulators.close();
    }
  }

  @Override
  public String describe() {
    return "HashAggregate[keys=" + java.util.Arrays.toString(groupColumns) + ", aggregates="
        + aggregates + "]";
  }
}
