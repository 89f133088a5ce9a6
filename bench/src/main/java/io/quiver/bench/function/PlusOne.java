package io.quiver.bench.function;

import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code BIGINT -> BIGINT} adding one, written as a user would write a fast vectorised function:
 * one loop over the data per batch, NULLs carried over by copying the validity bits, overflow
 * an error (as for the built-in {@code +}). Two ways to reach the values:
 * {@link Access#ADDRESS} reads and writes by memory address ({@link MemoryUtil}), as Quiver's
 * own compiled expressions do; {@link Access#CHECKED} goes through {@link ArrowBuf}'s
 * bounds-checked accessors, the safe default of Arrow Java.
 */
public final class PlusOne implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(Types.BIGINT, Types.BIGINT);

  /** How the function reaches the vectors' data. */
  public enum Access { ADDRESS, CHECKED }

  private final String name;
  private final Access access;

  public PlusOne(String name, Access access) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.access = Objects.requireNonNull(access, "access is null");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    BigIntVector input = (BigIntVector) arguments.vector(0);
    // When this throws (overflow), the host frees the vector newResult() made.
    BigIntVector result = (BigIntVector) arguments.newResult();
    int rows = arguments.rowCount();
    int validityBytes = BitVectorHelper.getValidityBufferSizeFromCount(rows);
    if (input.getNullCount() == 0) {
      if (access == Access.ADDRESS) {
        addOneByAddress(input.getDataBufferAddress(), result.getDataBufferAddress(), rows);
      } else {
        addOneChecked(input.getDataBuffer(), result.getDataBuffer(), rows);
      }
      result.getValidityBuffer().setOne(0L, (long) validityBytes);
    } else {
      ArrowBuf in = input.getDataBuffer();
      ArrowBuf out = result.getDataBuffer();
      for (int row = 0; row < rows; row++) {
        // The value under a NULL is undefined: skip it rather than risk a false overflow.
        if (!input.isNull(row)) {
          long offset = (long) row * BigIntVector.TYPE_WIDTH;
          out.setLong(offset, Math.addExact(in.getLong(offset), 1L));
        }
      }
      result.getValidityBuffer().setBytes(0L, input.getValidityBuffer(), 0L, validityBytes);
    }
    result.setValueCount(rows);
    return result;
  }

  /** Both buffers hold at least {@code rows} values (the host sized them), so no check. */
  private static void addOneByAddress(long in, long out, int rows) {
    long end = (long) rows * BigIntVector.TYPE_WIDTH;
    for (long offset = 0; offset < end; offset += BigIntVector.TYPE_WIDTH) {
      MemoryUtil.putLong(out + offset, Math.addExact(MemoryUtil.getLong(in + offset), 1L));
    }
  }

  private static void addOneChecked(ArrowBuf in, ArrowBuf out, int rows) {
    for (int row = 0; row < rows; row++) {
      long offset = (long) row * BigIntVector.TYPE_WIDTH;
      out.setLong(offset, Math.addExact(in.getLong(offset), 1L));
    }
  }

  @Override
  public String toString() {
    return name + SIGNATURE;
  }
}
