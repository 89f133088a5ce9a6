package io.quiver.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Semi-join reduction below a grouped aggregate: in {@code Aggregate(x GROUP BY k) JOIN y ON
 * k = y.k}, only groups whose key appears in {@code y} survive, so {@code x} is first reduced
 * to {@code x SEMI JOIN y ON x.k = y.k}. A decorrelated scalar subquery (TPC-H Q17: the average
 * quantity of every part, joined to a few hundred parts) then aggregates only the rows it
 * needs. Applied when {@code y} is estimated at under a quarter of {@code x}'s rows, once.
 */
final class AggregateSemiJoinReductionRule extends RelOptRule {
  static final AggregateSemiJoinReductionRule INSTANCE = new AggregateSemiJoinReductionRule();

  @SuppressWarnings("deprecation")
  private AggregateSemiJoinReductionRule() {
    super(operand(LogicalJoin.class, any()), "AggregateSemiJoinReductionRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    if (join.getJoinType() != JoinRelType.INNER) {
      return;
    }
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      return;
    }
    RelNode left = unwrap(join.getLeft());
    RelNode right = unwrap(join.getRight());
    RelNode reducedLeft = reduce(left, info.leftKeys, right, info.rightKeys, join);
    RelNode reducedRight = reducedLeft == null
        ? reduce(right, info.rightKeys, left, info.leftKeys, join) : null;
    if (reducedLeft == null && reducedRight == null) {
      return;
    }
    call.transformTo(join.copy(join.getTraitSet(), join.getCondition(),
        reducedLeft != null ? reducedLeft : join.getLeft(),
        reducedRight != null ? reducedRight : join.getRight(), join.getJoinType(),
        join.isSemiJoinDone()));
  }

  private static RelNode unwrap(RelNode node) {
    return node instanceof org.apache.calcite.plan.hep.HepRelVertex vertex
        ? vertex.getCurrentRel() : node;
  }

  /** {@code aggregate} with its input reduced by {@code other}, or null when not applicable. */
  private static RelNode reduce(RelNode aggregateSide, List<Integer> keys, RelNode other,
      List<Integer> otherKeys, LogicalJoin join) {
    if (!(aggregateSide instanceof LogicalAggregate aggregate)
        || aggregate.getGroupType() != Aggregate.Group.SIMPLE
        || aggregate.getHints().stream().anyMatch(h -> h.hintName.equals("reduced"))) {
      return null;
    }
    int groupCount = aggregate.getGroupCount();
    List<Integer> inputKeys = new ArrayList<>();
    List<Integer> groupColumns = aggregate.getGroupSet().asList();
    for (int key : keys) {
      if (key >= groupCount) {
        return null;
      }
      inputKeys.add(groupColumns.get(key));
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    Double inputRows = mq.getRowCount(aggregate.getInput());
    Double otherRows = mq.getRowCount(other);
    if (inputRows == null || otherRows == null || otherRows * 4 > inputRows) {
      return null;
    }
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    RelNode input = aggregate.getInput();
    int inputCount = input.getRowType().getFieldCount();
    List<RexNode> equalities = new ArrayList<>();
    for (int i = 0; i < inputKeys.size(); i++) {
      RexNode left = rexBuilder.makeInputRef(input, inputKeys.get(i));
      RexNode right = new org.apache.calcite.rex.RexInputRef(inputCount + otherKeys.get(i),
          other.getRowType().getFieldList().get(otherKeys.get(i)).getType());
      equalities.add(rexBuilder.makeCall(
          org.apache.calcite.sql.fun.SqlStdOperatorTable.EQUALS, left, right));
    }
    RelNode reduced = LogicalJoin.create(input, other, List.of(),
        org.apache.calcite.rex.RexUtil.composeConjunction(rexBuilder, equalities), Set.of(),
        JoinRelType.SEMI);
    return aggregate.copy(aggregate.getTraitSet(), reduced, aggregate.getGroupSet(),
        aggregate.getGroupSets(), aggregate.getAggCallList())
        .withHints(List.of(org.apache.calcite.rel.hint.RelHint.builder("reduced").build()));
  }
}
