package io.quiver.engine.function.builtin.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.engine.exec.aggregate.GuardedAccumulator;
import io.quiver.engine.exec.aggregate.RowsByGroup;
import io.quiver.engine.function.FunctionSource;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.udf.convert.ArrowValues;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in aggregate, driven through the public accumulator API as the host drives a
 * user aggregate: the result of adding all rows directly must equal the result of writing the
 * states of partial accumulators and merging them (then adding the rest), and both must equal
 * a reference computed in plain Java. Random data with NULLs, several groups, every argument
 * type family the function accepts.
 */
class BuiltinAccumulatorStateTest extends AllocatorTestBase {
  private static final int ROWS = 300;
  private static final int GROUPS = 7;
  private static final ArrowType DECIMAL_NARROW = Types.decimal(10, 2);
  private static final ArrowType DECIMAL_WIDE = Types.decimal(30, 3);

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(Arguments.of(CountFunction.rows(), List.of()));
    cases.add(Arguments.of(CountFunction.values(), List.of(Types.VARCHAR)));
    cases.add(Arguments.of(CountFunction.values(), List.of(Types.BIGINT, Types.DOUBLE)));
    List<ArrowType> numbers = List.of(Types.TINYINT, Types.INTEGER, Types.BIGINT, DECIMAL_NARROW,
        DECIMAL_WIDE, Types.REAL, Types.DOUBLE);
    for (SumFunction.Mode mode : SumFunction.Mode.values()) {
      for (ArrowType type : numbers) {
        cases.add(Arguments.of(new SumFunction(mode), List.of(type)));
      }
    }
    List<ArrowType> values = List.of(Types.INTEGER, Types.BIGINT, DECIMAL_WIDE, Types.DOUBLE,
        Types.VARCHAR, Types.BOOLEAN, Types.DATE);
    for (ValueFunction.Mode mode : ValueFunction.Mode.values()) {
      for (ArrowType type : values) {
        cases.add(Arguments.of(new ValueFunction(mode), List.of(type)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void mergedStatesGiveTheDirectResult(AggregateFunction function, List<ArrowType> types) {
    checkMergedStates(function, types, GROUPS, false);
  }

  /** The same with rows in runs of one group (the accumulators' run-at-a-time loops). */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void mergedStatesGiveTheDirectResultForRunsOfGroups(AggregateFunction function,
      List<ArrowType> types) {
    checkMergedStates(function, types, GROUPS, true);
  }

  /** The same with one group, as an aggregate without GROUP BY runs (its own fast paths). */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void mergedStatesGiveTheDirectResultForOneGroup(AggregateFunction function,
      List<ArrowType> types) {
    checkMergedStates(function, types, 1, false);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {18, 30})
  void exactSumsKeepEveryCarryOfLargeValues(int precision) {
    // DECIMAL(18,0) values near +-10^18: sums pass 2^64, so the split 32-bit sums and their
    // folding into 128 bits must carry exactly, grouped and ungrouped. DECIMAL(30,0) mixes
    // such values (one word) with values near 10^29 (two words).
    ArrowType type = Types.decimal(precision, 0);
    Random random = new Random(precision);
    Object[][] rows = new Object[ROWS][];
    BigDecimal[] expected = new BigDecimal[3];
    Arrays.fill(expected, BigDecimal.ZERO);
    int[] groupIds = new int[ROWS];
    for (int row = 0; row < ROWS; row++) {
      BigDecimal decimal = BigDecimal.valueOf(999_999_999_999_999_999L - random.nextInt(1000));
      if (precision > 18 && row % 7 == 3) {
        decimal = decimal.multiply(BigDecimal.valueOf(99_999_999_999L));
      }
      if (row % 5 == 4) {
        decimal = decimal.negate();
      }
      rows[row] = new Object[] {decimal};
      // runs of four rows per group (the run-at-a-time loops)
      groupIds[row] = row / 4 % 3;
      expected[groupIds[row]] = expected[groupIds[row]].add(decimal);
    }
    BigDecimal total = expected[0].add(expected[1]).add(expected[2]);
    SumFunction function = new SumFunction(SumFunction.Mode.SUM);
    RegisteredFunction sum = new RegisteredFunction(function, FunctionSource.BUILTIN);
    ArrowType resultType = function.signature().returnType().resolve(List.of(type));
    Field resultField = TestBatches.field("result", resultType);
    int[] all = java.util.stream.IntStream.range(0, ROWS).toArray();
    try (VectorSchemaRoot data = TestBatches.batch(allocator,
            TestBatches.schema(TestBatches.field("v", type)), rows);
        GuardedAccumulator grouped = new GuardedAccumulator(sum, List.of(type), resultField,
            allocator);
        GuardedAccumulator ungrouped = new GuardedAccumulator(sum, List.of(type), resultField,
            allocator);
        GuardedAccumulator byRun = new GuardedAccumulator(sum, List.of(type), resultField,
            allocator)) {
      FieldVector[] arguments = {data.getVector(0)};
      grouped.update(arguments, all, ROWS, groupIds, 3);
      ungrouped.update(arguments, all, ROWS, new int[ROWS], 1);
      ungrouped.update(arguments, all, ROWS, new int[ROWS], 1);
      RowsByGroup byGroup = new RowsByGroup();
      byGroup.build(groupIds, ROWS, 3);
      byRun.updateRuns(arguments, byGroup);
      assertThat(finish(grouped, resultField, 3)).containsExactly(expected[0], expected[1],
          expected[2]);
      assertThat(finish(byRun, resultField, 3)).containsExactly(expected[0], expected[1],
          expected[2]);
      assertThat(finish(ungrouped, resultField, 1)).containsExactly(total.add(total));
    }
  }

  private void checkMergedStates(AggregateFunction function, List<ArrowType> types,
      int groups, boolean runs) {
    Random random = new Random(types.hashCode() * 31L + function.name().hashCode());
    int[] groupIds = new int[ROWS];
    for (int row = 0; row < ROWS; row++) {
      // runs: 1 to 12 rows of one group, then another
      groupIds[row] = !runs ? random.nextInt(groups)
          : row > 0 && random.nextInt(6) != 0 ? groupIds[row - 1] : random.nextInt(groups);
    }
    try (VectorSchemaRoot data = randomData(types, random)) {
      FieldVector[] arguments = data.getFieldVectors().toArray(new FieldVector[0]);
      int[] rows = counted(function, arguments);
      int[] part1 = part(rows, 0, ROWS / 3);
      int[] part2 = part(rows, ROWS / 3, 2 * ROWS / 3);
      int[] part3 = part(rows, 2 * ROWS / 3, ROWS);
      RegisteredFunction registered = new RegisteredFunction(function, FunctionSource.BUILTIN);
      ArrowType resultType = function.signature().returnType().resolve(types);
      Field resultField = TestBatches.field("result", resultType);
      List<Object> direct;
      try (GuardedAccumulator all = new GuardedAccumulator(registered, types, resultField,
          allocator)) {
        all.update(arguments, rows, rows.length, groupIds, groups);
        direct = finish(all, resultField, groups);
      }
      List<Object> merged;
      try (GuardedAccumulator first = new GuardedAccumulator(registered, types, resultField,
              allocator);
          GuardedAccumulator second = new GuardedAccumulator(registered, types, resultField,
              allocator);
          GuardedAccumulator last = new GuardedAccumulator(registered, types, resultField,
              allocator)) {
        first.update(arguments, part1, part1.length, groupIds, groups);
        second.update(arguments, part2, part2.length, groupIds, groups);
        int[] identity = new int[groups];
        Arrays.setAll(identity, group -> group);
        mergeState(first, last, identity);
        mergeState(second, last, identity);
        last.update(arguments, part3, part3.length, groupIds, groups);
        merged = finish(last, resultField, groups);
      }
      assertThat(merged).as("merged states").isEqualTo(direct);
      assertThat(direct).as("against the reference").isEqualTo(
          reference(function, arguments, rows, groupIds, groups, resultType));
    }
  }

  /**
   * Accumulators that take a batch ordered by group give, that way, exactly what they give row
   * by row (the host orders batches of few groups whose rows were not narrowed, so no NULLs).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void groupRunsGiveTheRowByRowResult(AggregateFunction function, List<ArrowType> types) {
    RegisteredFunction registered = new RegisteredFunction(function, FunctionSource.BUILTIN);
    ArrowType resultType = function.signature().returnType().resolve(types);
    Field resultField = TestBatches.field("result", resultType);
    Random random = new Random(types.hashCode() * 17L + function.name().hashCode());
    int[] groupIds = new int[ROWS];
    Arrays.setAll(groupIds, row -> random.nextInt(GROUPS));
    int[] all = java.util.stream.IntStream.range(0, ROWS).toArray();
    RowsByGroup byGroup = new RowsByGroup();
    byGroup.build(groupIds, ROWS, GROUPS);
    try (VectorSchemaRoot data = randomData(types, random, false);
        GuardedAccumulator byRow = new GuardedAccumulator(registered, types, resultField,
            allocator);
        GuardedAccumulator byRun = new GuardedAccumulator(registered, types, resultField,
            allocator)) {
      boolean takesRuns = byRun.takesRuns();
      boolean ordersSafely = function instanceof CountFunction
          || function instanceof SumFunction && !(types.get(0) instanceof ArrowType.FloatingPoint);
      assertThat(takesRuns).as("takes runs exactly when order does not matter")
          .isEqualTo(ordersSafely);
      if (!takesRuns) {
        return;
      }
      FieldVector[] arguments = data.getFieldVectors().toArray(new FieldVector[0]);
      byRow.update(arguments, all, ROWS, groupIds, GROUPS);
      byRun.updateRuns(arguments, byGroup);
      byRun.updateRuns(arguments, byGroup);
      byRow.update(arguments, all, ROWS, groupIds, GROUPS);
      List<Object> expected = finish(byRow, resultField, GROUPS);
      assertThat(finish(byRun, resultField, GROUPS)).isEqualTo(expected);
      int[] twice = new int[2 * ROWS];
      Arrays.setAll(twice, i -> i % ROWS);
      assertThat(expected).as("against the reference").isEqualTo(
          reference(function, arguments, twice, groupIds, GROUPS, resultType));
    }
  }

  @Test
  void rowsByGroupListsEachGroupsRowsInBatchOrder() {
    int[] groupIds = {2, 0, 2, 1, 0, 2, 2};
    RowsByGroup byGroup = new RowsByGroup();
    byGroup.build(groupIds, groupIds.length, 4);
    assertThat(byGroup.groupCount()).isEqualTo(4);
    assertThat(Arrays.copyOf(byGroup.starts(), 5)).containsExactly(0, 2, 3, 7, 7);
    assertThat(Arrays.copyOf(byGroup.rows(), 7)).containsExactly(1, 4, 3, 0, 2, 5, 6);
  }

  @Test
  void singleValueKeepsTheOnlyRowOfEachGroupThroughItsState() {
    SingleValueFunction function = new SingleValueFunction();
    RegisteredFunction registered = new RegisteredFunction(function, FunctionSource.BUILTIN);
    List<ArrowType> types = List.of(Types.VARCHAR);
    Field resultField = TestBatches.field("result", Types.VARCHAR);
    Schema schema = TestBatches.schema(TestBatches.field("v", Types.VARCHAR));
    try (VectorSchemaRoot data = TestBatches.batch(allocator, schema, TestBatches.row("b"),
            TestBatches.row((Object) null), TestBatches.row("a"));
        GuardedAccumulator first = new GuardedAccumulator(registered, types, resultField,
            allocator);
        GuardedAccumulator last = new GuardedAccumulator(registered, types, resultField,
            allocator)) {
      FieldVector[] arguments = {data.getVector(0)};
      int[] groupIds = {2, 0, 1};
      first.update(arguments, new int[] {0, 1}, 2, groupIds, 4);
      mergeState(first, last, new int[] {0, 1, 2, 3});
      last.update(arguments, new int[] {2}, 1, groupIds, 4);
      assertThat(finish(last, resultField, 4)).containsExactly(null, "a", "b", null);
      // a second row for group 2, arriving as a state
      try (GuardedAccumulator again = new GuardedAccumulator(registered, types, resultField,
          allocator)) {
        again.update(arguments, new int[] {0}, 1, groupIds, 4);
        Throwable failure = catchThrowable(
            () -> mergeState(again, last, new int[] {0, 1, 2, 3}));
        assertThat(failure).isInstanceOf(QuiverException.class)
            .hasMessageContaining("more than one row returned by a subquery");
        assertThat(((QuiverException) failure).kind()).isEqualTo(ErrorKind.EXECUTION);
        assertThat(failure.getMessage()).contains("aggregate function 'single_value'");
      }
    }
  }

  @Test
  void literalWritesItsConstantForEveryGroupAndHasNoState() {
    LiteralFunction function = new LiteralFunction(true, Types.BOOLEAN);
    RegisteredFunction registered = new RegisteredFunction(function, FunctionSource.BUILTIN);
    Field resultField = TestBatches.field("result", Types.BOOLEAN);
    try (GuardedAccumulator accumulator = new GuardedAccumulator(registered, List.of(),
        resultField, allocator)) {
      assertThat(accumulator.stateFields()).isEmpty();
      assertThat(finish(accumulator, resultField)).hasSize(GROUPS).containsOnly(true);
    }
  }

  private void mergeState(GuardedAccumulator from, GuardedAccumulator into, int[] groupIds) {
    FieldVector[] state = from.newStateVectors(allocator);
    try {
      from.writeState(state, groupIds.length);
      for (int i = 0; i < state.length; i++) {
        assertThat(state[i].getField().getType())
            .isEqualTo(from.stateFields().get(i).getType());
        assertThat(state[i].getValueCount()).isEqualTo(groupIds.length);
      }
      into.merge(state, groupIds.length, groupIds, groupIds.length);
    } finally {
      for (FieldVector vector : state) {
        vector.close();
      }
    }
  }

  private List<Object> finish(GuardedAccumulator accumulator, Field field) {
    return finish(accumulator, field, GROUPS);
  }

  private List<Object> finish(GuardedAccumulator accumulator, Field field, int groups) {
    try (FieldVector result = field.createVector(allocator)) {
      accumulator.finish(result, groups);
      List<Object> values = new ArrayList<>();
      for (int group = 0; group < groups; group++) {
        values.add(ArrowValues.toJava(result, group));
      }
      return values;
    }
  }

  /** The rows the host passes: all rows, or for a strict function those without a NULL. */
  private static int[] counted(AggregateFunction function, FieldVector[] arguments) {
    boolean strict = function.signature().nullHandling() == NullHandling.STRICT;
    return java.util.stream.IntStream.range(0, ROWS).filter(row -> !strict
        || Arrays.stream(arguments).noneMatch(argument -> argument.isNull(row))).toArray();
  }

  private static int[] part(int[] rows, int from, int to) {
    return Arrays.stream(rows).filter(row -> row >= from && row < to).toArray();
  }

  private VectorSchemaRoot randomData(List<ArrowType> types, Random random) {
    return randomData(types, random, true);
  }

  private VectorSchemaRoot randomData(List<ArrowType> types, Random random, boolean nulls) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      fields.add(TestBatches.field("a" + i, types.get(i)));
    }
    Object[][] rows = new Object[ROWS][];
    for (int row = 0; row < ROWS; row++) {
      rows[row] = new Object[types.size()];
      for (int i = 0; i < types.size(); i++) {
        rows[row][i] = nulls && random.nextInt(6) == 0 ? null : randomValue(types.get(i), random);
      }
    }
    return TestBatches.batch(allocator, new Schema(fields), rows);
  }

  private static Object randomValue(ArrowType type, Random random) {
    if (type instanceof ArrowType.Int integer) {
      return (long) (integer.getBitWidth() == 8 ? random.nextInt(200) - 100
          : random.nextInt(2_000_001) - 1_000_000);
    }
    if (type.equals(DECIMAL_WIDE)) {
      return new BigDecimal(new BigInteger(80, random).subtract(BigInteger.ONE.shiftLeft(79)),
          3);
    }
    if (type instanceof ArrowType.Decimal) {
      return BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, 2);
    }
    if (type instanceof ArrowType.FloatingPoint) {
      // multiples of 1/4: every sum is exact, in any order
      return (random.nextInt(4001) - 2000) / 4.0;
    }
    if (type instanceof ArrowType.Utf8) {
      return "v" + random.nextInt(1000);
    }
    if (type instanceof ArrowType.Bool) {
      return random.nextBoolean();
    }
    return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(10_000));
  }

  /** The aggregate of each group computed from Java values. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> reference(AggregateFunction function, FieldVector[] arguments,
      int[] rows, int[] groupIds, int groups, ArrowType resultType) {
    List<Object> results = new ArrayList<>();
    for (int group = 0; group < groups; group++) {
      List<Object> values = new ArrayList<>();
      for (int row : rows) {
        if (groupIds[row] == group) {
          values.add(arguments.length == 0 ? 1 : ArrowValues.toJava(arguments[0], row));
        }
      }
      String name = function.name();
      if (name.equals("count")) {
        results.add((long) values.size());
        continue;
      }
      if (values.isEmpty()) {
        results.add(name.equals("$sum0") ? zero(resultType) : null);
        continue;
      }
      switch (name) {
        case "min" -> results.add(values.stream().min((a, b) -> ((Comparable) a).compareTo(b))
            .orElseThrow());
        case "max" -> results.add(values.stream().max((a, b) -> ((Comparable) a).compareTo(b))
            .orElseThrow());
        case "any_value" -> results.add(values.get(0));
        default -> {
          BigDecimal sum = BigDecimal.ZERO;
          for (Object value : values) {
            sum = sum.add(new BigDecimal(value.toString()));
          }
          if (name.equals("avg")) {
            results.add(sum.doubleValue() / values.size());
          } else {
            results.add(typed(sum, resultType));
          }
        }
      }
    }
    return results;
  }

  private static Object zero(ArrowType type) {
    return typed(BigDecimal.ZERO, type);
  }

  private static Object typed(BigDecimal value, ArrowType type) {
    if (type instanceof ArrowType.Int) {
      return value.longValueExact();
    }
    if (type instanceof ArrowType.FloatingPoint) {
      return value.doubleValue();
    }
    return value.setScale(((ArrowType.Decimal) type).getScale());
  }
}
