package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.VectorSlices;
import io.quiver.engine.expr.CalcKernel;
import io.quiver.engine.expr.ExpressionCompiler;
import io.quiver.engine.function.ScalarFunctionInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Evaluates registry scalar functions (user, plugin and API built-in functions) once per batch:
 * it passes the input columns through (shared, not copied) and appends one result column per
 * call. Arguments that are input columns are handed over as they are; other argument
 * expressions are computed by one compiled kernel per batch ({@code fieldOf} gives the Arrow
 * field of such an expression).
 */
public final class ScalarFunctionOperator extends AbstractOperator {
  private final Operator input;
  private final RexBuilder rexBuilder;
  private final RelDataType inputType;
  private final List<Call> calls;
  private final Function<RexNode, Field> fieldOf;
  /** The argument expressions that are computed (neither input columns nor reused). */
  private final List<RexNode> computed = new ArrayList<>();
  private CalcKernel kernel;
  private int batchNumber;
  private long rowsBefore;

  /** One call: its invoker and argument expressions over the input row. */
  public record Call(ScalarFunctionInvoker invoker, List<RexNode> arguments) {}

  public ScalarFunctionOperator(ExecutionContext context, Operator input, RexBuilder rexBuilder,
      RelDataType inputType, List<Call> calls, Function<RexNode, Field> fieldOf) {
    super("ScalarFunction", context, schema(input.schema(), calls), List.of(input));
    this.input = input;
    this.rexBuilder = rexBuilder;
    this.inputType = inputType;
    this.calls = List.copyOf(calls);
    this.fieldOf = fieldOf;
    for (Call call : calls) {
      for (RexNode argument : call.arguments()) {
        if (!(argument instanceof RexInputRef) && !computed.contains(argument)) {
          computed.add(argument);
        }
      }
    }
  }

  private static Schema schema(Schema input, List<Call> calls) {
    List<Field> fields = new ArrayList<>(input.getFields());
    for (Call call : calls) {
      fields.add(call.invoker().resultField());
    }
    return new Schema(fields);
  }

  @Override
  protected VectorSchemaRoot doNext() {
    VectorSchemaRoot batch;
    do {
      batch = input.next();
      if (batch == null) {
        return null;
      }
    } while (batch.getRowCount() == 0);
    int rows = batch.getRowCount();
    batchNumber++;
    String where = "on batch " + batchNumber + " (rows " + rowsBefore + ".."
        + (rowsBefore + rows - 1) + ")";
    rowsBefore += rows;
    List<FieldVector> outputs = new ArrayList<>(schema.getFields().size());
    FieldVector[] values = new FieldVector[computed.size()];
    try {
      for (FieldVector column : batch.getFieldVectors()) {
        outputs.add(VectorSlices.slice(column, 0, rows, allocator()));
      }
      compute(batch, rows, values);
      for (Call call : calls) {
        List<RexNode> arguments = call.arguments();
        FieldVector[] vectors = new FieldVector[arguments.size()];
        boolean[] constant = new boolean[arguments.size()];
        for (int i = 0; i < vectors.length; i++) {
          RexNode argument = arguments.get(i);
          vectors[i] = argument instanceof RexInputRef ref ? batch.getVector(ref.getIndex())
              : values[computed.indexOf(argument)];
          constant[i] = argument instanceof RexLiteral;
        }
        outputs.add(call.invoker().invoke(vectors, constant, rows, allocator(), where));
      }
    } catch (RuntimeException | Error e) {
      outputs.forEach(FieldVector::close);
      throw e;
    } finally {
      for (FieldVector value : values) {
        if (value != null) {
          value.close();
        }
      }
    }
    return emit(new VectorSchemaRoot(schema.getFields(), outputs, rows));
  }

  private void compute(VectorSchemaRoot batch, int rows, FieldVector[] values) {
    if (computed.isEmpty()) {
      return;
    }
    if (kernel == null) {
      kernel = ExpressionCompiler.compile(rexBuilder, inputType, null, computed, allocator());
    }
    for (int i = 0; i < values.length; i++) {
      FieldVector vector = fieldOf.apply(computed.get(i)).createVector(allocator());
      values[i] = vector;
      if (vector instanceof BaseFixedWidthVector fixed) {
        fixed.allocateNew(rows);
      } else if (vector instanceof BaseVariableWidthVector variable) {
        variable.allocateNew(Math.max(64L, rows * 16L), rows);
      }
    }
    int written = kernel.project(batch.getFieldVectors().toArray(new FieldVector[0]), rows,
        values);
    for (FieldVector vector : values) {
      if (vector instanceof BaseVariableWidthVector variable) {
        variable.setLastSet(written - 1);
      }
      vector.setValueCount(written);
    }
  }

  @Override
  protected void release() {
    if (kernel != null) {
      kernel.close();
      kernel = null;
    }
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("ScalarFunction[");
    for (int i = 0; i < calls.size(); i++) {
      text.append(i > 0 ? ", " : "").append(calls.get(i).invoker().owner())
          .append(calls.get(i).arguments());
    }
    return text.append(']').toString();
  }
}
