package io.quiver.engine.expr;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Small static helpers the generated code calls to read and write Arrow buffers. */
public final class CodegenSupport {
  private CodegenSupport() {}

  /** The validity buffer address of {@code vector}, or 0 when it has no nulls. */
  public static long validityOrZero(FieldVector vector) {
    return io.quiver.engine.exec.batch.Validity.addressIfNulls(vector);
  }




  /**
   * Appends {@code length} bytes at {@code address} as value {@code index} of a variable-width
   * vector whose offsets up to {@code index} are written; grows the data buffer as needed.
   * A null value is written with length 0 and its validity bit left clear.
   */
  public static void writeVariableWidth(BaseVariableWidthVector vector, int index, long address,
      int length, boolean isNull) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    long offsetAddress = offsets.memoryAddress();
    int start = MemoryUtil.getInt(offsetAddress + 4L * index);
    if (!isNull && length > 0) {
      long needed = (long) start + length;
      while (vector.getDataBuffer().capacity() < needed) {
        vector.reallocDataBuffer();
      }
      io.quiver.engine.exec.batch.MemoryCopies.copy(address,
          vector.getDataBuffer().memoryAddress() + start, length);
    } else {
      length = 0;
    }
    MemoryUtil.putInt(vector.getOffsetBuffer().memoryAddress() + 4L * (index + 1), start + length);
    if (!isNull) {
      io.quiver.engine.exec.batch.BitBuffers.setBit(vector.getValidityBuffer().memoryAddress(), index);
    }
  }

  /** Reads the day-time interval at {@code row} of an IntervalDayVector as milliseconds. */
  public static long readIntervalDayMillis(long dataAddress, int row) {
    long at = dataAddress + 8L * row;
    return MemoryUtil.getInt(at) * 86_400_000L + MemoryUtil.getInt(at + 4);
  }

  public static void writeIntervalDayMillis(long dataAddress, int row, long millis) {
    long at = dataAddress + 8L * row;
    MemoryUtil.putInt(at, (int) (millis / 86_400_000L));
    MemoryUtil.putInt(at + 4, (int) (millis % 86_400_000L));
  }

  /** SQL comparison of doubles: -0.0 equals 0.0, NaN is greater than every other value. */
  public static int compareDoubles(double left, double right) {
    if (left < right) {
      return -1;
    }
    if (left > right) {
      return 1;
    }
    if (left == right) {
      return 0;
    }
    return Double.compare(left, right);
  }

  public static io.quiver.udf.error.QuiverException decimalOverflow(int precision, int scale) {
    return new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.EXECUTION,
        "decimal overflow: value does not fit DECIMAL(" + precision + "," + scale + ")");
  }
}
