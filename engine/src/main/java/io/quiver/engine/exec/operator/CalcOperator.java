package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.expr.CalcKernel;
import io.quiver.engine.expr.ExpressionCompiler;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Filter and projection fused into one compiled loop per batch (see {@link CalcKernel}).
 * Projections that only select input columns, without a condition, share the input buffers
 * instead of copying them. A filter whose projections only select input columns, some of them
 * nested (ARRAY, MAP, ROW, which compiled code does not read), evaluates the condition into a
 * selection and gathers the selected rows of each column.
 */
public final class CalcOperator extends AbstractOperator {
  private final Operator input;
  private final RexBuilder rexBuilder;
  private final RelDataType inputType;
  private final RexNode condition;
  private final List<RexNode> projections;
  private final int[] passThrough;
  /** Input columns of a filter that selects nested columns (gathered), else null. */
  private final int[] gathered;
  private CalcKernel kernel;
  private int[] selection = new int[0];

  public CalcOperator(ExecutionContext context, Operator input, Schema schema,
      RexBuilder rexBuilder, RelDataType inputType, RexNode condition,
      List<RexNode> projections) {
    super(condition == null ? "Project" : "Filter", context, schema, List.of(input));
    this.input = input;
    this.rexBuilder = rexBuilder;
    this.inputType = inputType;
    this.condition = condition;
    this.projections = List.copyOf(projections);
    int[] refs = new int[projections.size()];
    boolean allRefs = condition == null;
    for (int i = 0; i < projections.size() && allRefs; i++) {
      if (projections.get(i) instanceof RexInputRef ref) {
        refs[i] = ref.getIndex();
      } else {
        allRefs = false;
      }
    }
    this.passThrough = allRefs ? refs : null;
    this.gathered = condition != null && nestedRefsOnly(projections) ? refsOf(projections)
        : null;
  }

  private static boolean nestedRefsOnly(List<RexNode> projections) {
    boolean nested = false;
    for (RexNode projection : projections) {
      if (!(projection instanceof RexInputRef)) {
        return false;
      }
      org.apache.calcite.sql.type.SqlTypeName type = projection.getType().getSqlTypeName();
      nested |= type == org.apache.calcite.sql.type.SqlTypeName.ARRAY
          || type == org.apache.calcite.sql.type.SqlTypeName.MAP
          || type == org.apache.calcite.sql.type.SqlTypeName.ROW;
    }
    return nested;
  }

  private static int[] refsOf(List<RexNode> projections) {
    int[] refs = new int[projections.size()];
    for (int i = 0; i < refs.length; i++) {
      refs[i] = ((RexInputRef) projections.get(i)).getIndex();
    }
    return refs;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    while (true) {
      VectorSchemaRoot batch = input.next();
      if (batch == null) {
        return null;
      }
      int rows = batch.getRowCount();
      if (rows == 0) {
        continue;
      }
      if (passThrough != null) {
        return emit(select(batch, rows));
      }
      if (gathered != null) {
        VectorSchemaRoot filtered = filterAndGather(batch, rows);
        if (filtered == null) {
          continue;
        }
        return emit(filtered);
      }
      if (kernel == null) {
        kernel = ExpressionCompiler.compile(rexBuilder, inputType, condition, projections,
            allocator());
      }
      List<Field> fields = schema.getFields();
      List<FieldVector> outputs = new ArrayList<>(fields.size());
      try {
        for (Field field : fields) {
          FieldVector vector = field.createVector(allocator());
          outputs.add(vector);
          if (vector instanceof BaseFixedWidthVector fixed) {
            fixed.allocateNew(rows);
          } else if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(Math.max(64L, rows * 16L), rows);
          }
        }
        FieldVector[] inputs = batch.getFieldVectors().toArray(new FieldVector[0]);
        int written = kernel.project(inputs, rows, outputs.toArray(new FieldVector[0]));
        for (FieldVector vector : outputs) {
          if (vector instanceof BaseVariableWidthVector variable) {
            variable.setLastSet(written - 1);
          }
          vector.setValueCount(written);
        }
        if (written == 0) {
          outputs.forEach(FieldVector::close);
          continue;
        }
        return emit(new VectorSchemaRoot(fields, outputs, written));
      } catch (RuntimeException e) {
        outputs.forEach(FieldVector::close);
        throw e;
      }
    }
  }

  /** The rows passing the condition, or null when none does. */
  private VectorSchemaRoot filterAndGather(VectorSchemaRoot batch, int rows) {
    if (kernel == null) {
      kernel = ExpressionCompiler.compile(rexBuilder, inputType, condition, List.of(),
          allocator());
    }
    if (selection.length < rows) {
      selection = new int[rows];
    }
    FieldVector[] inputs = batch.getFieldVectors().toArray(new FieldVector[0]);
    int passed = kernel.filter(inputs, rows, selection);
    if (passed == 0) {
      return null;
    }
    List<Field> fields = schema.getFields();
    List<FieldVector> outputs = new ArrayList<>(fields.size());
    try {
      for (int i = 0; i < gathered.length; i++) {
        FieldVector source = batch.getVector(gathered[i]);
        if (passed == rows) {
          // Every row passes: a shared slice of the input column (no copy).
          outputs.add(io.quiver.engine.exec.batch.VectorSlices.slice(source, 0, rows,
              allocator()));
        } else {
          FieldVector target = source.getField().createVector(allocator());
          outputs.add(target);
          io.quiver.engine.exec.batch.VectorGather.gather(source, selection, passed, target);
        }
      }
    } catch (RuntimeException e) {
      outputs.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(fields, outputs, passed);
  }

  private VectorSchemaRoot select(VectorSchemaRoot batch, int rows) {
    List<Field> fields = schema.getFields();
    List<FieldVector> outputs = new ArrayList<>(fields.size());
    for (int i = 0; i < passThrough.length; i++) {
      // A shared slice of the input column (reference-counted, no copy).
      outputs.add(io.quiver.engine.exec.batch.VectorSlices.slice(
          batch.getVector(passThrough[i]), 0, rows, allocator()));
    }
    return new VectorSchemaRoot(fields, outputs, rows);
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
    StringBuilder text = new StringBuilder(condition == null ? "Project[" : "Filter[");
    if (condition != null) {
      text.append(condition).append(", ");
    }
    text.append(projections).append(']');
    return text.toString();
  }
}
