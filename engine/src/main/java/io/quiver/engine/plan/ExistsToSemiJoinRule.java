package io.quiver.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a top-level {@code [NOT] EXISTS (SELECT ... FROM x WHERE <correlated predicates>)}
 * conjunct of a filter into a SEMI (ANTI) join of the filter's input with {@code x}, the
 * correlated predicates becoming the join condition (equalities as hash keys, the rest as a
 * residual). Calcite's own path (correlate, then decorrelate) builds a value generator and
 * recomputes the outer query for a correlation like {@code l2.l_suppkey <> l1.l_suppkey}
 * (TPC-H Q21: four copies of a four-way join). Subqueries of any other shape are left to
 * Calcite.
 */
final class ExistsToSemiJoinRule extends RelOptRule {
  static final ExistsToSemiJoinRule INSTANCE = new ExistsToSemiJoinRule();

  @SuppressWarnings("deprecation")
  private ExistsToSemiJoinRule() {
    super(operand(LogicalFilter.class, any()), "ExistsToSemiJoinRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    Set<CorrelationId> variables = filter.getVariablesSet();
    if (variables.size() != 1 || !RexUtil.SubQueryFinder.containsSubQuery(filter)) {
      return;
    }
    CorrelationId id = variables.iterator().next();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    RelNode left = filter.getInput();
    List<RexNode> remaining = new ArrayList<>();
    RelNode current = left;
    boolean changed = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode inner = negated ? ((org.apache.calcite.rex.RexCall) conjunct).getOperands().get(0)
          : conjunct;
      RelNode joined = inner.getKind() == SqlKind.EXISTS && inner instanceof RexSubQuery subQuery
          ? semiJoin(current, subQuery.rel, id, negated, rexBuilder) : null;
      if (joined == null) {
        remaining.add(conjunct);
      } else {
        current = joined;
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    RexNode rest = RexUtil.composeConjunction(rexBuilder, remaining);
    RelNode result = rest.isAlwaysTrue() ? current
        : LogicalFilter.create(current, rest, com.google.common.collect.ImmutableSet.copyOf(
            RexUtil.containsCorrelation(rest) ? variables : Set.of()));
    call.transformTo(result);
  }

  /** The semi/anti join, or null when the subquery has another shape. */
  private static RelNode semiJoin(RelNode left, RelNode subQuery, CorrelationId id,
      boolean anti, RexBuilder rexBuilder) {
    RelNode body = subQuery;
    while (body instanceof LogicalProject project) {
      body = project.getInput();
    }
    if (!(body instanceof LogicalFilter inner)) {
      return null;
    }
    RelNode right = inner.getInput();
    if (!RelOptUtil.getVariablesUsed(right).isEmpty()
        || RexUtil.SubQueryFinder.containsSubQuery(inner)) {
      return null;
    }
    int leftCount = left.getRowType().getFieldCount();
    List<RexNode> joinConditions = new ArrayList<>();
    List<RexNode> rightOnly = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(inner.getCondition())) {
      if (!RexUtil.containsCorrelation(conjunct)) {
        rightOnly.add(conjunct);
        continue;
      }
      RexNode rewritten = conjunct.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(ref.getIndex() + leftCount, ref.getType());
        }

        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexCorrelVariable variable
              && variable.id.equals(id)) {
            int index = access.getField().getIndex();
            return new RexInputRef(index, left.getRowType().getFieldList().get(index).getType());
          }
          return super.visitFieldAccess(access);
        }
      });
      if (RexUtil.containsCorrelation(rewritten)) {
        return null;
      }
      joinConditions.add(rewritten);
    }
    if (joinConditions.isEmpty()) {
      return null;
    }
    RelNode filteredRight = rightOnly.isEmpty() ? right
        : LogicalFilter.create(right, RexUtil.composeConjunction(rexBuilder, rightOnly));
    return LogicalJoin.create(left, filteredRight, List.of(),
        RexUtil.composeConjunction(rexBuilder, joinConditions), Set.of(),
        anti ? JoinRelType.ANTI : JoinRelType.SEMI);
  }
}
