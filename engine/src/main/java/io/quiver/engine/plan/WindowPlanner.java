package io.quiver.engine.plan;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.CalcOperator;
import io.quiver.engine.exec.operator.WindowOperator;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.exec.window.FrameBound;
import io.quiver.engine.exec.window.RegistryWindowCall;
import io.quiver.engine.exec.window.FrameBoundKind;
import io.quiver.engine.exec.window.WindowFrame;
import io.quiver.engine.exec.window.WindowFunction;
import io.quiver.engine.exec.window.WindowFunctionKind;
import io.quiver.udf.error.ErrorKind;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.engine.plan.function.RegistryAggregateOperator;
import io.quiver.engine.plan.function.RegistryWindowOperator;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * Maps Calcite's Window node to a chain of {@link WindowOperator}s, one per window group
 * (partitioning, ordering and frame). The window's constants (LAG offsets and defaults, frame
 * offsets) and the arguments registry functions take at a wider type are first appended as
 * columns ({@link AppendedColumns}), then projected away again. Calls of registry aggregates
 * ({@link RegistryAggregateOperator}) and window functions ({@link RegistryWindowOperator})
 * resolve through the snapshot they were validated with.
 */
final class WindowPlanner {
  private final PhysicalPlanner planner;
  private final ExecutionContext context;

  WindowPlanner(PhysicalPlanner planner, ExecutionContext context) {
    this.planner = planner;
    this.context = context;
  }

  Operator plan(Window window) {
    RexBuilder rexBuilder = planner.rexBuilder();
    RelDataType inputType = window.getInput().getRowType();
    int inputCount = inputType.getFieldCount();
    Operator current = planner.plan(window.getInput());
    // input columns, then the window's constants, then arguments cast for registry functions
    AppendedColumns extra = new AppendedColumns(rexBuilder, inputType);
    List<RexLiteral> constants = window.constants;
    for (RexLiteral constant : constants) {
      extra.append(constant);
    }
    Map<Window.RexWinAggCall, RegistryCall> registryCalls = new IdentityHashMap<>();
    for (Window.Group group : window.groups) {
      for (Window.RexWinAggCall call : group.aggCalls) {
        RegistryCall registry = registryCall(call, extra);
        if (registry != null) {
          registryCalls.put(call, registry);
        }
      }
    }
    current = extra.project(context, current);
    int width = inputCount + extra.appendedCount();
    List<RelDataType> columnTypes = new ArrayList<>(extra.types());
    int output = inputCount;
    for (Window.Group group : window.groups) {
      List<Integer> partition = group.keys.asList();
      List<SortKey> order = PhysicalPlanner.sortKeys(group.orderKeys.getFieldCollations());
      WindowFrame frame = new WindowFrame(group.isRows, bound(group.lowerBound, constants,
          inputCount), bound(group.upperBound, constants, inputCount));
      List<WindowFunction> functions = new ArrayList<>();
      for (Window.RexWinAggCall call : group.aggCalls) {
        String name = window.getRowType().getFieldList().get(output++).getName();
        Field field = TypeMapping.toField(name, call.getType());
        RegistryCall registry = registryCalls.get(call);
        functions.add(registry != null
            ? WindowFunction.registry(registry.kind(), registry.call(), frame, field)
            : function(call, frame, field, constants, inputCount));
        columnTypes.add(call.getType());
      }
      current = new WindowOperator(context, current, partition, order, functions);
      width += functions.size();
    }
    if (extra.appendedCount() == 0) {
      return current;
    }
    // drop the appended columns
    RelDataTypeFactory.Builder all = rexBuilder.getTypeFactory().builder();
    for (int i = 0; i < columnTypes.size(); i++) {
      all.add("c" + i, columnTypes.get(i));
    }
    List<RexNode> keep = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      if (i < inputCount || i >= inputCount + extra.appendedCount()) {
        keep.add(new RexInputRef(i, columnTypes.get(i)));
      }
    }
    Schema schema = planner.schemaOf(window);
    return new CalcOperator(context, current, schema, rexBuilder, all.build(), null, keep);
  }

  /** A registry function call of a window and the kind of window function that runs it. */
  private record RegistryCall(WindowFunctionKind kind, RegistryWindowCall call) {}

  /**
   * Resolves a call of a registry aggregate or window function (null for Calcite's own
   * operators); arguments the function takes at a wider type get a cast column in
   * {@code extra}.
   */
  private static RegistryCall registryCall(Window.RexWinAggCall call, AppendedColumns extra) {
    FunctionSnapshot snapshot;
    FunctionKind kind;
    if (call.getOperator() instanceof RegistryAggregateOperator aggregate) {
      snapshot = aggregate.snapshot();
      kind = FunctionKind.AGGREGATE;
    } else if (call.getOperator() instanceof RegistryWindowOperator window) {
      snapshot = window.snapshot();
      kind = FunctionKind.WINDOW;
    } else {
      return null;
    }
    if (call.distinct) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "DISTINCT in window aggregates is not"
          + " supported yet (" + call.getOperator().getName() + ")");
    }
    List<Integer> columns = new ArrayList<>();
    List<ArrowType> types = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (!(operand instanceof RexInputRef ref)) {
        throw new QuiverException(ErrorKind.INTERNAL, "window function argument " + operand
            + " is not a column (a bug in Quiver)");
      }
      columns.add(ref.getIndex());
      types.add(TypeMapping.toArrowType(extra.type(ref.getIndex())));
    }
    ResolvedFunction resolved = snapshot.resolve(call.getOperator().getName(), kind, types);
    int[] argumentColumns = new int[columns.size()];
    for (int i = 0; i < argumentColumns.length; i++) {
      argumentColumns[i] = extra.castTo(columns.get(i), resolved.argumentTypes().get(i));
    }
    WindowFunctionKind windowKind = kind == FunctionKind.AGGREGATE
        ? WindowFunctionKind.AGGREGATE_FUNCTION : WindowFunctionKind.WINDOW_FUNCTION;
    return new RegistryCall(windowKind, new RegistryWindowCall(resolved.function(),
        argumentColumns, resolved.argumentTypes()));
  }

  private static long constantValue(RexNode node, List<RexLiteral> constants, int inputCount) {
    if (node instanceof RexLiteral literal) {
      return literal.getValueAs(Long.class);
    }
    if (node instanceof RexInputRef ref && ref.getIndex() >= inputCount) {
      return constants.get(ref.getIndex() - inputCount).getValueAs(Long.class);
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "window frame offsets and LAG/LEAD offsets must be constants");
  }

  private static FrameBound bound(RexWindowBound bound, List<RexLiteral> constants,
      int inputCount) {
    if (bound.isCurrentRow()) {
      return FrameBound.CURRENT_ROW;
    }
    if (bound.isUnbounded()) {
      return new FrameBound(bound.isPreceding() ? FrameBoundKind.UNBOUNDED_PRECEDING
          : FrameBoundKind.UNBOUNDED_FOLLOWING, 0);
    }
    long offset = constantValue(bound.getOffset(), constants, inputCount);
    return bound.isPreceding() ? FrameBound.preceding(offset) : FrameBound.following(offset);
  }

  private static WindowFunction function(Window.RexWinAggCall call, WindowFrame frame,
      Field field, List<RexLiteral> constants, int inputCount) {
    List<RexNode> operands = call.getOperands();
    int argument = operands.isEmpty() ? -1 : ((RexInputRef) operands.get(0)).getIndex();
    WindowFunctionKind kind;
    int offset = 1;
    int defaultColumn = -1;
    switch (call.getKind()) {
      case ROW_NUMBER: kind = WindowFunctionKind.ROW_NUMBER; break;
      case RANK: kind = WindowFunctionKind.RANK; break;
      case DENSE_RANK: kind = WindowFunctionKind.DENSE_RANK; break;
      case PERCENT_RANK: kind = WindowFunctionKind.PERCENT_RANK; break;
      case CUME_DIST: kind = WindowFunctionKind.CUME_DIST; break;
      case NTILE:
        kind = WindowFunctionKind.NTILE;
        offset = (int) constantValue(operands.get(0), constants, inputCount);
        argument = -1;
        break;
      case LAG: case LEAD:
        kind = call.getKind() == org.apache.calcite.sql.SqlKind.LAG ? WindowFunctionKind.LAG
            : WindowFunctionKind.LEAD;
        if (operands.size() > 1) {
          offset = (int) constantValue(operands.get(1), constants, inputCount);
        }
        if (operands.size() > 2) {
          defaultColumn = ((RexInputRef) operands.get(2)).getIndex();
        }
        break;
      case FIRST_VALUE: kind = WindowFunctionKind.FIRST_VALUE; break;
      case LAST_VALUE: kind = WindowFunctionKind.LAST_VALUE; break;
      case NTH_VALUE:
        kind = WindowFunctionKind.NTH_VALUE;
        offset = (int) constantValue(operands.get(1), constants, inputCount);
        break;
      case SUM: case SUM0: kind = WindowFunctionKind.SUM; break;
      case COUNT:
        kind = operands.isEmpty() ? WindowFunctionKind.COUNT_STAR : WindowFunctionKind.COUNT;
        break;
      case AVG: kind = WindowFunctionKind.AVG; break;
      case MIN: kind = WindowFunctionKind.MIN; break;
      case MAX: kind = WindowFunctionKind.MAX; break;
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "window function " + call.getOperator().getName() + " is not supported yet");
    }
    if (call.distinct) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "DISTINCT in window aggregates is not supported yet");
    }
    return new WindowFunction(kind, argument, offset, defaultColumn, frame, field);
  }
}
