package io.quiver.engine.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;

/**
 * The logical rewrite program, run as a sequence of heuristic (Hep) phases:
 * <ol>
 *   <li>subqueries become correlates, then the decorrelator turns them into joins and
 *       aggregates;</li>
 *   <li>simplification: predicates are pushed into and through joins, common factors are pulled
 *       out of OR (TPC-H Q19), constants are folded, projections merged;</li>
 *   <li>join ordering: joins are collapsed into a multi-join and reordered from row-count
 *       statistics (no cross products where a join condition exists);</li>
 *   <li>unused columns are trimmed so scans read only the columns a query needs;</li>
 *   <li>filters and projections are fused into Calc nodes (one compiled loop each).</li>
 * </ol>
 */
public final class LogicalOptimizer {
  private LogicalOptimizer() {}

  private static final List<RelOptRule> SIMPLIFY = List.of(
      OrFactorPullRule.FILTER,
      OrFactorPullRule.JOIN,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.JOIN_PUSH_EXPRESSIONS,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.FILTER_MERGE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      CoreRules.FILTER_REDUCE_EXPRESSIONS,
      CoreRules.PROJECT_REDUCE_EXPRESSIONS,
      CoreRules.JOIN_REDUCE_EXPRESSIONS,
      CoreRules.UNION_TO_DISTINCT,
      CoreRules.INTERSECT_TO_DISTINCT,
      CoreRules.MINUS_TO_DISTINCT,
      CoreRules.UNION_MERGE,
      CoreRules.AGGREGATE_REMOVE,
      CoreRules.SORT_REMOVE_CONSTANT_KEYS);

  public static RelNode optimize(RelNode logical) {
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(logical.getCluster(), null);

    RelNode plan = run(logical, HepMatchOrder.BOTTOM_UP, List.of(ExistsToSemiJoinRule.INSTANCE));
    plan = run(plan, HepMatchOrder.BOTTOM_UP, List.of(
        CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
        CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
        CoreRules.JOIN_SUB_QUERY_TO_CORRELATE));
    plan = RelDecorrelator.decorrelateQuery(plan, relBuilder);
    // Window functions (RexOver in projections) become Window nodes.
    plan = run(plan, HepMatchOrder.BOTTOM_UP, List.of(
        CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
        CoreRules.CALC_TO_WINDOW));

    plan = run(plan, HepMatchOrder.BOTTOM_UP, SIMPLIFY);
    plan = OrFactorPullRule.deriveSingleInputPredicates(plan);
    plan = run(plan, HepMatchOrder.BOTTOM_UP, SIMPLIFY);

    // Join ordering from statistics (Calcite's heuristic join order: MultiJoin + LoptOptimize).
    HepProgramBuilder joinOrder = HepProgram.builder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
        .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE);
    plan = runProgram(plan, joinOrder.build());

    plan = run(plan, HepMatchOrder.BOTTOM_UP, SIMPLIFY);
    plan = run(plan, HepMatchOrder.BOTTOM_UP, List.of(AggregateSemiJoinReductionRule.INSTANCE));
    plan = new ScanFieldTrimmer(relBuilder).trim(plan);
    plan = run(plan, HepMatchOrder.BOTTOM_UP, List.of(
        CoreRules.FILTER_PROJECT_TRANSPOSE,
        CoreRules.PROJECT_MERGE,
        CoreRules.PROJECT_REMOVE,
        CoreRules.FILTER_MERGE));
    plan = run(plan, HepMatchOrder.BOTTOM_UP, List.of(
        CoreRules.FILTER_TO_CALC,
        CoreRules.PROJECT_TO_CALC,
        CoreRules.CALC_MERGE,
        CoreRules.CALC_REMOVE));
    return plan;
  }

  private static RelNode run(RelNode plan, HepMatchOrder order, List<RelOptRule> rules) {
    HepProgramBuilder builder = HepProgram.builder().addMatchOrder(order);
    builder.addRuleCollection(rules);
    return runProgram(plan, builder.build());
  }

  private static RelNode runProgram(RelNode plan, HepProgram program) {
    QuiverMetadata.install(plan.getCluster());
    HepPlanner planner = new HepPlanner(program, null, true, null,
        org.apache.calcite.plan.RelOptCostImpl.FACTORY);
    planner.setExecutor(plan.getCluster().getPlanner().getExecutor());
    planner.setRoot(plan);
    return planner.findBestExp();
  }
}
