package io.quiver.engine.function.builtin.string;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import org.apache.arrow.vector.FieldVector;

/**
 * A string built-in with a VARCHAR result: each batch's result is written row by row, in place,
 * through a {@link Utf8ResultBuilder} ({@link #write}, one call per batch).
 */
abstract class VarcharFunction extends BuiltinDefinition implements ScalarFunction {

  VarcharFunction(String name, Signature signature, String description) {
    super(name, signature, description);
  }

  @Override
  public final FieldVector evaluate(ScalarArguments arguments) {
    Utf8ResultBuilder result = new Utf8ResultBuilder(arguments.newResult(), name());
    write(arguments, result);
    return result.finish();
  }

  /** Writes the result of every row of the batch, in order, into {@code result}. */
  abstract void write(ScalarArguments arguments, Utf8ResultBuilder result);
}
