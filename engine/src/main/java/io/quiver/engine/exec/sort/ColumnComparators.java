package io.quiver.engine.exec.sort;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The typed {@link ColumnComparator}s, one per value representation, and the factory that
 * picks one for a vector type. Orders follow PostgreSQL: booleans {@code false < true};
 * floating point with NaN above every other value and {@code -0.0 == 0.0}; strings by their
 * UTF-8 bytes, unsigned (the C collation); DECIMAL as 128-bit two's-complement integers of one
 * scale; day-time intervals by their total length (one day = 24 hours).
 */
final class ColumnComparators {
  private ColumnComparators() {}

  /** The buffer addresses of one side; {@code validity} is 0 when the vector has no NULLs. */
  record Side(long data, long validity, long offsets) {
    static Side of(FieldVector vector) {
      long validity = io.quiver.engine.exec.batch.Validity.nullCount(vector) > 0 ? vector.getValidityBufferAddress() : 0;
      if (vector.getValueCount() == 0) {
        return new Side(0, 0, 0);
      }
      long offsets =
          vector instanceof BaseVariableWidthVector ? vector.getOffsetBufferAddress() : 0;
      return new Side(vector.getDataBufferAddress(), validity, offsets);
    }
  }

  static ColumnComparator create(FieldVector left, FieldVector right, SortKey key) {
    if (left.getMinorType() != right.getMinorType()) {
      throw new QuiverException(ErrorKind.INTERNAL, "comparing " + left.getField() + " with "
          + right.getField() + ": types differ (a bug in Quiver)");
    }
    if (!left.getChildrenFromFields().isEmpty()) {
      throw unsupported(left);
    }
    Side l = Side.of(left);
    Side r = Side.of(right);
    return switch (left.getMinorType()) {
      case BIT -> new BitComparator(l, r, key);
      case TINYINT, UINT1 -> new ByteComparator(l, r, key);
      case SMALLINT, UINT2 -> new ShortComparator(l, r, key);
      case INT, DATEDAY, TIMESEC, TIMEMILLI, INTERVALYEAR -> new IntComparator(l, r, key);
      case BIGINT, DATEMILLI, TIMEMICRO, TIMENANO, TIMESTAMPSEC, TIMESTAMPMILLI,
          TIMESTAMPMICRO, TIMESTAMPNANO, TIMESTAMPSECTZ, TIMESTAMPMILLITZ, TIMESTAMPMICROTZ,
          TIMESTAMPNANOTZ, DURATION -> new LongComparator(l, r, key);
      case FLOAT4 -> new FloatComparator(l, r, key);
      case FLOAT8 -> new DoubleComparator(l, r, key);
      case DECIMAL -> new DecimalComparator(l, r, key);
      case INTERVALDAY -> new IntervalDayComparator(l, r, key);
      case VARCHAR, VARBINARY -> new BytesComparator(l, r, key);
      default -> throw unsupported(left);
    };
  }

  private static QuiverException unsupported(FieldVector vector) {
    return new QuiverException(ErrorKind.UNSUPPORTED, "sorting or comparing values of type "
        + io.quiver.udf.function.SqlTypeNames.of(vector.getField().getType())
        + " is not supported");
  }

  private abstract static class Fixed extends ColumnComparator {
    final long left;
    final long right;

    Fixed(Side left, Side right, SortKey key) {
      super(left, right, key);
      this.left = left.data();
      this.right = right.data();
    }
  }

  private static final class BitComparator extends Fixed {
    BitComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return BitBuffers.get(left, leftRow) - BitBuffers.get(right, rightRow);
    }
  }

  private static final class ByteComparator extends Fixed {
    ByteComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return Byte.compare(MemoryUtil.getByte(left + leftRow), MemoryUtil.getByte(right + rightRow));
    }
  }

  private static final class ShortComparator extends Fixed {
    ShortComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return Short.compare(MemoryUtil.getShort(left + 2L * leftRow),
          MemoryUtil.getShort(right + 2L * rightRow));
    }
  }

  private static final class IntComparator extends Fixed {
    IntComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return Integer.compare(MemoryUtil.getInt(left + 4L * leftRow),
          MemoryUtil.getInt(right + 4L * rightRow));
    }
  }

  private static final class LongComparator extends Fixed {
    LongComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return Long.compare(MemoryUtil.getLong(left + 8L * leftRow),
          MemoryUtil.getLong(right + 8L * rightRow));
    }
  }

  private static final class FloatComparator extends Fixed {
    FloatComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return ValueOrder.compareDoubles(
          Float.intBitsToFloat(MemoryUtil.getInt(left + 4L * leftRow)),
          Float.intBitsToFloat(MemoryUtil.getInt(right + 4L * rightRow)));
    }
  }

  private static final class DoubleComparator extends Fixed {
    DoubleComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return ValueOrder.compareDoubles(
          Double.longBitsToDouble(MemoryUtil.getLong(left + 8L * leftRow)),
          Double.longBitsToDouble(MemoryUtil.getLong(right + 8L * rightRow)));
    }
  }

  /** 128-bit little-endian two's complement: the high words signed, then the low unsigned. */
  private static final class DecimalComparator extends Fixed {
    DecimalComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      long a = left + 16L * leftRow;
      long b = right + 16L * rightRow;
      int high = Long.compare(MemoryUtil.getLong(a + 8), MemoryUtil.getLong(b + 8));
      if (high != 0) {
        return high;
      }
      return Long.compareUnsigned(MemoryUtil.getLong(a), MemoryUtil.getLong(b));
    }
  }

  /** Arrow's day-time interval: 32-bit days then 32-bit milliseconds. */
  private static final class IntervalDayComparator extends Fixed {
    IntervalDayComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      return Long.compare(totalMillis(left + 8L * leftRow), totalMillis(right + 8L * rightRow));
    }

    private static long totalMillis(long address) {
      return MemoryUtil.getInt(address) * 86_400_000L + MemoryUtil.getInt(address + 4);
    }
  }

  private static final class BytesComparator extends ColumnComparator {
    private final long leftData;
    private final long leftOffsets;
    private final long rightData;
    private final long rightOffsets;

    BytesComparator(Side left, Side right, SortKey key) {
      super(left, right, key);
      this.leftData = left.data();
      this.leftOffsets = left.offsets();
      this.rightData = right.data();
      this.rightOffsets = right.offsets();
    }

    @Override
    int compareValues(int leftRow, int rightRow) {
      long l = leftOffsets + 4L * leftRow;
      long r = rightOffsets + 4L * rightRow;
      int leftStart = MemoryUtil.getInt(l);
      int rightStart = MemoryUtil.getInt(r);
      return ValueOrder.compareBytes(leftData + leftStart, MemoryUtil.getInt(l + 4) - leftStart,
          rightData + rightStart, MemoryUtil.getInt(r + 4) - rightStart);
    }
  }
}
