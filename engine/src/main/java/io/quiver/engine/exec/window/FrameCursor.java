package io.quiver.engine.exec.window;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.sort.ValueOrder;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * Computes the frame {@code [start, end)} of each row of a partition, for rows visited in
 * increasing order (both bounds only move forward, which makes the pointer searches of RANGE
 * offsets linear), with PostgreSQL's semantics:
 * <ul>
 *   <li>ROWS: offsets count rows, clamped to the partition.</li>
 *   <li>RANGE CURRENT ROW: the first / last peer of the current row.</li>
 *   <li>RANGE n PRECEDING/FOLLOWING: rows whose order key is within n of the current row's
 *       (in the direction of the sort), for one numeric, DATE, TIME or TIMESTAMP order key; a
 *       row whose key is NULL has its NULL peers as the frame of such a bound, and rows with a
 *       NULL key are never within an offset of a non-NULL key.</li>
 * </ul>
 * A frame whose start is not before its end is empty.
 */
final class FrameCursor {
  private final WindowFrame frame;
  private final PartitionLayout layout;
  private final boolean rangeOffsets;
  private final long keyData;
  private final long keyValidity;
  private final int keyWidth;
  private final boolean floatKey;
  private final boolean descending;
  private final boolean nullsFirst;
  private int partitionStart;
  private int partitionEnd;
  private int nonNullStart;
  private int nonNullEnd;
  private int lowerPointer;
  private int upperPointer;

  FrameCursor(WindowFrame frame, PartitionLayout layout, VectorSchemaRoot sorted,
      List<SortKey> orderKeys) {
    this.frame = frame;
    this.layout = layout;
    rangeOffsets = !frame.rows() && (frame.lower().hasOffset() || frame.upper().hasOffset());
    if (!rangeOffsets) {
      keyData = 0;
      keyValidity = 0;
      keyWidth = 0;
      floatKey = false;
      descending = false;
      nullsFirst = false;
      return;
    }
    if (orderKeys.size() != 1) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "a window frame " + frame
          + " needs exactly one ORDER BY key, the query has " + orderKeys.size());
    }
    SortKey key = orderKeys.get(0);
    FieldVector vector = sorted.getVector(key.column());
    MinorType type = vector.getMinorType();
    switch (type) {
      case TINYINT -> keyWidth = 1;
      case SMALLINT -> keyWidth = 2;
      case INT, DATEDAY -> keyWidth = 4;
      case BIGINT, TIMESTAMPMICRO, TIMEMICRO, TIMESTAMPMICROTZ -> keyWidth = 8;
      case FLOAT4 -> keyWidth = -4;
      case FLOAT8 -> keyWidth = -8;
      default -> throw new QuiverException(ErrorKind.UNSUPPORTED, "a window frame " + frame
          + " over an ORDER BY key of type " + vector.getField().getType()
          + " is not supported; use an integer, floating-point, DATE, TIME or TIMESTAMP key,"
          + " or a ROWS frame");
    }
    floatKey = keyWidth < 0;
    descending = key.descending();
    nullsFirst = key.nullsFirst();
    keyData = vector.getValueCount() == 0 ? 0 : vector.getDataBufferAddress();
    keyValidity = io.quiver.engine.exec.batch.Validity.nullCount(vector) > 0 ? vector.getValidityBufferAddress() : 0;
  }

  /** Starts a partition of rows {@code [start, end)}. */
  void startPartition(int start, int end) {
    partitionStart = start;
    partitionEnd = end;
    lowerPointer = start;
    upperPointer = start;
    nonNullStart = start;
    nonNullEnd = end;
    if (rangeOffsets && keyValidity != 0) {
      if (nullsFirst) {
        while (nonNullStart < end && !BitBuffers.isSet(keyValidity, nonNullStart)) {
          nonNullStart++;
        }
      } else {
        while (nonNullEnd > start && !BitBuffers.isSet(keyValidity, nonNullEnd - 1)) {
          nonNullEnd--;
        }
      }
    }
  }

  /** The first row of {@code row}'s frame. */
  int start(int row) {
    FrameBound bound = frame.lower();
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> partitionStart;
      case UNBOUNDED_FOLLOWING -> partitionEnd;
      case CURRENT_ROW -> frame.rows() ? row : layout.peerStart(row);
      case PRECEDING -> frame.rows() ? clamp(row - bound.offset()) : rangeLower(row, -1, bound);
      case FOLLOWING -> frame.rows() ? clamp(row + bound.offset()) : rangeLower(row, 1, bound);
    };
  }

  /** One past the last row of {@code row}'s frame. */
  int end(int row) {
    FrameBound bound = frame.upper();
    return switch (bound.kind()) {
      case UNBOUNDED_PRECEDING -> partitionStart;
      case UNBOUNDED_FOLLOWING -> partitionEnd;
      case CURRENT_ROW -> frame.rows() ? row + 1 : layout.peerEnd(row);
      case PRECEDING ->
          frame.rows() ? clamp(row - bound.offset() + 1) : rangeUpper(row, -1, bound);
      case FOLLOWING ->
          frame.rows() ? clamp(row + bound.offset() + 1) : rangeUpper(row, 1, bound);
    };
  }

  private int clamp(long position) {
    if (position < partitionStart) {
      return partitionStart;
    }
    return position > partitionEnd ? partitionEnd : (int) position;
  }

  private boolean isNull(int row) {
    return keyValidity != 0 && !BitBuffers.isSet(keyValidity, row);
  }

  /**
   * The first row whose key is not before {@code key(row) + direction * offset} in the sort
   * order (direction -1: PRECEDING, 1: FOLLOWING).
   */
  private int rangeLower(int row, int direction, FrameBound bound) {
    if (isNull(row)) {
      return layout.peerStart(row);
    }
    int pointer = Math.max(lowerPointer, nonNullStart);
    if (floatKey) {
      double target = floatTarget(row, direction, bound.offset());
      while (pointer < nonNullEnd && before(doubleKey(pointer), target)) {
        pointer++;
      }
    } else {
      long target = longTarget(row, direction, bound.offset());
      while (pointer < nonNullEnd && before(longKey(pointer), target)) {
        pointer++;
      }
    }
    lowerPointer = pointer;
    return pointer;
  }

  /** One past the last row whose key is not after {@code key(row) + direction * offset}. */
  private int rangeUpper(int row, int direction, FrameBound bound) {
    if (isNull(row)) {
      return layout.peerEnd(row);
    }
    int pointer = Math.max(upperPointer, nonNullStart);
    if (floatKey) {
      double target = floatTarget(row, direction, bound.offset());
      while (pointer < nonNullEnd && !before(target, doubleKey(pointer))) {
        pointer++;
      }
    } else {
      long target = longTarget(row, direction, bound.offset());
      while (pointer < nonNullEnd && !before(target, longKey(pointer))) {
        pointer++;
      }
    }
    upperPointer = pointer;
    return pointer;
  }

  /** {@code key + offset} in the direction of the sort (saturating). */
  private long longTarget(int row, int direction, long offset) {
    long value = longKey(row);
    boolean add = (direction > 0) != descending;
    if (add) {
      long sum = value + offset;
      return ((value ^ sum) & (offset ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
    long difference = value - offset;
    return ((value ^ offset) & (value ^ difference)) < 0 ? Long.MIN_VALUE : difference;
  }

  private double floatTarget(int row, int direction, long offset) {
    double value = doubleKey(row);
    boolean add = (direction > 0) != descending;
    return add ? value + offset : value - offset;
  }

  private boolean before(long a, long b) {
    return descending ? a > b : a < b;
  }

  private boolean before(double a, double b) {
    int order = ValueOrder.compareDoubles(a, b);
    return descending ? order > 0 : order < 0;
  }

  private long longKey(int row) {
    return switch (keyWidth) {
      case 1 -> MemoryUtil.getByte(keyData + row);
      case 2 -> MemoryUtil.getShort(keyData + 2L * row);
      case 4 -> MemoryUtil.getInt(keyData + 4L * row);
      default -> MemoryUtil.getLong(keyData + 8L * row);
    };
  }

  private double doubleKey(int row) {
    return keyWidth == -4
        ? Float.intBitsToFloat(MemoryUtil.getInt(keyData + 4L * row))
        : Double.longBitsToDouble(MemoryUtil.getLong(keyData + 8L * row));
  }
}
