package io.quiver.engine.plan;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls predicates common to every branch of an OR out in front of it:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. Without it, a join key that
 * appears only inside an OR (TPC-H Q19) leaves a cross product.
 */
final class OrFactorPullRule extends RelOptRule {
  static final OrFactorPullRule FILTER = new OrFactorPullRule(true);
  static final OrFactorPullRule JOIN = new OrFactorPullRule(false);

  private final boolean filter;

  @SuppressWarnings("deprecation")
  private OrFactorPullRule(boolean filter) {
    super(filter ? operand(LogicalFilter.class, any()) : operand(LogicalJoin.class, any()),
        filter ? "OrFactorPullRule:Filter" : "OrFactorPullRule:Join");
    this.filter = filter;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (filter) {
      Filter node = call.rel(0);
      RexNode pulled = pull(node, node.getCondition());
      if (pulled != null) {
        call.transformTo(node.copy(node.getTraitSet(), node.getInput(), pulled));
      }
    } else {
      Join node = call.rel(0);
      RexNode pulled = pull(node, node.getCondition());
      if (pulled != null) {
        call.transformTo(node.copy(node.getTraitSet(), pulled, node.getLeft(), node.getRight(),
            node.getJoinType(), node.isSemiJoinDone()));
      }
    }
  }

  private static RexNode pull(org.apache.calcite.rel.RelNode node, RexNode condition) {
    if (!containsOr(condition)) {
      return null;
    }
    RexNode pulled = RexUtil.pullFactors(node.getCluster().getRexBuilder(), condition);
    return pulled.equals(condition) ? null : pulled;
  }

  private static boolean containsOr(RexNode condition) {
    return condition.toString().contains("OR(");
  }
}
