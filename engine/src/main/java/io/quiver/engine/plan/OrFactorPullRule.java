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
 *
 * <p>{@link #deriveSingleInputPredicates} (run once, not as a rule: the derived predicates are
 * pushed away, and a rule would derive them again forever) derives on each join, for each input, an OR of the parts of each branch that only
 * read that input, and adds it beside the original condition: from
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} it adds
 * {@code n1 IN ('FRANCE', 'GERMANY')} and {@code n2 IN (...)}, which the push-down rules then
 * move below the join (TPC-H Q7, Q19). The original OR stays, so the result is unchanged.
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

  /** Applies {@link #derive} once to every inner join of {@code plan}. */
  static org.apache.calcite.rel.RelNode deriveSingleInputPredicates(
      org.apache.calcite.rel.RelNode plan) {
    return plan.accept(new org.apache.calcite.rel.RelHomogeneousShuttle() {
      @Override
      public org.apache.calcite.rel.RelNode visit(org.apache.calcite.rel.RelNode other) {
        org.apache.calcite.rel.RelNode visited = super.visit(other);
        if (visited instanceof Join join) {
          RexNode derived = derive(join, join.getCondition());
          if (derived != null) {
            return join.copy(join.getTraitSet(), derived, join.getLeft(), join.getRight(),
                join.getJoinType(), join.isSemiJoinDone());
          }
        }
        return visited;
      }
    });
  }

  /** The condition with single-input ORs derived from multi-input ones, or null if none. */
  private static RexNode derive(Join join, RexNode condition) {
    if (join.getJoinType() != org.apache.calcite.rel.core.JoinRelType.INNER
        || !containsOr(condition)) {
      return null;
    }
    org.apache.calcite.rex.RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = join.getRowType().getFieldCount();
    org.apache.calcite.util.ImmutableBitSet leftFields =
        org.apache.calcite.util.ImmutableBitSet.range(0, leftCount);
    org.apache.calcite.util.ImmutableBitSet rightFields =
        org.apache.calcite.util.ImmutableBitSet.range(leftCount, total);
    java.util.List<RexNode> conjuncts = org.apache.calcite.plan.RelOptUtil.conjunctions(condition);
    java.util.List<RexNode> added = new java.util.ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      if (conjunct.getKind() != org.apache.calcite.sql.SqlKind.OR) {
        continue;
      }
      for (org.apache.calcite.util.ImmutableBitSet side : java.util.List.of(leftFields,
          rightFields)) {
        java.util.List<RexNode> branches = new java.util.ArrayList<>();
        boolean everyBranch = true;
        for (RexNode disjunct : org.apache.calcite.plan.RelOptUtil.disjunctions(conjunct)) {
          java.util.List<RexNode> parts = new java.util.ArrayList<>();
          for (RexNode part : org.apache.calcite.plan.RelOptUtil.conjunctions(disjunct)) {
            org.apache.calcite.util.ImmutableBitSet used =
                org.apache.calcite.plan.RelOptUtil.InputFinder.bits(part);
            if (!used.isEmpty() && side.contains(used)) {
              parts.add(part);
            }
          }
          if (parts.isEmpty()) {
            everyBranch = false;
            break;
          }
          branches.add(RexUtil.composeConjunction(rexBuilder, parts));
        }
        if (!everyBranch) {
          continue;
        }
        RexNode derived = RexUtil.composeDisjunction(rexBuilder, branches);
        if (!derived.equals(conjunct) && !conjuncts.contains(derived)
            && !added.contains(derived)) {
          added.add(derived);
        }
      }
    }
    if (added.isEmpty()) {
      return null;
    }
    java.util.List<RexNode> all = new java.util.ArrayList<>(conjuncts);
    all.addAll(added);
    return RexUtil.composeConjunction(rexBuilder, all);
  }

  private static boolean containsOr(RexNode condition) {
    return condition.toString().contains("OR(");
  }
}
