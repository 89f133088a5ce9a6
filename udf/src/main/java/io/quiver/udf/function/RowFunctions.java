package io.quiver.udf.function;

import io.quiver.udf.convert.ArrowValues;
import io.quiver.udf.convert.JavaValueWriter;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Adapters from row-at-a-time Java code to {@link ScalarFunction}. Values cross with
 * {@link ArrowValues} (Arrow to Java) and {@link JavaValueWriter} (Java to Arrow), the one
 * conversion used everywhere. With {@link NullHandling#STRICT} the code is not called for rows
 * with a NULL argument.
 *
 * <pre>{@code
 * ScalarFunction greet = RowFunctions.of("greet",
 *     Signature.of(Types.VARCHAR, Types.VARCHAR), args -> "hello " + args[0]);
 * ScalarFunction plusOne = RowFunctions.ofLong("plus_one", x -> x + 1);
 * }</pre>
 */
public final class RowFunctions {
  private RowFunctions() {}

  /** A function over boxed Java values. */
  public static ScalarFunction of(String name, Signature signature, RowFunction code) {
    Objects.requireNonNull(code, "code is null");
    return new Adapter(name, signature) {
      @Override
      public FieldVector evaluate(ScalarArguments arguments) {
        int rows = arguments.rowCount();
        int width = arguments.size();
        boolean strict = signature.nullHandling() == NullHandling.STRICT;
        FieldVector result = arguments.newResult();
        try {
          Object[] values = new Object[width];
          FieldVector[] vectors = new FieldVector[width];
          ArrowValues.ValueReader[] readers = new ArrowValues.ValueReader[width];
          JavaValueWriter.ValueWriter writer = JavaValueWriter.writer(result);
          for (int i = 0; i < width; i++) {
            vectors[i] = arguments.vector(i);
            readers[i] = ArrowValues.reader(vectors[i]);
          }
          for (int row = 0; row < rows; row++) {
            boolean hasNull = false;
            for (int i = 0; i < width; i++) {
              boolean isNull = vectors[i].isNull(row);
              values[i] = isNull ? null : readers[i].read(row);
              hasNull |= isNull;
            }
            Object value = strict && hasNull ? null : call(code, values);
            writer.write(row, value);
          }
          result.setValueCount(rows);
          return result;
        } catch (RuntimeException | Error e) {
          result.close();
          throw e;
        }
      }
    };
  }

  /** {@code BIGINT -> BIGINT} without boxing; strict and immutable. */
  public static ScalarFunction ofLong(String name, LongUnaryOperator code) {
    Objects.requireNonNull(code, "code is null");
    return new Adapter(name, Signature.of(Types.BIGINT, Types.BIGINT)) {
      @Override
      public FieldVector evaluate(ScalarArguments arguments) {
        FieldVector input = arguments.vector(0);
        FieldVector result = arguments.newResult();
        int rows = arguments.rowCount();
        long in = input.getDataBufferAddress();
        long out = result.getDataBufferAddress();
        if (input.getNullCount() == 0) {
          for (int row = 0; row < rows; row++) {
            MemoryUtil.putLong(out + row * 8L, code.applyAsLong(MemoryUtil.getLong(in + row * 8L)));
          }
          markAllValid(result, rows);
        } else {
          long validity = input.getValidityBufferAddress();
          for (int row = 0; row < rows; row++) {
            if (isValid(validity, row)) {
              MemoryUtil.putLong(out + row * 8L,
                  code.applyAsLong(MemoryUtil.getLong(in + row * 8L)));
            }
          }
          copyValidity(input, result, rows);
        }
        result.setValueCount(rows);
        return result;
      }
    };
  }

  /** {@code (BIGINT, BIGINT) -> BIGINT} without boxing; strict and immutable. */
  public static ScalarFunction ofLong(String name, LongBinaryOperator code) {
    Objects.requireNonNull(code, "code is null");
    return new Adapter(name, Signature.of(Types.BIGINT, Types.BIGINT, Types.BIGINT)) {
      @Override
      public FieldVector evaluate(ScalarArguments arguments) {
        BigIntVector left = (BigIntVector) arguments.vector(0);
        BigIntVector right = (BigIntVector) arguments.vector(1);
        BigIntVector result = (BigIntVector) arguments.newResult();
        int rows = arguments.rowCount();
        for (int row = 0; row < rows; row++) {
          if (left.isNull(row) || right.isNull(row)) {
            result.setNull(row);
          } else {
            result.set(row, code.applyAsLong(left.get(row), right.get(row)));
          }
        }
        result.setValueCount(rows);
        return result;
      }
    };
  }

  /** {@code DOUBLE -> DOUBLE} without boxing; strict and immutable. */
  public static ScalarFunction ofDouble(String name, DoubleUnaryOperator code) {
    Objects.requireNonNull(code, "code is null");
    return new Adapter(name, Signature.of(Types.DOUBLE, Types.DOUBLE)) {
      @Override
      public FieldVector evaluate(ScalarArguments arguments) {
        FieldVector input = arguments.vector(0);
        FieldVector result = arguments.newResult();
        int rows = arguments.rowCount();
        long in = input.getDataBufferAddress();
        long out = result.getDataBufferAddress();
        boolean nulls = input.getNullCount() > 0;
        long validity = nulls ? input.getValidityBufferAddress() : 0;
        for (int row = 0; row < rows; row++) {
          if (!nulls || isValid(validity, row)) {
            double value = Double.longBitsToDouble(MemoryUtil.getLong(in + row * 8L));
            MemoryUtil.putLong(out + row * 8L,
                Double.doubleToRawLongBits(code.applyAsDouble(value)));
          }
        }
        if (nulls) {
          copyValidity(input, result, rows);
        } else {
          markAllValid(result, rows);
        }
        result.setValueCount(rows);
        return result;
      }
    };
  }

  private static boolean isValid(long validity, int row) {
    return ((MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1) != 0;
  }

  private static void markAllValid(FieldVector result, int rows) {
    result.getValidityBuffer().setOne(0, (rows + 7) / 8);
  }

  private static void copyValidity(FieldVector from, FieldVector to, int rows) {
    MemoryUtil.copyMemory(from.getValidityBufferAddress(), to.getValidityBufferAddress(),
        (rows + 7) / 8);
  }

  private static Object call(RowFunction code, Object[] values) {
    try {
      return code.apply(values);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private abstract static class Adapter implements ScalarFunction {
    private final String name;
    final Signature signature;

    Adapter(String name, Signature signature) {
      this.name = Objects.requireNonNull(name, "name is null");
      this.signature = Objects.requireNonNull(signature, "signature is null");
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Signature signature() {
      return signature;
    }

    @Override
    public String toString() {
      return name + signature;
    }
  }
}
