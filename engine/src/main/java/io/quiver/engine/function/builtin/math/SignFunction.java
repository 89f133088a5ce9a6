package io.quiver.engine.function.builtin.math;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.expr.runtime.Int128;
import io.quiver.engine.expr.runtime.Int128Math;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code sign(NUMERIC) -> TINYINT}: -1, 0 or 1 for any number type (integers, REAL, DOUBLE,
 * DECIMAL), as DuckDB (PostgreSQL returns the argument's type). NaN, 0.0 and -0.0 give 0.
 * One signature over the numeric family, so that no argument type (nor a NULL literal) has two
 * equally good overloads.
 */
public final class SignFunction extends BuiltinDefinition implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(ReturnType.fixed(Types.TINYINT),
      ArgumentType.family(TypeFamily.NUMERIC));

  public SignFunction() {
    super("sign", SIGNATURE, "-1, 0 or 1 by the sign of x (0 for NaN)");
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    NumericColumn input = new NumericColumn(arguments.vector(0), arguments.type(0));
    FieldVector result = arguments.newResult();
    int rows = arguments.rowCount();
    long out = result.getDataBufferAddress();
    Int128 scratch = new Int128();
    switch (input.layout()) {
      case INTEGER -> {
        for (int row = 0; row < rows; row++) {
          MemoryUtil.putByte(out + row, (byte) Long.signum(input.longAt(row)));
        }
      }
      case DECIMAL -> {
        for (int row = 0; row < rows; row++) {
          input.decimalAt(row, input.scale(), scratch);
          MemoryUtil.putByte(out + row, (byte) Int128Math.signum(scratch));
        }
      }
      case FLOAT, DOUBLE -> {
        for (int row = 0; row < rows; row++) {
          double x = input.doubleAt(row, scratch);
          MemoryUtil.putByte(out + row, (byte) (x > 0 ? 1 : x < 0 ? -1 : 0));
        }
      }
      case NULL -> {
        // every row is NULL: the host masks them
      }
    }
    if (input.layout() != NumericColumn.Layout.NULL) {
      ResultValidity.copy(arguments.vector(0), result, rows);
    }
    result.setValueCount(rows);
    return result;
  }
}
