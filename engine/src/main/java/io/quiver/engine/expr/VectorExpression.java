package io.quiver.engine.expr;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Evaluates one compiled expression over whole argument vectors, outside a query: for
 * built-in functions called through the function API and for widening the arguments of a
 * programmatic call. Compiled classes are cached, so repeated calls compile once.
 */
public final class VectorExpression {
  private VectorExpression() {}

  /**
   * Evaluates {@code expression} over {@code rows} rows of {@code inputs} (whose row type is
   * {@code inputType}) into a new vector of {@code resultField}, owned by the caller.
   */
  public static FieldVector evaluate(RexBuilder rexBuilder, RelDataType inputType,
      List<FieldVector> inputs, int rows, RexNode expression, Field resultField,
      BufferAllocator allocator) {
    FieldVector result = resultField.createVector(allocator);
    try (CalcKernel kernel = ExpressionCompiler.compile(rexBuilder, inputType, null,
        List.of(expression), allocator)) {
      if (result instanceof BaseFixedWidthVector fixed) {
        fixed.allocateNew(Math.max(rows, 1));
      } else if (result instanceof BaseVariableWidthVector variable) {
        variable.allocateNew(Math.max(64L, rows * 16L), Math.max(rows, 1));
      }
      int written = kernel.project(inputs.toArray(new FieldVector[0]), rows,
          new FieldVector[] {result});
      if (result instanceof BaseVariableWidthVector variable) {
        variable.setLastSet(written - 1);
      }
      result.setValueCount(written);
      return result;
    } catch (RuntimeException | Error e) {
      result.close();
      throw e;
    }
  }
}
