package io.quiver.engine.plan;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;

/**
 * Folds constant expressions for Calcite's reduce-expressions rules using Quiver's own
 * evaluator, so folding follows Quiver's semantics (overflow is an error, never a wrap). An
 * expression whose evaluation fails is left as it is: the error then surfaces at run time, and
 * only if the expression is really evaluated (for example not in an untaken CASE branch).
 */
final class ConstantFolder implements RexExecutor {
  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    for (RexNode expression : constExps) {
      reducedValues.add(ConstantEvaluator.tryEvaluate(rexBuilder, expression));
    }
  }
}
