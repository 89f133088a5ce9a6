package io.quiver.engine.exec.window;

import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.sort.RowComparator;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Computes one {@link WindowFunction} over rows sorted by (partition, order) keys, one
 * partition after the other, into a new vector of the function's output field.
 *
 * <ul>
 *   <li>Ranking functions read the {@link PartitionLayout}: O(1) per row.</li>
 *   <li>Aggregates slide over the frames ({@link SlidingAggregate}): running for frames that
 *       start at UNBOUNDED PRECEDING, add/remove for moving frames; O(1) amortised per row.</li>
 *   <li>Value functions (LAG, LEAD, FIRST/LAST/NTH_VALUE, MIN, MAX) compute the row whose value
 *       is the result and gather those rows ({@link VectorGather}), which works for any type.</li>
 *   <li>Registry aggregates run their accumulator over the frames ({@link FramedAggregate});
 *       registry window functions are called once per partition
 *       ({@link RegistryWindowFunction}).</li>
 * </ul>
 */
public final class WindowEvaluator {
  private final VectorSchemaRoot sorted;
  private final PartitionLayout layout;
  private final List<SortKey> orderKeys;
  private final BufferAllocator allocator;

  public WindowEvaluator(VectorSchemaRoot sorted, PartitionLayout layout,
      List<SortKey> orderKeys, BufferAllocator allocator) {
    this.sorted = sorted;
    this.layout = layout;
    this.orderKeys = List.copyOf(orderKeys);
    this.allocator = allocator;
  }

  /** Evaluates {@code function}; the caller owns the returned vector. */
  public FieldVector evaluate(WindowFunction function) {
    FieldVector output = function.outputField().createVector(allocator);
    try {
      compute(function, output);
      return output;
    } catch (RuntimeException e) {
      output.close();
      if (e instanceof QuiverException quiver) {
        throw quiver.withContext(function.toString());
      }
      throw e;
    }
  }

  private FieldVector argument(WindowFunction function) {
    int column = function.argumentColumn();
    if (column < 0 || column >= sorted.getFieldVectors().size()) {
      throw new QuiverException(ErrorKind.INTERNAL, function.kind()
          + " needs an argument column, got " + column + " (a bug in Quiver)");
    }
    return sorted.getVector(column);
  }

  private void compute(WindowFunction function, FieldVector output) {
    int rows = layout.rowCount();
    String name = function.kind().name();
    switch (function.kind()) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST ->
          rank(function, new ResultColumn(output, rows, name));
      case NTILE -> ntile(function, new ResultColumn(output, rows, name));
      case LAG, LEAD -> gatherRows(function, shifted(function), output);
      case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> gatherRows(function, framed(function), output);
      case MIN, MAX -> {
        FieldVector argument = argument(function);
        int[] resultRows = new int[rows];
        RowComparator comparator = RowComparator.create(sorted,
            List.of(new SortKey(function.argumentColumn(), false, false)));
        slide(function, new ExtremeAggregate(argument, comparator,
            function.kind() == WindowFunctionKind.MAX, resultRows));
        gatherRows(function, resultRows, output);
      }
      case COUNT -> slide(function,
          new CountAggregate(argument(function), new ResultColumn(output, rows, name)));
      case COUNT_STAR -> slide(function,
          new CountAggregate(null, new ResultColumn(output, rows, name)));
      case SUM, AVG -> slide(function, sum(function, new ResultColumn(output, rows, name)));
      case AGGREGATE_FUNCTION ->
          new FramedAggregate(function, sorted, layout, orderKeys, allocator).compute(output);
      case WINDOW_FUNCTION -> new RegistryWindowFunction(function, sorted, layout, orderKeys,
          allocator).compute(output);
    }
    output.setValueCount(rows);
  }

  private SlidingAggregate sum(WindowFunction function, ResultColumn result) {
    FieldVector argument = argument(function);
    boolean average = function.kind() == WindowFunctionKind.AVG;
    return switch (argument.getMinorType()) {
      case TINYINT, SMALLINT, INT, BIGINT ->
          new IntegerSumAggregate((BaseFixedWidthVector) argument, average, result);
      case FLOAT4, FLOAT8 ->
          new FloatSumAggregate((BaseFixedWidthVector) argument, average, result);
      case DECIMAL -> new DecimalSumAggregate((DecimalVector) argument, average, result);
      default -> throw new QuiverException(ErrorKind.TYPE, function.kind()
          + " of " + argument.getField().getType() + " is not supported; it needs a number");
    };
  }

  private void rank(WindowFunction function, ResultColumn result) {
    for (int partition = 0; partition < layout.partitionCount(); partition++) {
      int start = layout.partitionStart(partition);
      int end = layout.partitionStart(partition + 1);
      long size = end - start;
      long denseRank = 0;
      for (int row = start; row < end; row++) {
        int peerStart = layout.peerStart(row);
        switch (function.kind()) {
          case ROW_NUMBER -> result.setLong(row, row - start + 1);
          case RANK -> result.setLong(row, peerStart - start + 1);
          case DENSE_RANK -> {
            if (peerStart == row) {
              denseRank++;
            }
            result.setLong(row, denseRank);
          }
          case PERCENT_RANK ->
              result.setDouble(row, size == 1 ? 0.0 : (double) (peerStart - start) / (size - 1));
          default -> result.setDouble(row, (double) (layout.peerEnd(row) - start) / size);
        }
      }
    }
  }

  /** PostgreSQL's NTILE: the first {@code size % buckets} buckets hold one row more. */
  private void ntile(WindowFunction function, ResultColumn result) {
    FieldVector argument = function.argumentColumn() >= 0 ? argument(function) : null;
    for (int partition = 0; partition < layout.partitionCount(); partition++) {
      int start = layout.partitionStart(partition);
      int end = layout.partitionStart(partition + 1);
      long buckets;
      if (argument == null) {
        buckets = function.offset();
      } else if (argument.isNull(start)) {
        continue;
      } else {
        buckets = integerValue(argument, start, function);
      }
      if (buckets <= 0) {
        throw new QuiverException(ErrorKind.EXECUTION,
            "argument of ntile must be greater than zero, got " + buckets);
      }
      long size = end - start;
      long perBucket = size / buckets;
      long larger = size % buckets;
      long bucket = 1;
      long left = perBucket + (larger > 0 ? 1 : 0);
      for (int row = start; row < end; row++) {
        if (left == 0) {
          bucket++;
          left = perBucket + (bucket <= larger ? 1 : 0);
        }
        result.setLong(row, bucket);
        left--;
      }
    }
  }

  private static long integerValue(FieldVector vector, int row, WindowFunction function) {
    long data = vector.getDataBufferAddress();
    return switch (vector.getMinorType()) {
      case TINYINT -> MemoryUtil.getByte(data + row);
      case SMALLINT -> MemoryUtil.getShort(data + 2L * row);
      case INT -> MemoryUtil.getInt(data + 4L * row);
      case BIGINT -> MemoryUtil.getLong(data + 8L * row);
      default -> throw new QuiverException(ErrorKind.TYPE, function.kind()
          + " needs an integer argument, got " + vector.getField().getType());
    };
  }

  /** LAG/LEAD: the row {@code offset} rows before/after, else the default (or NULL). */
  private int[] shifted(WindowFunction function) {
    int rows = layout.rowCount();
    int[] resultRows = new int[rows];
    long shift = function.kind() == WindowFunctionKind.LAG
        ? -(long) function.offset() : function.offset();
    boolean hasDefault = function.defaultColumn() >= 0;
    for (int partition = 0; partition < layout.partitionCount(); partition++) {
      int start = layout.partitionStart(partition);
      int end = layout.partitionStart(partition + 1);
      for (int row = start; row < end; row++) {
        long source = row + shift;
        if (source >= start && source < end) {
          resultRows[row] = (int) source;
        } else {
          // Default values sit after the argument values in the gather source.
          resultRows[row] = hasDefault ? rows + row : -1;
        }
      }
    }
    return resultRows;
  }

  /** FIRST_VALUE, LAST_VALUE, NTH_VALUE: a row of the frame, or -1 when there is none. */
  private int[] framed(WindowFunction function) {
    int rows = layout.rowCount();
    int[] resultRows = new int[rows];
    FrameCursor cursor = new FrameCursor(function.frame(), layout, sorted, orderKeys);
    WindowFunctionKind kind = function.kind();
    if (kind == WindowFunctionKind.NTH_VALUE && function.offset() <= 0) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "argument of nth_value must be greater than zero, got " + function.offset());
    }
    for (int partition = 0; partition < layout.partitionCount(); partition++) {
      int start = layout.partitionStart(partition);
      int end = layout.partitionStart(partition + 1);
      cursor.startPartition(start, end);
      for (int row = start; row < end; row++) {
        int frameStart = cursor.start(row);
        int frameEnd = cursor.end(row);
        int result;
        if (frameStart >= frameEnd) {
          result = -1;
        } else if (kind == WindowFunctionKind.FIRST_VALUE) {
          result = frameStart;
        } else if (kind == WindowFunctionKind.LAST_VALUE) {
          result = frameEnd - 1;
        } else {
          long nth = (long) frameStart + function.offset() - 1;
          result = nth < frameEnd ? (int) nth : -1;
        }
        resultRows[row] = result;
      }
    }
    return resultRows;
  }

  /** Runs {@code aggregate} over every row's frame, sliding forward within each partition. */
  private void slide(WindowFunction function, SlidingAggregate aggregate) {
    FrameCursor cursor = new FrameCursor(function.frame(), layout, sorted, orderKeys);
    for (int partition = 0; partition < layout.partitionCount(); partition++) {
      int start = layout.partitionStart(partition);
      int end = layout.partitionStart(partition + 1);
      cursor.startPartition(start, end);
      aggregate.reset();
      int windowStart = start;
      int windowEnd = start;
      for (int row = start; row < end; row++) {
        int frameStart = cursor.start(row);
        int frameEnd = Math.max(cursor.end(row), frameStart);
        int removeEnd = Math.min(frameStart, windowEnd);
        while (windowStart < removeEnd) {
          aggregate.remove(windowStart++);
        }
        if (windowStart < frameStart) {
          windowStart = frameStart;
          windowEnd = Math.max(windowEnd, frameStart);
        }
        while (windowEnd < frameEnd) {
          aggregate.add(windowEnd++);
        }
        aggregate.write(row, windowEnd - windowStart);
      }
    }
  }

  /** Gathers {@code resultRows} of the argument (and, after it, the default column). */
  private void gatherRows(WindowFunction function, int[] resultRows, FieldVector output) {
    FieldVector argument = argument(function);
    if (argument.getClass() != output.getClass()) {
      throw new QuiverException(ErrorKind.INTERNAL, function.kind() + " of "
          + argument.getField().getType() + " cannot produce " + output.getField().getType()
          + " (a bug in Quiver)");
    }
    int rows = layout.rowCount();
    boolean withDefault = (function.kind() == WindowFunctionKind.LAG
        || function.kind() == WindowFunctionKind.LEAD) && function.defaultColumn() >= 0;
    if (!withDefault) {
      VectorGather.gather(argument, resultRows, rows, output);
      return;
    }
    FieldVector defaults = sorted.getVector(function.defaultColumn());
    if (defaults.getClass() != argument.getClass()) {
      throw new QuiverException(ErrorKind.INTERNAL, function.kind() + " default of type "
          + defaults.getField().getType() + " differs from the argument type "
          + argument.getField().getType() + " (a bug in Quiver)");
    }
    Schema single = new Schema(List.of(argument.getField()));
    try (BatchAccumulator both = new BatchAccumulator(single, allocator)) {
      // Borrowed views of the sorted columns (not closed here).
      both.append(new VectorSchemaRoot(single.getFields(), List.of(argument), rows));
      both.append(new VectorSchemaRoot(single.getFields(), List.of(defaults), rows));
      VectorGather.gather(both.root().getVector(0), resultRows, rows, output);
    }
  }
}
