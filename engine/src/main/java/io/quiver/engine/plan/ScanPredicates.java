package io.quiver.engine.plan;

import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * The conjuncts of a filter over a scan that a table can use to skip data: a column compared
 * with a constant ({@code =, <>, <, <=, >, >=}), IN a list of constants, IS [NOT] NULL. They are
 * hints; the filter itself stays in the plan.
 */
final class ScanPredicates {
  private ScanPredicates() {}

  /** Predicates of {@code condition}, whose input references are table columns. */
  static List<ColumnPredicate> extract(RexBuilder rexBuilder, RexNode condition) {
    List<ColumnPredicate> predicates = new ArrayList<>();
    if (condition == null) {
      return predicates;
    }
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      ColumnPredicate predicate = predicate(conjunct);
      if (predicate != null) {
        predicates.add(predicate);
      } else if (conjunct.getKind() == SqlKind.OR) {
        ColumnPredicate in = inList(conjunct);
        if (in != null) {
          predicates.add(in);
        }
      }
    }
    return predicates;
  }

  private static ColumnPredicate predicate(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    List<RexNode> operands = call.getOperands();
    if (call.getKind() == SqlKind.IS_NULL || call.getKind() == SqlKind.IS_NOT_NULL) {
      return operands.get(0) instanceof RexInputRef ref
          ? new ColumnPredicate(ref.getIndex(), call.getKind() == SqlKind.IS_NULL
              ? Operator.IS_NULL : Operator.IS_NOT_NULL, List.of())
          : null;
    }
    Operator operator = operator(call.getKind());
    if (operator == null || operands.size() != 2) {
      return null;
    }
    if (operands.get(0) instanceof RexInputRef ref && constant(operands.get(1)) != null) {
      return new ColumnPredicate(ref.getIndex(), operator, List.of(constant(operands.get(1))));
    }
    if (operands.get(1) instanceof RexInputRef ref && constant(operands.get(0)) != null) {
      return new ColumnPredicate(ref.getIndex(), flip(operator),
          List.of(constant(operands.get(0))));
    }
    return null;
  }

  /** {@code x = 1 OR x = 2 OR ...} on one column: IN. */
  private static ColumnPredicate inList(RexNode or) {
    Integer column = null;
    List<Object> values = new ArrayList<>();
    for (RexNode disjunct : RelOptUtil.disjunctions(or)) {
      ColumnPredicate equal = predicate(disjunct);
      if (equal == null || equal.operator() != Operator.EQUAL
          || column != null && column != equal.column()) {
        return null;
      }
      column = equal.column();
      values.add(equal.value());
    }
    return column == null ? null : new ColumnPredicate(column, Operator.IN, values);
  }

  /** A non-NULL literal's Java value, else null. */
  private static Object constant(RexNode node) {
    if (node instanceof RexLiteral literal && !literal.isNull()) {
      try {
        return PhysicalPlanner.literalValue(literal);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static Operator operator(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> Operator.EQUAL;
      case NOT_EQUALS -> Operator.NOT_EQUAL;
      case LESS_THAN -> Operator.LESS_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.GREATER_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      default -> null;
    };
  }

  private static Operator flip(Operator operator) {
    return switch (operator) {
      case LESS_THAN -> Operator.GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> Operator.LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
      default -> operator;
    };
  }
}
