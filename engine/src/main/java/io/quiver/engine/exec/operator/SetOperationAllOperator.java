package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.hash.GroupTable;
import io.quiver.engine.exec.hash.KeyDecoder;
import io.quiver.engine.exec.hash.KeyEncoder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * INTERSECT ALL and EXCEPT ALL (the DISTINCT forms are rewritten to aggregates by the planner).
 * Counts each distinct row of the left input and of the right input in one hash table over
 * all columns (NULLs compare equal, as set operations require), then emits each row
 * {@code min(left, right)} times (INTERSECT ALL) or {@code max(left - right, 0)} times
 * (EXCEPT ALL).
 */
public final class SetOperationAllOperator extends AbstractOperator {
  private final Operator left;
  private final Operator right;
  private final boolean intersect;
  private final KeyEncoder encoder = new KeyEncoder();
  private final GroupTable rows = new GroupTable();
  private long[] leftCounts = new long[1024];
  private long[] rightCounts = new long[1024];
  private VectorSchemaRoot distinct;
  private int[] repeated;
  private int repeatedCount;
  private int position;

  public SetOperationAllOperator(ExecutionContext context, Operator left, Operator right,
      boolean intersect, Schema schema) {
    super(intersect ? "IntersectAll" : "ExceptAll", context, schema, List.of(left, right));
    this.left = left;
    this.right = right;
    this.intersect = intersect;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (distinct == null) {
      count(left, true);
      count(right, false);
      expand();
    }
    if (position >= repeatedCount) {
      return null;
    }
    int length = Math.min(context.batchSize(), repeatedCount - position);
    int[] window = Arrays.copyOfRange(repeated, position, position + length);
    position += length;
    VectorSchemaRoot gathered = VectorGather.gather(distinct, window, length, allocator());
    return emit(new VectorSchemaRoot(schema.getFields(), gathered.getFieldVectors(), length));
  }

  private void count(Operator input, boolean isLeft) {
    int[] groups = new int[1024];
    VectorSchemaRoot batch;
    while ((batch = input.next()) != null) {
      int count = batch.getRowCount();
      if (count == 0) {
        continue;
      }
      if (groups.length < count) {
        groups = new int[count];
      }
      FieldVector[] columns = batch.getFieldVectors().toArray(new FieldVector[0]);
      encoder.encode(columns, count, allNullsMatch(columns.length));
      byte[] bytes = encoder.bytes();
      for (int row = 0; row < count; row++) {
        int group = isLeft
            ? rows.findOrInsert(bytes, encoder.offset(row), encoder.length(row), encoder.hash(row))
            : rows.find(bytes, encoder.offset(row), encoder.length(row), encoder.hash(row));
        if (group < 0) {
          continue;
        }
        ensureCapacity(group + 1);
        if (isLeft) {
          leftCounts[group]++;
        } else {
          rightCounts[group]++;
        }
      }
    }
  }

  private static boolean[] allNullsMatch(int columns) {
    boolean[] match = new boolean[columns];
    Arrays.fill(match, true);
    return match;
  }

  private void ensureCapacity(int groups) {
    if (leftCounts.length < groups) {
      int size = Math.max(groups, leftCounts.length * 2);
      leftCounts = Arrays.copyOf(leftCounts, size);
      rightCounts = Arrays.copyOf(rightCounts, size);
    }
  }

  private void expand() {
    int groups = rows.groupCount();
    ensureCapacity(groups);
    FieldVector[] columns = new FieldVector[schema.getFields().size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = schema.getFields().get(c).createVector(allocator());
    }
    KeyDecoder.decode(rows, columns);
    distinct = new VectorSchemaRoot(schema.getFields(), Arrays.asList(columns), groups);
    long total = 0;
    for (int group = 0; group < groups; group++) {
      total += times(group);
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.RESOURCE,
          "set operation result exceeds " + Integer.MAX_VALUE + " rows");
    }
    repeated = new int[(int) total];
    for (int group = 0; group < groups; group++) {
      for (long i = times(group); i > 0; i--) {
        repeated[repeatedCount++] = group;
      }
    }
  }

  private long times(int group) {
    return intersect ? Math.min(leftCounts[group], rightCounts[group])
        : Math.max(leftCounts[group] - rightCounts[group], 0);
  }

  @Override
  protected void release() {
    if (distinct != null) {
      distinct.close();
      distinct = null;
    }
  }

  @Override
  public String describe() {
    return (intersect ? "IntersectAll" : "ExceptAll") + "[columns=" + schema.getFields().size()
        + "]";
  }
}
