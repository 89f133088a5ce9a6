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
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Filter and projection fused into one compiled loop per batch (see {@link CalcKernel}).
 * Projections that only select input columns, without a condition, share the input buffers
 * instead of copying them. Columns of nested types (ARRAY, ROW, MAP), which compiled code does
 * not read, can only be selected: they are carried through, shared when there is no condition,
 * else gathered at the rows the condition selects.
 */
public final class CalcOperator extends AbstractOperator {
  private final Operator input;
  private final RexBuilder rexBuilder;
  private final RelDataType inputType;
  private final RexNode condition;
  private final List<RexNode> projections;
  private final int[] passThrough;
  /** Per projection: the input column a nested-type projection carries, else -1. */
  private final int[] carried;
  /** Whether any projection is carried (then the kernel records its selection). */
  private final boolean carries;
  private int[] selectionScratch = new int[0];
  /** The projections the kernel computes (all but the carried ones). */
  private final List<RexNode> compiled;
  private CalcKernel kernel;

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
    this.carried = new int[projections.size()];
    List<RexNode> computed = new ArrayList<>();
    for (int i = 0; i < projections.size(); i++) {
      RexNode projection = projections.get(i);
      // Input columns the kernel would copy value by value (nested ones it cannot compile,
      // strings it would append one by one) are carried: sliced when every row passes,
      // gathered at the kernel's selection otherwise.
      carried[i] = projection instanceof RexInputRef ref
          && (!ExpressionCompiler.compiles(ref.getType())
              || SqlTypeUtil.inCharOrBinaryFamilies(ref.getType())) ? ref.getIndex() : -1;
      if (carried[i] < 0) {
        computed.add(projection);
      }
    }
    this.compiled = computed;
    this.carries = computed.size() < projections.size();
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
      if (kernel == null) {
        kernel = ExpressionCompiler.compile(rexBuilder, inputType, condition, compiled,
            allocator());
      }
      List<Field> fields = schema.getFields();
      List<FieldVector> outputs = new ArrayList<>(fields.size());
      List<FieldVector> computed = new ArrayList<>(compiled.size());
      try {
        for (int i = 0; i < fields.size(); i++) {
          FieldVector vector = fields.get(i).createVector(allocator());
          outputs.add(vector);
          if (carried[i] >= 0) {
            continue;
          }
          computed.add(vector);
          if (vector instanceof BaseFixedWidthVector fixed) {
            // the kernel writes every non-NULL value: no need to clear them first (NULL rows
            // get zeros after it ran)
            io.quiver.engine.exec.batch.UnzeroedAllocation.allocate(fixed, rows);
          } else if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(Math.max(64L, rows * 16L), rows);
          }
        }
        FieldVector[] inputs = batch.getFieldVectors().toArray(new FieldVector[0]);
        int[] selection = null;
        if (carries) {
          if (selectionScratch.length < rows) {
            selectionScratch = new int[rows];
          }
          selection = selectionScratch;
        }
        int written = kernel.project(inputs, rows, computed.toArray(new FieldVector[0]),
            selection);
        for (FieldVector vector : computed) {
          if (vector instanceof BaseVariableWidthVector variable) {
            variable.setLastSet(written - 1);
          }
          vector.setValueCount(written);
          if (vector instanceof BaseFixedWidthVector fixed) {
            io.quiver.engine.exec.batch.UnzeroedAllocation.clearNullValues(fixed, written);
          }
        }
        if (written == 0) {
          outputs.forEach(FieldVector::close);
          continue;
        }
        carry(batch, selection, rows, written, outputs);
        return emit(new VectorSchemaRoot(fields, outputs, written));
      } catch (RuntimeException e) {
        outputs.forEach(FieldVector::close);
        throw e;
      }
    }
  }

  /**
   * Fills the carried columns of {@code outputs}: slices of the input when every row passed,
   * else the rows the kernel wrote ({@code selection}), gathered.
   */
  private void carry(VectorSchemaRoot batch, int[] selection, int rows, int written,
      List<FieldVector> outputs) {
    for (int i = 0; i < carried.length; i++) {
      if (carried[i] < 0) {
        continue;
      }
      FieldVector source = batch.getVector(carried[i]);
      outputs.get(i).close();
      if (written == rows) {
        outputs.set(i, io.quiver.engine.exec.batch.VectorSlices.slice(source, 0, rows,
            allocator()));
        continue;
      }
      FieldVector target = schema.getFields().get(i).createVector(allocator());
      outputs.set(i, target);
      io.quiver.engine.exec.batch.VectorGather.gatherSelection(source, selection, written,
          target);
    }
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
