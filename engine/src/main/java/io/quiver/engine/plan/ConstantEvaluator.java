package io.quiver.engine.plan;

import io.quiver.engine.expr.CalcKernel;
import io.quiver.engine.expr.ExpressionCompiler;
import io.quiver.udf.convert.ArrowValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.engine.function.ScalarFunctionInvoker;
import io.quiver.engine.plan.function.RegistryScalarOperator;
import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.udf.function.Volatility;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexShuttle;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a constant expression with Quiver's own compiled evaluator over a one-row batch
 * with no columns, and turns the value back into a literal. Anything that fails (an error in
 * the expression, a type without a literal form) leaves the expression unchanged.
 */
final class ConstantEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(ConstantEvaluator.class);
  private static final BufferAllocator ALLOCATOR = new RootAllocator(64L << 20);

  private ConstantEvaluator() {}

  static RexNode tryEvaluate(RexBuilder rexBuilder, RexNode expression) {
    if (expression instanceof RexLiteral) {
      return expression;
    }
    try {
      expression = foldFunctionCalls(rexBuilder, expression);
    } catch (RuntimeException e) {
      LOG.debug("not folding {}: {}", expression, e.getMessage());
      return expression;
    }
    if (expression instanceof RexLiteral) {
      return expression;
    }
    RelDataType type = expression.getType();
    SqlTypeName name = type.getSqlTypeName();
    if (SqlTypeName.INTERVAL_TYPES.contains(name) || name == SqlTypeName.NULL
        || name == SqlTypeName.SYMBOL || name == SqlTypeName.TIME) {
      return expression;
    }
    RelDataType empty = rexBuilder.getTypeFactory().builder().build();
    synchronized (ALLOCATOR) {
      try (BufferAllocator allocator = ALLOCATOR.newChildAllocator("fold", 0, 16L << 20);
           CalcKernel kernel = ExpressionCompiler.compile(rexBuilder, empty, null,
               List.of(expression), allocator);
           FieldVector output = TypeMapping.toField("value", type).createVector(allocator)) {
        if (output instanceof BaseFixedWidthVector fixed) {
          fixed.allocateNew(1);
        } else if (output instanceof BaseVariableWidthVector variable) {
          variable.allocateNew(64, 1);
        } else {
          return expression;
        }
        kernel.project(new FieldVector[0], 1, new FieldVector[] {output});
        if (output instanceof BaseVariableWidthVector variable) {
          variable.setLastSet(0);
        }
        output.setValueCount(1);
        Object value = ArrowValues.toJava(output, 0);
        return toLiteral(rexBuilder, value, type, expression);
      } catch (RuntimeException e) {
        LOG.debug("not folding {}: {}", expression, e.getMessage());
        return expression;
      }
    }
  }

  /**
   * Replaces calls of immutable registry functions whose arguments are literals by their value,
   * innermost first, by calling the function once on one-row vectors.
   */
  private static RexNode foldFunctionCalls(RexBuilder rexBuilder, RexNode expression) {
    return expression.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexCall folded = (RexCall) super.visitCall(call);
        if (!(folded.getOperator() instanceof RegistryScalarOperator operator)) {
          return folded;
        }
        List<RelDataType> types = new ArrayList<>();
        for (RexNode operand : folded.getOperands()) {
          if (!(operand instanceof RexLiteral)) {
            return folded;
          }
          types.add(operand.getType());
        }
        ResolvedFunction resolved = operator.resolve(types);
        if (resolved.function().definition().signature().volatility() != Volatility.IMMUTABLE) {
          return folded;
        }
        return evaluateCall(rexBuilder, folded, resolved);
      }
    });
  }

  private static RexNode evaluateCall(RexBuilder rexBuilder, RexCall call,
      ResolvedFunction resolved) {
    synchronized (ALLOCATOR) {
      List<FieldVector> arguments = new ArrayList<>();
      try (BufferAllocator allocator = ALLOCATOR.newChildAllocator("fold", 0, 16L << 20)) {
        try {
          for (int i = 0; i < call.getOperands().size(); i++) {
            FieldVector vector = new Field("arg" + i,
                FieldType.nullable(resolved.argumentTypes().get(i)), null)
                .createVector(allocator);
            arguments.add(vector);
            JavaValueWriter.write(vector, 0,
                PhysicalPlanner.literalValue((RexLiteral) call.getOperands().get(i)));
            vector.setValueCount(1);
          }
          boolean[] constant = new boolean[arguments.size()];
          java.util.Arrays.fill(constant, true);
          ScalarFunctionInvoker invoker = new ScalarFunctionInvoker(resolved,
              TypeMapping.toField("value", call.getType()));
          try (FieldVector result = invoker.invoke(arguments.toArray(new FieldVector[0]),
              constant, 1, allocator, "while folding constants")) {
            return toLiteral(rexBuilder, ArrowValues.toJava(result, 0), call.getType(), call);
          }
        } finally {
          arguments.forEach(FieldVector::close);
        }
      }
    }
  }

  private static RexNode toLiteral(RexBuilder rexBuilder, Object value, RelDataType type,
      RexNode original) {
    if (value == null) {
      return rexBuilder.makeNullLiteral(type);
    }
    Object literalValue = value;
    if (value instanceof LocalDate date) {
      literalValue = DateString.fromDaysSinceEpoch((int) date.toEpochDay());
    } else if (value instanceof LocalDateTime timestamp) {
      literalValue = new TimestampString(timestamp.getYear(), timestamp.getMonthValue(),
          timestamp.getDayOfMonth(), timestamp.getHour(), timestamp.getMinute(),
          timestamp.getSecond()).withNanos(timestamp.getNano());
    } else if (value instanceof Number number && !(value instanceof BigDecimal)) {
      literalValue = value instanceof Double || value instanceof Float
          ? BigDecimal.valueOf(number.doubleValue()) : BigDecimal.valueOf(number.longValue());
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return original;
      }
    }
    RexNode literal = rexBuilder.makeLiteral(literalValue, type, false);
    return literal.getType().equals(type) ? literal : original;
  }
}
