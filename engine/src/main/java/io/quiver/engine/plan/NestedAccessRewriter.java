package io.quiver.engine.plan;

import io.quiver.engine.expr.ExpressionCompiler;
import io.quiver.engine.function.nested.CardinalityFunction;
import io.quiver.engine.function.nested.ListElementFunction;
import io.quiver.engine.function.nested.MapValueFunction;
import io.quiver.engine.function.nested.NestedNullTestFunction;
import io.quiver.engine.function.nested.StructFieldFunction;
import io.quiver.engine.plan.function.NestedAccessOperator;
import io.quiver.udf.function.ScalarFunction;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites the SQL that takes nested values apart into {@link NestedAccessOperator} calls,
 * which the physical planner evaluates like registry functions: {@code s.x} (a field access
 * or {@code s['x']}), {@code a[i]}, {@code m[k]} (the key cast to the map's key type),
 * {@code CARDINALITY(a)} and {@code IS [NOT] NULL} of a nested value. Other expressions over
 * nested values are left alone; compiling one is an UNSUPPORTED error naming its type.
 */
final class NestedAccessRewriter extends RexShuttle {
  private final RexBuilder rexBuilder;

  NestedAccessRewriter(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  public RexNode visitFieldAccess(RexFieldAccess access) {
    RexNode container = access.getReferenceExpr().accept(this);
    if (container.getType().getSqlTypeName() != SqlTypeName.ROW) {
      return container == access.getReferenceExpr() ? access
          : rexBuilder.makeFieldAccess(container, access.getField().getIndex());
    }
    RelDataTypeField field = access.getField();
    return call(new StructFieldFunction(field.getName(), field.getIndex()), access.getType(),
        container);
  }

  @Override
  public RexNode visitCall(RexCall original) {
    RexCall call = (RexCall) super.visitCall(original);
    List<RexNode> operands = call.getOperands();
    if (operands.isEmpty() || call.getOperator() instanceof NestedAccessOperator) {
      return call;
    }
    RexNode first = operands.get(0);
    SqlTypeName container = first.getType().getSqlTypeName();
    switch (call.getKind()) {
      case ITEM:
        if (container == SqlTypeName.ARRAY) {
          return call(new ListElementFunction(), call.getType(), first,
              castTo(operands.get(1), rexBuilder.getTypeFactory().createSqlType(
                  SqlTypeName.BIGINT)));
        }
        if (container == SqlTypeName.MAP) {
          return call(new MapValueFunction(), call.getType(), first,
              castTo(operands.get(1), first.getType().getKeyType()));
        }
        if (container == SqlTypeName.ROW && operands.get(1) instanceof RexLiteral literal) {
          return structField(call, first, literal);
        }
        return call;
      case OTHER_FUNCTION:
        if (call.getOperator().getName().equalsIgnoreCase("CARDINALITY")
            && (container == SqlTypeName.ARRAY || container == SqlTypeName.MAP)) {
          return call(new CardinalityFunction(), call.getType(), first);
        }
        return call;
      case IS_NULL:
      case IS_NOT_NULL:
        if (!ExpressionCompiler.compiles(first.getType())) {
          return call(new NestedNullTestFunction(call.getKind() == SqlKind.IS_NULL),
              call.getType(), first);
        }
        return call;
      default:
        return call;
    }
  }

  private RexNode structField(RexCall call, RexNode struct, RexLiteral literal) {
    Object value = literal.getValue2();
    List<RelDataTypeField> fields = struct.getType().getFieldList();
    for (RelDataTypeField field : fields) {
      boolean match = value instanceof String name ? field.getName().equalsIgnoreCase(name)
          : value instanceof Number position && position.intValue() == field.getIndex() + 1;
      if (match) {
        return call(new StructFieldFunction(field.getName(), field.getIndex()), call.getType(),
            struct);
      }
    }
    return call;
  }

  private RexNode castTo(RexNode operand, RelDataType type) {
    RelDataType target = rexBuilder.getTypeFactory().createTypeWithNullability(type,
        operand.getType().isNullable());
    return operand.getType().equals(target) ? operand
        : rexBuilder.makeCast(target, operand, true, false);
  }

  private RexNode call(ScalarFunction function, RelDataType type, RexNode... operands) {
    return rexBuilder.makeCall(type, new NestedAccessOperator(function), List.of(operands));
  }
}
