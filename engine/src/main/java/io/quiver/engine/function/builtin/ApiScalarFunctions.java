package io.quiver.engine.function.builtin;

import io.quiver.engine.function.builtin.math.ExpFunction;
import io.quiver.engine.function.builtin.math.GreatestLeastFunction;
import io.quiver.engine.function.builtin.math.LogarithmFunction;
import io.quiver.engine.function.builtin.math.SignFunction;
import io.quiver.engine.function.builtin.string.ConcatWsFunction;
import io.quiver.engine.function.builtin.string.LeftRightFunction;
import io.quiver.engine.function.builtin.string.PadFunction;
import io.quiver.engine.function.builtin.string.RepeatFunction;
import io.quiver.engine.function.builtin.string.ReverseFunction;
import io.quiver.engine.function.builtin.string.TrimFunction;
import io.quiver.udf.function.FunctionDefinition;
import java.util.List;

/**
 * The built-in scalar functions written on the public {@code ScalarFunction} API, exactly as a
 * user would write them: vectorised over Arrow buffers, resolved through the registry and run by
 * the scalar function operator (not {@link PlannerIntrinsic}, so Calcite's operators of the same
 * name, such as LN or SIGN, are shadowed).
 */
final class ApiScalarFunctions {
  private ApiScalarFunctions() {}

  static List<FunctionDefinition> all() {
    return List.of(
        new ReverseFunction(),
        new RepeatFunction(),
        LeftRightFunction.left(),
        LeftRightFunction.right(),
        PadFunction.lpad(),
        PadFunction.rpad(),
        TrimFunction.ltrim(false),
        TrimFunction.ltrim(true),
        TrimFunction.rtrim(false),
        TrimFunction.rtrim(true),
        TrimFunction.btrim(false),
        TrimFunction.btrim(true),
        new ConcatWsFunction(),
        LogarithmFunction.ln(),
        LogarithmFunction.log10(),
        new ExpFunction(),
        new SignFunction(),
        GreatestLeastFunction.greatest(),
        GreatestLeastFunction.least());
  }
}
