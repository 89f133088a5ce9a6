package io.quiver.engine.function.builtin.math;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code exp(DOUBLE)}: e raised to the power x. As in DuckDB, a result too large for a double
 * is infinity and one too small is 0 (PostgreSQL raises an error instead).
 */
public final class ExpFunction extends BuiltinDefinition implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(Types.DOUBLE, Types.DOUBLE);

  public ExpFunction() {
    super("exp", SIGNATURE, "e raised to the power x");
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    FieldVector input = arguments.vector(0);
    FieldVector result = arguments.newResult();
    int rows = arguments.rowCount();
    long in = rows == 0 ? 0 : input.getDataBufferAddress();
    long out = result.getDataBufferAddress();
    for (int row = 0; row < rows; row++) {
      double x = Double.longBitsToDouble(MemoryUtil.getLong(in + 8L * row));
      MemoryUtil.putLong(out + 8L * row, Double.doubleToRawLongBits(Math.exp(x)));
    }
    ResultValidity.copy(input, result, rows);
    result.setValueCount(rows);
    return result;
  }
}
