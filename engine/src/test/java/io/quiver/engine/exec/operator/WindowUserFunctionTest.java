package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.exec.window.FrameBound;
import io.quiver.engine.exec.window.RegistryWindowCall;
import io.quiver.engine.exec.window.WindowFrame;
import io.quiver.engine.exec.window.WindowFunction;
import io.quiver.engine.exec.window.WindowFunctionKind;
import io.quiver.engine.function.FunctionSource;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.builtin.aggregate.CountFunction;
import io.quiver.engine.function.builtin.aggregate.SumFunction;
import io.quiver.engine.function.builtin.aggregate.ValueFunction;
import io.quiver.engine.function.fixtures.FailingAggregate;
import io.quiver.engine.function.fixtures.FrameCount;
import io.quiver.engine.function.fixtures.PeerRank;
import io.quiver.engine.function.fixtures.SumOfSquares;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import io.quiver.udf.function.WindowPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Registry aggregates over window frames and registry window functions, at the operator level.
 * Built-in definitions registered as session functions run through the generic path
 * (accumulators over frames), so the built-in window kinds, which slide, are the oracle: the
 * two must agree on every frame shape. The base class checks that no memory is left.
 */
class WindowUserFunctionTest extends OperatorTestBase {
  private static final Schema SCHEMA = TestBatches.schema(field("p", AllTypes.INT),
      field("o", AllTypes.INT), field("v", AllTypes.BIGINT), field("vd", AllTypes.DOUBLE),
      field("v2", AllTypes.DOUBLE), field("s", AllTypes.VARCHAR));
  private static final int P = 0;
  private static final int O = 1;
  private static final int V = 2;
  private static final int VD = 3;
  private static final int V2 = 4;
  private static final int S = 5;

  private static final List<WindowFrame> FRAMES = List.of(
      new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.UNBOUNDED_FOLLOWING),
      WindowFrame.defaultFrame(true),
      new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.following(1)),
      new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.preceding(2)),
      new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.preceding(1)),
      new WindowFrame(true, FrameBound.preceding(2), FrameBound.CURRENT_ROW),
      new WindowFrame(true, FrameBound.following(1), FrameBound.following(3)),
      new WindowFrame(false, FrameBound.preceding(2), FrameBound.following(1)),
      new WindowFrame(false, FrameBound.CURRENT_ROW, FrameBound.UNBOUNDED_FOLLOWING));

  private Operator randomInput(long seed) {
    Random random = new Random(seed);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      Object[][] rows = new Object[10][];
      for (int i = 0; i < rows.length; i++) {
        Integer partition = random.nextInt(10) == 0 ? null : random.nextInt(4);
        Integer order = random.nextInt(8) == 0 ? null : random.nextInt(12);
        Long value = random.nextInt(5) == 0 ? null : (long) random.nextInt(41) - 20;
        String text = random.nextInt(6) == 0 ? null : "s" + random.nextInt(30);
        rows[i] = new Object[] {partition, order, value,
            value == null ? null : value.doubleValue(),
            value == null ? null : (double) (value * value), text};
      }
      batches.add(table(SCHEMA, rows));
    }
    return scan(SCHEMA, batches.toArray(new VectorSchemaRoot[0]));
  }

  private static WindowFunction builtin(WindowFunctionKind kind, int column, WindowFrame frame,
      ArrowType type) {
    return new WindowFunction(kind, column, 0, -1, frame, field(kind.name(), type));
  }

  private static WindowFunction registry(WindowFunctionKind kind, FunctionDefinition function,
      WindowFrame frame, ArrowType type, int... columns) {
    List<ArrowType> types = new ArrayList<>();
    for (int column : columns) {
      types.add(SCHEMA.getFields().get(column).getType());
    }
    RegistryWindowCall call = new RegistryWindowCall(
        new RegisteredFunction(function, FunctionSource.SESSION), columns, types);
    return WindowFunction.registry(kind, call, frame, field(function.name(), type));
  }

  private static WindowFunction aggregate(FunctionDefinition function, WindowFrame frame,
      ArrowType type, int... columns) {
    return registry(WindowFunctionKind.AGGREGATE_FUNCTION, function, frame, type, columns);
  }

  /** Runs the functions partitioned by p, ordered by o (or not), returning only their values. */
  private List<List<Object>> results(long seed, boolean ordered, List<WindowFunction> functions) {
    Operator window = new WindowOperator(context, randomInput(seed), List.of(P),
        ordered ? List.of(SortKey.ascending(O)) : List.of(), functions);
    List<List<Object>> results = new ArrayList<>();
    for (List<Object> row : run(window)) {
      results.add(row.subList(SCHEMA.getFields().size(), row.size()));
    }
    return results;
  }

  private static void assertPairsAgree(List<List<Object>> rows, String what) {
    assertThat(rows).isNotEmpty();
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i += 2) {
        assertThat(row.get(i + 1)).as(what + " column " + i + " of " + row)
            .isEqualTo(row.get(i));
      }
    }
  }

  @Test
  void userAggregatesAgreeWithTheSlidingBuiltInsOnEveryFrame() {
    long seed = 1;
    for (WindowFrame frame : FRAMES) {
      List<WindowFunction> functions = List.of(
          builtin(WindowFunctionKind.SUM, V, frame, AllTypes.BIGINT),
          aggregate(new SumFunction(SumFunction.Mode.SUM), frame, AllTypes.BIGINT, V),
          builtin(WindowFunctionKind.COUNT, V, frame, AllTypes.BIGINT),
          aggregate(CountFunction.values(), frame, AllTypes.BIGINT, V),
          builtin(WindowFunctionKind.COUNT_STAR, -1, frame, AllTypes.BIGINT),
          aggregate(CountFunction.rows(), frame, AllTypes.BIGINT),
          builtin(WindowFunctionKind.MIN, S, frame, AllTypes.VARCHAR),
          aggregate(new ValueFunction(ValueFunction.Mode.MIN), frame, AllTypes.VARCHAR, S),
          builtin(WindowFunctionKind.AVG, V, frame, AllTypes.DOUBLE),
          aggregate(new SumFunction(SumFunction.Mode.AVG), frame, AllTypes.DOUBLE, V),
          builtin(WindowFunctionKind.SUM, V2, frame, AllTypes.DOUBLE),
          aggregate(new SumOfSquares(), frame, AllTypes.DOUBLE, VD));
      assertPairsAgree(results(seed++, true, functions), frame.toString());
    }
  }

  @Test
  void withoutOrderByTheDefaultFrameIsThePartition() {
    WindowFrame frame = WindowFrame.defaultFrame(false);
    assertPairsAgree(results(42, false, List.of(
        builtin(WindowFunctionKind.SUM, V, frame, AllTypes.BIGINT),
        aggregate(new SumFunction(SumFunction.Mode.SUM), frame, AllTypes.BIGINT, V),
        builtin(WindowFunctionKind.MAX, S, frame, AllTypes.VARCHAR),
        aggregate(new ValueFunction(ValueFunction.Mode.MAX), frame, AllTypes.VARCHAR, S))),
        "no ORDER BY");
  }

  @Test
  void userWindowFunctionsReadPeersAndFrames() {
    long seed = 100;
    for (WindowFrame frame : FRAMES) {
      List<WindowFunction> functions = List.of(
          builtin(WindowFunctionKind.RANK, -1, frame, AllTypes.BIGINT),
          registry(WindowFunctionKind.WINDOW_FUNCTION, new PeerRank(), frame, AllTypes.BIGINT),
          builtin(WindowFunctionKind.COUNT, S, frame, AllTypes.BIGINT),
          registry(WindowFunctionKind.WINDOW_FUNCTION, new FrameCount(), frame, AllTypes.BIGINT,
              S));
      assertPairsAgree(results(seed++, true, functions), frame.toString());
    }
  }

  @Test
  void aFailingUserAggregateNamesThePartition() {
    FailingAggregate function =
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_UPDATE, 2);
    // whole-partition frames: one accumulator, one update call per partition
    Throwable thrown = catchThrowable(() -> results(7, true, List.of(aggregate(function,
        FRAMES.get(0), AllTypes.BIGINT, V))));
    assertThat(thrown).isInstanceOf(QuiverException.class);
    assertThat(((QuiverException) thrown).kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(thrown.getMessage()).contains(
        "aggregate function 'explode' (session) failed on partition 2: IllegalStateException");
    assertThat(function.closed()).isEqualTo(function.created());
  }

  @Test
  void aStackOverflowInASlidingFrameIsAUserFunctionError() {
    FailingAggregate function = new FailingAggregate(FailingAggregate.Failure.STACK_OVERFLOW, 3);
    Throwable thrown = catchThrowable(() -> results(7, true, List.of(aggregate(function,
        FRAMES.get(5), AllTypes.BIGINT, V))));
    assertThat(((QuiverException) thrown).kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(thrown.getMessage()).contains("stack overflow");
    assertThat(function.closed()).isEqualTo(function.created());
  }

  /** A window function of BIGINT whose evaluate() is {@code body}. */
  private static io.quiver.udf.function.WindowFunction windowFunction(
      BiConsumer<WindowPartition, FieldVector> body) {
    return new io.quiver.udf.function.WindowFunction() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Signature signature() {
        return Signature.of(ReturnType.fixed(Types.BIGINT));
      }

      @Override
      public void evaluate(WindowPartition partition, FieldVector result) {
        body.accept(partition, result);
      }
    };
  }

  private QuiverException windowFailure(io.quiver.udf.function.WindowFunction function) {
    Throwable thrown = catchThrowable(() -> results(9, true, List.of(registry(
        WindowFunctionKind.WINDOW_FUNCTION, function, WindowFrame.defaultFrame(true),
        AllTypes.BIGINT))));
    assertThat(thrown).isInstanceOf(QuiverException.class);
    return (QuiverException) thrown;
  }

  @Test
  void aThrowingWindowFunctionIsAUserFunctionError() {
    QuiverException error = windowFailure(windowFunction((partition, result) -> {
      throw new ArithmeticException("bad math");
    }));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains(
        "window function 'broken' (session) failed on partition 1: ArithmeticException: bad math");
    assertThat(error.getCause()).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void readingOutsideThePartitionIsAUserFunctionError() {
    QuiverException error = windowFailure(windowFunction(
        (partition, result) -> partition.frameStart(partition.rowCount())));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("IndexOutOfBoundsException", "of a partition of");
  }

  @Test
  void aWrongValueCountFromEvaluateBreaksTheContract() {
    QuiverException error = windowFailure(windowFunction(
        (partition, result) -> result.setValueCount(partition.rowCount() + 2)));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("evaluate() set the value count");
  }
}
