package io.quiver.engine.plan;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.CalcOperator;
import io.quiver.engine.exec.operator.ScalarFunctionOperator;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.engine.function.ScalarFunctionInvoker;
import io.quiver.engine.function.FunctionSource;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.plan.function.NestedAccessOperator;
import io.quiver.engine.plan.function.RegistryScalarOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Takes the registry scalar function calls, and the calls that take nested values apart
 * ({@link NestedAccessRewriter}), out of a Calc's expressions: innermost calls first,
 * each level becomes a {@link ScalarFunctionOperator} that appends the calls' results as
 * columns, and the expressions above read those columns. What remains is compiled as usual.
 *
 * <p>When the Calc has a condition and its projections call functions, the rows are filtered
 * first (by a Calc that keeps only the columns the projections read), so the projections' calls
 * see only the rows that pass, as in PostgreSQL and DuckDB: {@code SELECT ln(x) FROM t WHERE
 * x > 0} does not fail on the rows where x <= 0. Otherwise every row of the batch reaches the
 * function, including rows a surrounding CASE or AND would not evaluate: a function that fails
 * on such rows fails the query.
 */
final class ScalarFunctionPlanner {
  private ScalarFunctionPlanner() {}

  /** The Calc's input and expressions after the function calls were taken out. */
  record Planned(Operator input, RelDataType inputType, RexNode condition,
      List<RexNode> projections) {}

  private static RexCall findCall(RexNode node) {
    RexCall[] found = new RexCall[1];
    node.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (isExternal(call)) {
          found[0] = call;
        }
        return super.visitCall(call);
      }
    });
    return found[0];
  }

  /** A call evaluated by a {@link ScalarFunctionOperator}, not by compiled code. */
  private static boolean isExternal(RexCall call) {
    return call.getOperator() instanceof RegistryScalarOperator
        || call.getOperator() instanceof NestedAccessOperator;
  }

  static Planned plan(ExecutionContext context, RexBuilder rexBuilder, Operator input,
      RelDataType inputType, RexNode condition, List<RexNode> projections) {
    NestedAccessRewriter nested = new NestedAccessRewriter(rexBuilder);
    List<RexNode> rewrittenProjections = new ArrayList<>(projections.size());
    projections.forEach(projection -> rewrittenProjections.add(projection.accept(nested)));
    projections = rewrittenProjections;
    condition = condition == null ? null : condition.accept(nested);
    if (condition != null && containsCall(projections)) {
      return filterFirst(context, rexBuilder, input, inputType, condition, projections);
    }
    while (true) {
      List<RexNode> all = new ArrayList<>(projections);
      if (condition != null) {
        all.add(condition);
      }
      Map<String, RexCall> innermost = new LinkedHashMap<>();
      for (RexNode node : all) {
        collectInnermost(node, innermost);
      }
      if (innermost.isEmpty()) {
        return new Planned(input, inputType, condition, projections);
      }
      RelDataTypeFactory.Builder extended = rexBuilder.getTypeFactory().builder()
          .addAll(inputType.getFieldList());
      List<ScalarFunctionOperator.Call> calls = new ArrayList<>();
      Map<String, RexNode> replacements = new LinkedHashMap<>();
      int column = inputType.getFieldCount();
      for (RexCall call : innermost.values()) {
        ResolvedFunction resolved;
        List<RexNode> arguments = new ArrayList<>();
        if (call.getOperator() instanceof NestedAccessOperator operator) {
          List<ArrowType> operandTypes = new ArrayList<>();
          call.getOperands().forEach(operand ->
              operandTypes.add(TypeMapping.toArrowType(operand.getType())));
          resolved = new ResolvedFunction(new RegisteredFunction(operator.function(),
              FunctionSource.BUILTIN), operandTypes, TypeMapping.toArrowType(call.getType()));
          arguments.addAll(call.getOperands());
        } else {
          RegistryScalarOperator operator = (RegistryScalarOperator) call.getOperator();
          List<RelDataType> operandTypes = new ArrayList<>();
          call.getOperands().forEach(operand -> operandTypes.add(operand.getType()));
          resolved = operator.resolve(operandTypes);
          for (int i = 0; i < call.getOperands().size(); i++) {
            arguments.add(convert(rexBuilder, call.getOperands().get(i),
                resolved.argumentTypes().get(i)));
          }
        }
        String name = "$f" + column;
        calls.add(new ScalarFunctionOperator.Call(
            new ScalarFunctionInvoker(resolved, TypeMapping.toField(name, call.getType())),
            arguments));
        extended.add(name, call.getType());
        replacements.put(call.toString(), new RexInputRef(column, call.getType()));
        column++;
      }
      input = new ScalarFunctionOperator(context, input, rexBuilder, inputType, calls,
          node -> TypeMapping.toField("arg", node.getType()));
      inputType = extended.build();
      RexShuttle replace = new RexShuttle() {
        @Override
        public RexNode visitCall(RexCall call) {
          RexNode replacement = replacements.get(call.toString());
          return replacement != null ? replacement : super.visitCall(call);
        }
      };
      List<RexNode> rewritten = new ArrayList<>();
      projections.forEach(projection -> rewritten.add(projection.accept(replace)));
      projections = rewritten;
      condition = condition == null ? null : condition.accept(replace);
    }
  }

  private static boolean containsCall(List<RexNode> nodes) {
    for (RexNode node : nodes) {
      if (findCall(node) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * A filter Calc (with the condition's own calls taken out) that keeps the columns the
   * projections read, then the projections, their calls taken out, over the rows that passed.
   */
  private static Planned filterFirst(ExecutionContext context, RexBuilder rexBuilder,
      Operator input, RelDataType inputType, RexNode condition, List<RexNode> projections) {
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(projections, null);
    if (used.isEmpty() && inputType.getFieldCount() > 0) {
      used = ImmutableBitSet.of(0); // a column to carry the row count
    }
    List<RexNode> kept = new ArrayList<>();
    RelDataTypeFactory.Builder keptType = rexBuilder.getTypeFactory().builder();
    Map<Integer, Integer> positions = new HashMap<>();
    for (int index : used) {
      RelDataTypeField field = inputType.getFieldList().get(index);
      positions.put(index, kept.size());
      kept.add(new RexInputRef(index, field.getType()));
      keptType.add(field);
    }
    RelDataType filteredType = keptType.build();
    Planned filter = plan(context, rexBuilder, input, inputType, condition, kept);
    Operator filtered = new CalcOperator(context, filter.input(),
        TypeMapping.toSchema(filteredType), rexBuilder, filter.inputType(), filter.condition(),
        filter.projections());
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(positions.get(ref.getIndex()), ref.getType());
      }
    };
    List<RexNode> remapped = new ArrayList<>();
    projections.forEach(projection -> remapped.add(projection.accept(remap)));
    return plan(context, rexBuilder, filtered, filteredType, null, remapped);
  }

  /** Adds the registry calls of {@code node} that contain no other registry call. */
  private static void collectInnermost(RexNode node, Map<String, RexCall> innermost) {
    node.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        super.visitCall(call);
        if (isExternal(call)) {
          boolean nested = false;
          for (RexNode operand : call.getOperands()) {
            nested |= findCall(operand) != null;
          }
          if (!nested) {
            innermost.putIfAbsent(call.toString(), call);
          }
        }
        return call;
      }
    });
  }

  /** The argument converted to the type the function resolved it to (implicit widening). */
  private static RexNode convert(RexBuilder rexBuilder, RexNode operand,
      org.apache.arrow.vector.types.pojo.ArrowType target) {
    RelDataType type = TypeMapping.toRelType(target, operand.getType().isNullable(),
        rexBuilder.getTypeFactory());
    if (operand instanceof RexLiteral literal && literal.isNull()) {
      return rexBuilder.makeNullLiteral(type);
    }
    if (SqlTypeUtil.equalSansNullability(rexBuilder.getTypeFactory(), operand.getType(), type)) {
      return operand;
    }
    return rexBuilder.makeCast(type, operand, true, false);
  }
}
