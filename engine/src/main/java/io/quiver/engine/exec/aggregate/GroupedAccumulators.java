package io.quiver.engine.exec.aggregate;

import io.quiver.engine.exec.hash.GroupTable;
import io.quiver.engine.exec.hash.KeyEncoder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The accumulators of one hash aggregate, with FILTER (only rows whose filter column is TRUE)
 * and DISTINCT (only the first occurrence of each (group, value) pair) applied before each
 * accumulator sees a row.
 */
public final class GroupedAccumulators implements AutoCloseable {
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final List<AggregateSpec> specs;
  private final List<Accumulator> accumulators = new ArrayList<>();
  private final GroupTable[] distinctTables;
  private final KeyEncoder[] distinctEncoders;
  private int[] allRows = new int[0];
  private int[] selected = new int[0];
  private byte[] distinctKey = new byte[64];

  public GroupedAccumulators(List<AggregateSpec> specs, Schema inputSchema,
      BufferAllocator allocator) {
    this.specs = specs;
    distinctTables = new GroupTable[specs.size()];
    distinctEncoders = new KeyEncoder[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      AggregateSpec spec = specs.get(i);
      Field argument = spec.argument() >= 0 ? inputSchema.getFields().get(spec.argument()) : null;
      accumulators.add(Accumulators.create(spec, argument));
      if (spec.distinct()) {
        distinctTables[i] = new GroupTable();
        distinctEncoders[i] = new KeyEncoder();
      }
    }
  }

  public void update(VectorSchemaRoot batch, int rows, int[] groupIds, int groupCount) {
    if (allRows.length < rows) {
      allRows = new int[rows];
      selected = new int[rows];
      for (int i = 0; i < rows; i++) {
        allRows[i] = i;
      }
    }
    for (int a = 0; a < specs.size(); a++) {
      AggregateSpec spec = specs.get(a);
      Accumulator accumulator = accumulators.get(a);
      accumulator.ensureCapacity(groupCount);
      FieldVector argument = spec.argument() >= 0 ? batch.getVector(spec.argument()) : null;
      int[] rowsToUse = allRows;
      int count = rows;
      if (spec.filterColumn() >= 0) {
        count = selectTrue((BitVector) batch.getVector(spec.filterColumn()), rows, selected);
        rowsToUse = selected;
      }
      if (spec.distinct() && argument != null) {
        int[] target = rowsToUse == selected ? selected : selected;
        count = firstOccurrences(a, argument, rowsToUse, count, groupIds, target);
        rowsToUse = target;
      }
      accumulator.update(argument, rowsToUse, count, groupIds);
    }
  }

  private static int selectTrue(BitVector filter, int rows, int[] out) {
    long data = filter.getDataBufferAddress();
    long validity = io.quiver.engine.exec.batch.Validity.nullCount(filter) == 0 ? 0 : filter.getValidityBufferAddress();
    int count = 0;
    for (int row = 0; row < rows; row++) {
      boolean value = ((MemoryUtil.getByte(data + (row >>> 3)) >>> (row & 7)) & 1) != 0;
      boolean valid = validity == 0
          || ((MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1) != 0;
      out[count] = row;
      count += value && valid ? 1 : 0;
    }
    return count;
  }

  /** Keeps the rows whose (group, argument) pair was not seen before; NULL arguments drop. */
  private int firstOccurrences(int index, FieldVector argument, int[] rows, int count,
      int[] groupIds, int[] out) {
    KeyEncoder encoder = distinctEncoders[index];
    GroupTable seen = distinctTables[index];
    encoder.encode(new FieldVector[] {argument}, argument.getValueCount());
    byte[] bytes = encoder.bytes();
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      if (encoder.hasNull(row)) {
        continue;
      }
      int length = encoder.length(row);
      if (distinctKey.length < length + 4) {
        distinctKey = new byte[Math.max(length + 4, distinctKey.length * 2)];
      }
      INTS.set(distinctKey, 0, groupIds[row]);
      System.arraycopy(bytes, encoder.offset(row), distinctKey, 4, length);
      long hash = encoder.hash(row) ^ (groupIds[row] * 0x9E3779B97F4A7C15L);
      int before = seen.groupCount();
      seen.findOrInsert(distinctKey, 0, length + 4, hash);
      if (seen.groupCount() > before) {
        out[kept++] = row;
      }
    }
    return kept;
  }

  public void write(List<FieldVector> outputs, int groupCount) {
    for (int a = 0; a < specs.size(); a++) {
      accumulators.get(a).ensureCapacity(groupCount);
      accumulators.get(a).write(outputs.get(a), groupCount);
    }
  }

  @Override
  public void close() {}
}
