package io.quiver.bench.function;

import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code plus_one(BIGINT) -> BIGINT}, written as a user would write a fast vectorised function:
 * one loop over the data buffers per batch, NULLs carried over by copying the validity bits,
 * and overflow an error, as for the built-in {@code +}.
 */
public final class PlusOne implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(Types.BIGINT, Types.BIGINT);

  private final String name;

  public PlusOne(String name) {
    this.name = name;
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
    BigIntVector result = (BigIntVector) arguments.newResult();
    try {
      int rows = arguments.rowCount();
      ArrowBuf in = input.getDataBuffer();
      ArrowBuf out = result.getDataBuffer();
      int validityBytes = BitVectorHelper.getValidityBufferSizeFromCount(rows);
      if (input.getNullCount() == 0) {
        for (int row = 0; row < rows; row++) {
          long offset = (long) row * BigIntVector.TYPE_WIDTH;
          out.setLong(offset, Math.addExact(in.getLong(offset), 1L));
        }
        result.getValidityBuffer().setOne(0L, (long) validityBytes);
      } else {
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
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return name + SIGNATURE;
  }
}
