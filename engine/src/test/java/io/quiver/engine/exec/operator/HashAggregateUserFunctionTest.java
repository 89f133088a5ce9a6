package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.list;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.aggregate.AggregateSpec;
import io.quiver.engine.function.FunctionSource;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.builtin.aggregate.SumFunction;
import io.quiver.engine.function.fixtures.FailingAggregate;
import io.quiver.engine.function.fixtures.NullCounter;
import io.quiver.engine.function.fixtures.SumOfSquares;
import io.quiver.engine.function.fixtures.WeightedAverage;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * User aggregates in the hash aggregate, at the operator level: grouping, strict and
 * non-strict NULL handling, DISTINCT, FILTER, several arguments, and every way a user
 * accumulator can fail. The base class checks after each test that no Arrow memory is left.
 */
class HashAggregateUserFunctionTest extends OperatorTestBase {
  private static final Schema SCHEMA = TestBatches.schema(field("k", AllTypes.VARCHAR),
      field("x", AllTypes.DOUBLE), field("w", AllTypes.DOUBLE), field("n", AllTypes.BIGINT),
      field("f", AllTypes.BOOLEAN));

  private Operator input() {
    return scan(SCHEMA, table(SCHEMA,
        row("a", 1.0, 2.0, 10L, true),
        row("b", 2.0, null, 20L, false),
        row("a", null, 1.0, 30L, true),
        row("a", 3.0, 1.0, 40L, null),
        row("b", 2.0, 3.0, 50L, true),
        row("c", null, null, 60L, true),
        row("a", 1.0, 1.0, 70L, false)));
  }

  private static AggregateSpec spec(AggregateFunction function, FunctionSource source,
      int[] arguments, int filter, boolean distinct, ArrowType output) {
    return new AggregateSpec(new RegisteredFunction(function, source), arguments,
        typesOf(arguments), filter, distinct, field("out", output));
  }

  private static AggregateSpec session(AggregateFunction function, int... arguments) {
    return spec(function, FunctionSource.SESSION, arguments, -1, false,
        function.signature().returnType().resolve(typesOf(arguments)));
  }

  private static List<ArrowType> typesOf(int[] arguments) {
    List<ArrowType> types = new ArrayList<>();
    for (int argument : arguments) {
      types.add(SCHEMA.getFields().get(argument).getType());
    }
    return types;
  }

  private Operator aggregate(Operator input, int[] keys, List<AggregateSpec> specs) {
    List<Field> fields = new ArrayList<>();
    for (int key : keys) {
      fields.add(input.schema().getFields().get(key));
    }
    specs.forEach(spec -> fields.add(spec.output()));
    return new HashAggregateOperator(context, input, keys, specs, new Schema(fields));
  }

  private List<List<Object>> grouped(AggregateSpec... specs) {
    return run(aggregate(input(), new int[] {0}, List.of(specs)));
  }

  private QuiverException failure(AggregateSpec spec) {
    Throwable thrown = catchThrowable(() -> grouped(spec));
    assertThat(thrown).isInstanceOf(QuiverException.class);
    return (QuiverException) thrown;
  }

  @Test
  void userAggregatePerGroupSkipsRowsWithANullArgument() {
    assertThat(grouped(session(new SumOfSquares(), 1))).containsExactly(
        list("a", 11.0), list("b", 8.0), list("c", null));
  }

  @Test
  void distinctAndFilterApplyBeforeTheUserAccumulator() {
    SumOfSquares function = new SumOfSquares();
    assertThat(grouped(
        spec(function, FunctionSource.SESSION, new int[] {1}, -1, true, AllTypes.DOUBLE),
        spec(function, FunctionSource.SESSION, new int[] {1}, 4, false, AllTypes.DOUBLE),
        spec(function, FunctionSource.SESSION, new int[] {1}, 4, true, AllTypes.DOUBLE)))
        .containsExactly(list("a", 10.0, 1.0, 1.0), list("b", 4.0, 4.0, 4.0),
            list("c", null, null, null));
  }

  @Test
  void severalArgumentsSkipARowWhenAnyIsNull() {
    assertThat(grouped(session(new WeightedAverage(), 1, 2))).containsExactly(
        list("a", 1.5), list("b", 2.0), list("c", null));
  }

  @Test
  void aNonStrictAggregateSeesTheNullRows() {
    NullCounter function = new NullCounter();
    assertThat(grouped(session(function, 1),
        spec(function, FunctionSource.SESSION, new int[] {1}, 4, false, AllTypes.BIGINT),
        spec(function, FunctionSource.SESSION, new int[] {2}, -1, true, AllTypes.BIGINT)))
        .containsExactly(list("a", 1L, 1L, 0L), list("b", 0L, 0L, 1L), list("c", 1L, 1L, 1L));
  }

  @Test
  void globalAggregateOfNoRowsFinishesOneEmptyGroup() {
    Operator empty = scan(SCHEMA, table(SCHEMA));
    assertThat(run(aggregate(empty, new int[0], List.of(session(new SumOfSquares(), 1),
        session(new NullCounter(), 1))))).containsExactly(list(null, 0L));
  }

  @Test
  void anExceptionNamesTheFunctionItsSourceAndTheBatch() {
    FailingAggregate function =
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_UPDATE, 2);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains(
        "aggregate function 'explode' (session) failed on batch 2: IllegalStateException: boom");
    assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(function.created()).isEqualTo(1);
    assertThat(function.closed()).isEqualTo(1);
  }

  @Test
  void aPluginFunctionIsNamedWithItsPlugin() {
    FailingAggregate function =
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_UPDATE, 1);
    QuiverException error = failure(spec(function, FunctionSource.plugin("acme"),
        new int[] {3}, -1, false, AllTypes.BIGINT));
    assertThat(error.getMessage())
        .contains("aggregate function 'explode' (plugin acme) failed on batch 1");
  }

  @Test
  void aStackOverflowIsAUserFunctionError() {
    FailingAggregate function = new FailingAggregate(FailingAggregate.Failure.STACK_OVERFLOW, 1);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("failed on batch 1: stack overflow");
    assertThat(error.getCause()).isInstanceOf(StackOverflowError.class);
    assertThat(function.closed()).isEqualTo(1);
  }

  @Test
  void runningOutOfHeapIsAResourceError() {
    FailingAggregate function = new FailingAggregate(FailingAggregate.Failure.HEAP_EXHAUSTED, 1);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.RESOURCE);
    assertThat(error.getMessage()).contains("aggregate function 'explode' (session)");
    assertThat(error.getCause()).isInstanceOf(OutOfMemoryError.class);
    assertThat(function.closed()).isEqualTo(1);
  }

  @Test
  void anExceptionInFinishIsAUserFunctionErrorAndTheResultIsReleased() {
    FailingAggregate function =
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_FINISH, 1);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("failed while finishing 3 groups",
        "IllegalArgumentException: cannot finish");
    assertThat(function.closed()).isEqualTo(1);
  }

  @Test
  void aWrongValueCountFromFinishBreaksTheContract() {
    QuiverException error = failure(session(
        new FailingAggregate(FailingAggregate.Failure.WRONG_VALUE_COUNT, 1), 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("finish() set the value count", "to 4 for 3 rows");
  }

  @Test
  void closingTheResultVectorInFinishBreaksTheContract() {
    QuiverException error = failure(session(
        new FailingAggregate(FailingAggregate.Failure.CLOSES_RESULT, 1), 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("finish() left", "with room for 0 values");
  }

  @Test
  void noAccumulatorIsAUserFunctionError() {
    QuiverException error = failure(session(
        new FailingAggregate(FailingAggregate.Failure.NO_ACCUMULATOR, 1), 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("createAccumulator() returned null");
  }

  @Test
  void anExceptionFromCloseIsAUserFunctionError() {
    FailingAggregate function =
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_CLOSE, 1);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("failed while closing its accumulator");
    assertThat(function.closed()).isEqualTo(1);
  }

  @Test
  void memoryKeptAfterCloseIsReported() {
    FailingAggregate function = new FailingAggregate(FailingAggregate.Failure.LEAKS_MEMORY, 1);
    QuiverException error = failure(session(function, 3));
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("aggregate function 'explode' (session)",
        "bytes of Arrow memory after close()");
    // what the function should have done: release its buffer, then its allocator can close
    ArrowBuf leaked = function.leaked();
    BufferAllocator owner = leaked.getReferenceManager().getAllocator();
    leaked.close();
    owner.close();
  }

  @Test
  void aBuiltInKeepsTheKindOfItsOwnError() {
    Schema schema = TestBatches.schema(field("n", AllTypes.BIGINT));
    Operator input = scan(schema, table(schema, row(Long.MAX_VALUE), row(1L)));
    AggregateSpec sum = new AggregateSpec(new RegisteredFunction(
        new SumFunction(SumFunction.Mode.SUM), FunctionSource.BUILTIN), new int[] {0},
        List.of(AllTypes.BIGINT), -1, false, field("sum", AllTypes.BIGINT));
    Throwable thrown = catchThrowable(() -> run(aggregate(input, new int[0], List.of(sum))));
    assertThat(thrown).isInstanceOf(QuiverException.class);
    assertThat(((QuiverException) thrown).kind()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(thrown.getMessage()).contains("bigint out of range", "aggregate function 'sum'");
  }
}
