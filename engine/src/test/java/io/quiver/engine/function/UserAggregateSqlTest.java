package io.quiver.engine.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.engine.function.fixtures.FailingAggregate;
import io.quiver.engine.function.fixtures.FrameCount;
import io.quiver.engine.function.fixtures.NullCounter;
import io.quiver.engine.function.fixtures.PeerRank;
import io.quiver.engine.function.fixtures.SumOfSquares;
import io.quiver.engine.function.fixtures.WeightedAverage;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateContext;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.GroupAccumulator;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User aggregates and window functions from SQL: registered on the session (or as a plugin
 * layer), planned through the registry's Calcite operators, run by the hash aggregate and the
 * window operator. Batches of 2 rows, so every query crosses batch boundaries; every test ends
 * with the session's memory released.
 */
class UserAggregateSqlTest extends SessionTestBase {

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(2).memoryLimit(64L << 20).build();
  }

  @BeforeEach
  void registerFunctionsAndCreateTable() {
    session.functions().register(new SumOfSquares());
    session.functions().register(new WeightedAverage());
    session.functions().register(new NullCounter());
    session.functions().register(new PeerRank());
    session.functions().register(new FrameCount());
    execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 2, 1.5), (1, NULL, 2.0), (2, 3, 1.0),"
        + " (2, 3, NULL), (1, 4, 0.5), (3, NULL, NULL)) AS v(k, x, w)");
  }

  @Test
  void groupByWithDistinctFilterSeveralArgumentsAndNullHandling() {
    assertThat(rows("SELECT k, sum_sq(x), sum_sq(DISTINCT x), sum_sq(x) FILTER (WHERE x > 2),"
        + " count_nulls(x), weighted_avg(x, w) FROM t GROUP BY k ORDER BY k"))
        .containsExactly(
            List.of(1, 20.0, 20.0, 16.0, 1L, 2.5),
            List.of(2, 18.0, 9.0, 18.0, 0L, 3.0),
            Arrays.asList(3, null, null, null, 1L, null));
  }

  @Test
  void aGlobalAggregateOfNoRowsIsTheEmptyGroup() {
    assertThat(rows("SELECT sum_sq(x), count_nulls(x) FROM t WHERE k > 5"))
        .containsExactly(Arrays.asList(null, 0L));
  }

  @Test
  void narrowerArgumentsAreCastToTheResolvedType() {
    String plan = String.join("\n", rows("EXPLAIN SELECT k, sum_sq(x) FROM t GROUP BY k")
        .stream().map(row -> row.get(0).toString()).toList());
    assertThat(plan).contains("sum_sq($2)", "CAST($1):DOUBLE");
  }

  @Test
  void userAggregatesOverWindows() {
    assertThat(rows("SELECT k, x,"
        + " sum_sq(x) OVER (PARTITION BY k ORDER BY x),"
        + " sum_sq(x) OVER (PARTITION BY k),"
        + " sum_sq(x) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),"
        + " weighted_avg(x, w) OVER (ORDER BY k, x ROWS BETWEEN UNBOUNDED PRECEDING"
        + " AND CURRENT ROW)"
        + " FROM t ORDER BY k, x"))
        .containsExactly(
            List.of(1, 2, 4.0, 20.0, 4.0, 2.0),
            List.of(1, 4, 20.0, 20.0, 20.0, 2.5),
            Arrays.asList(1, null, 20.0, 20.0, 16.0, 2.5),
            List.of(2, 3, 18.0, 18.0, 9.0, 8.0 / 3),
            List.of(2, 3, 18.0, 18.0, 18.0, 8.0 / 3),
            Arrays.asList(3, null, null, null, null, 8.0 / 3));
  }

  @Test
  void userWindowFunctionsOverPeersAndFrames() {
    assertThat(rows("SELECT k, x, my_rank() OVER (PARTITION BY k ORDER BY x),"
        + " RANK() OVER (PARTITION BY k ORDER BY x),"
        + " frame_count(x) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 PRECEDING"
        + " AND 1 FOLLOWING)"
        + " FROM t ORDER BY k, x"))
        .containsExactly(
            List.of(1, 2, 1L, 1L, 2L),
            List.of(1, 4, 2L, 2L, 2L),
            Arrays.asList(1, null, 3L, 3L, 1L),
            List.of(2, 3, 1L, 1L, 2L),
            List.of(2, 3, 1L, 1L, 2L),
            Arrays.asList(3, null, 1L, 1L, 0L));
  }

  @Test
  void aWindowFunctionNeedsOver() {
    QuiverException error = failure("SELECT my_rank() FROM t");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("OVER clause is necessary");
  }

  @Test
  void aFailingAggregateIsAUserFunctionErrorAndTheSessionGoesOn() {
    session.functions().register(
        new FailingAggregate(FailingAggregate.Failure.THROWS_IN_UPDATE, 2));
    QuiverException error = failure("SELECT k, explode(x) FROM t GROUP BY k");
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains(
        "aggregate function 'explode' (session) failed on batch 2: IllegalStateException: boom");
    assertThat(error.getCause()).hasMessage("boom");
    QuiverException windowed = failure("SELECT explode(x) OVER (PARTITION BY k) FROM t");
    assertThat(windowed.getMessage()).contains("failed on partition 2");
    assertThat(rows("SELECT sum_sq(x) FROM t")).containsExactly(List.of(38.0));
  }

  @Test
  void aStackOverflowAndRunningOutOfMemoryAreContained() {
    session.functions().register(
        new FailingAggregate(FailingAggregate.Failure.STACK_OVERFLOW, 1));
    QuiverException overflow = failure("SELECT explode(x) FROM t");
    assertThat(overflow.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(overflow.getMessage()).contains("stack overflow");
    session.functions().replace(new FailingAggregate(FailingAggregate.Failure.ARROW_MEMORY, 1));
    QuiverException memory = failure("SELECT explode(x) FROM t");
    assertThat(memory.kind()).isEqualTo(ErrorKind.RESOURCE);
    assertThat(memory.getMessage()).contains("aggregate function 'explode' (session)");
  }

  @Test
  void aPluginAggregateIsNamedWithItsPlugin() {
    session.functions().putPlugin("acme",
        List.of(new FailingAggregate(FailingAggregate.Failure.THROWS_IN_FINISH, 1)));
    QuiverException error = failure("SELECT explode(x) FROM t");
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("aggregate function 'explode' (plugin acme) failed"
        + " while finishing 1 groups", "IllegalArgumentException: cannot finish");
  }

  @Test
  void builtInAggregatesAreListedAsPlannerIntrinsics() {
    for (String name : List.of("count", "sum", "avg", "min", "max", "any_value",
        "single_value")) {
      List<RegisteredFunction> candidates = session.functions().snapshot()
          .candidates(name, FunctionKind.AGGREGATE);
      assertThat(candidates).as(name).isNotEmpty().allSatisfy(function -> {
        assertThat(function.source()).isEqualTo(FunctionSource.BUILTIN);
        assertThat(function.definition()).isInstanceOf(PlannerIntrinsic.class)
            .isInstanceOf(AggregateFunction.class);
      });
    }
  }

  @Test
  void aSessionAggregateShadowsABuiltInForTheTypesItAccepts() {
    session.functions().register(new ConstantText("sum"));
    assertThat(rows("SELECT k, sum(CAST(x AS VARCHAR)), sum(x), COUNT(k, x) FROM t GROUP BY k"
        + " ORDER BY k")).containsExactly(
            List.of(1, "sum of text", 6L, 2L),
            List.of(2, "sum of text", 6L, 2L),
            Arrays.asList(3, "sum of text", null, 0L));
  }

  /** {@code name(VARCHAR) -> VARCHAR}: the same text for every group. */
  private record ConstantText(String name) implements AggregateFunction {
    @Override
    public Signature signature() {
      return Signature.of(Types.VARCHAR, Types.VARCHAR);
    }

    @Override
    public List<Field> stateFields(List<ArrowType> argumentTypes) {
      return List.of();
    }

    @Override
    public GroupAccumulator createAccumulator(AggregateContext context) {
      return new GroupAccumulator() {
        @Override
        public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
            int groupCount) {}

        @Override
        public void writeState(FieldVector[] state, int groupCount) {}

        @Override
        public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {}

        @Override
        public void finish(FieldVector result, int groupCount) {
          for (int group = 0; group < groupCount; group++) {
            ((VarCharVector) result).setSafe(group,
                (name + " of text").getBytes(StandardCharsets.UTF_8));
          }
        }
      };
    }
  }
}
