package io.quiver.engine.function.builtin;

import io.quiver.engine.expr.VectorExpression;
import io.quiver.engine.plan.QueryPlanner;
import io.quiver.engine.plan.TypeMapping;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * A built-in scalar function the code generator compiles inline (UPPER, SUBSTRING, ABS, ...).
 * In SQL its Calcite operator is planned and fused into the surrounding expression loop; through
 * the function API ({@link #evaluate}) the same generated code runs over the argument vectors,
 * so both paths give the same results and errors.
 */
final class CompiledBuiltin extends BuiltinDefinition implements ScalarFunction,
    PlannerIntrinsic {
  private static final RexBuilder REX_BUILDER = new RexBuilder(QueryPlanner.TYPE_FACTORY);

  private final SqlOperator operator;

  CompiledBuiltin(String name, SqlOperator operator, Signature signature, String description) {
    super(name, signature, description);
    this.operator = Objects.requireNonNull(operator, "operator is null");
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    RelDataTypeFactory types = REX_BUILDER.getTypeFactory();
    RelDataTypeFactory.Builder row = types.builder();
    List<RexNode> operands = new ArrayList<>();
    List<FieldVector> inputs = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      RelDataType type = TypeMapping.toRelType(arguments.type(i), true, types);
      row.add("$" + i, type);
      operands.add(REX_BUILDER.makeInputRef(type, i));
      inputs.add(arguments.vector(i));
    }
    RexNode call = REX_BUILDER.makeCall(operator, operands);
    RelDataType result = TypeMapping.toRelType(arguments.resultField().getType(), true, types);
    if (!SqlTypeUtil.equalSansNullability(types, call.getType(), result)) {
      call = REX_BUILDER.makeCast(result, call, true, false);
    }
    return VectorExpression.evaluate(REX_BUILDER, row.build(), inputs, arguments.rowCount(),
        call, arguments.resultField(), arguments.allocator());
  }

  @Override
  public String toString() {
    return name() + signature();
  }
}
