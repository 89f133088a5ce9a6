package io.quiver.engine.function.builtin.math;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.exec.batch.Validity;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code ln(DOUBLE)} and {@code log10(DOUBLE)}: natural and base-10 logarithms. The logarithm of
 * zero or of a negative number is a DATA error worded as DuckDB and PostgreSQL word it; NaN
 * gives NaN and infinity gives infinity.
 */
public final class LogarithmFunction extends BuiltinDefinition implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(Types.DOUBLE, Types.DOUBLE);

  private final boolean natural;

  private LogarithmFunction(boolean natural) {
    super(natural ? "ln" : "log10", SIGNATURE, natural ? "natural logarithm" : "base-10 logarithm");
    this.natural = natural;
  }

  /** {@code ln(x)}. */
  public static LogarithmFunction ln() {
    return new LogarithmFunction(true);
  }

  /** {@code log10(x)}. */
  public static LogarithmFunction log10() {
    return new LogarithmFunction(false);
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    FieldVector result = arguments.newResult();
    write(arguments.vector(0), result, arguments.rowCount());
    return result;
  }

  private void write(FieldVector input, FieldVector result, int rows) {
    long in = rows == 0 ? 0 : input.getDataBufferAddress();
    long out = result.getDataBufferAddress();
    long nulls = rows == 0 ? 0 : Validity.addressIfNulls(input);
    for (int row = 0; row < rows; row++) {
      double x = Double.longBitsToDouble(MemoryUtil.getLong(in + 8L * row));
      if (x <= 0 && !Validity.isNull(nulls, row)) {
        throw new QuiverException(ErrorKind.DATA, x == 0 ? "cannot take logarithm of zero"
            : "cannot take logarithm of a negative number");
      }
      double y = natural ? Math.log(x) : Math.log10(x);
      MemoryUtil.putLong(out + 8L * row, Double.doubleToRawLongBits(y));
    }
    ResultValidity.copy(input, result, rows);
    result.setValueCount(rows);
  }
}
