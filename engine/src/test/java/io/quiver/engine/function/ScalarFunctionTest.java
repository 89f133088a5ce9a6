package io.quiver.engine.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.RowFunctions;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import io.quiver.udf.function.Volatility;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scalar user functions in SQL: resolution, execution, null handling, folding, failures. */
class ScalarFunctionTest extends SessionTestBase {

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(2).build();
  }

  @BeforeEach
  void createTable() {
    session.sql("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (NULL, 'c'))"
        + " AS v(x, s)").close();
  }

  /** A vectorised BIGINT -> BIGINT function built from a per-vector body. */
  private static ScalarFunction vectorised(String name,
      Function<ScalarArguments, FieldVector> body) {
    Signature signature = Signature.of(Types.BIGINT, Types.BIGINT);
    return new ScalarFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Signature signature() {
        return signature;
      }

      @Override
      public FieldVector evaluate(ScalarArguments arguments) {
        return body.apply(arguments);
      }
    };
  }

  /** Adds one to every slot, NULL or not: the host sets NULL where the argument is NULL. */
  private static FieldVector plusOne(ScalarArguments arguments) {
    BigIntVector input = (BigIntVector) arguments.vector(0);
    BigIntVector result = (BigIntVector) arguments.newResult();
    for (int row = 0; row < arguments.rowCount(); row++) {
      result.set(row, input.getDataBuffer().getLong(row * 8L) + 1);
    }
    result.setValueCount(arguments.rowCount());
    return result;
  }

  @Test
  void vectorisedFunctionRunsOnEveryBatchAndStrictNullsStayNull() {
    session.functions().register(vectorised("plus_one", ScalarFunctionTest::plusOne));
    // x is INTEGER: widened to the declared BIGINT.
    assertThat(rows("SELECT x, PLUS_ONE(x) FROM t ORDER BY s")).containsExactly(
        List.of(1, 2L), List.of(2, 3L), Arrays.asList(null, null));
  }

  @Test
  void rowWiseFunctionOverJavaValues() {
    session.functions().register(RowFunctions.of("greet",
        Signature.of(Types.VARCHAR, Types.VARCHAR), args -> "hello " + args[0]));
    session.functions().register(RowFunctions.ofLong("times_ten", x -> x * 10));
    assertThat(rows("SELECT greet(s), times_ten(x) FROM t WHERE times_ten(x) > 10"))
        .containsExactly(List.of("hello b", 20L));
  }

  @Test
  void calledOnNullFunctionSeesNulls() {
    session.functions().register(RowFunctions.of("is_missing",
        Signature.of(ReturnType.fixed(Types.BOOLEAN), ArgumentType.family(TypeFamily.ANY))
            .withNullHandling(NullHandling.CALLED_ON_NULL),
        args -> args[0] == null));
    assertThat(rows("SELECT s FROM t WHERE is_missing(x)")).containsExactly(List.of("c"));
  }

  @Test
  void nestedCallsAndCallsOverExpressions() {
    session.functions().register(RowFunctions.ofLong("twice", x -> x * 2));
    session.functions().register(RowFunctions.ofLong("plus", Long::sum));
    assertThat(rows("SELECT plus(twice(x + 1), twice(twice(x))) FROM t WHERE x IS NOT NULL"
        + " ORDER BY 1")).containsExactly(List.of(8L), List.of(14L));
  }

  @Test
  void noMatchingOverloadListsTheCandidates() {
    session.functions().register(RowFunctions.ofLong("twice", x -> x * 2));
    QuiverException error = failure("SELECT twice(s) FROM t");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("twice(VARCHAR)").contains("twice(BIGINT) -> BIGINT")
        .contains("[session]");
  }

  @Test
  void equallyGoodOverloadsAreAmbiguous() {
    session.functions().register(RowFunctions.ofLong("pick", x -> x));
    session.functions().register(RowFunctions.ofDouble("pick", x -> x));
    QuiverException error = failure("SELECT pick(x) FROM t");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("ambiguous").contains("pick(BIGINT) -> BIGINT")
        .contains("pick(DOUBLE) -> DOUBLE");
    // An exact match is not ambiguous.
    assertThat(rows("SELECT pick(CAST(2 AS BIGINT)), pick(CAST(2 AS DOUBLE))"))
        .containsExactly(List.of(2L, 2.0));
  }

  @Test
  void throwingFunctionIsAUserFunctionErrorAndTheNextQueryWorks() {
    session.functions().register(vectorised("boom", arguments -> {
      throw new IllegalStateException("kaboom");
    }));
    QuiverException error = failure("SELECT boom(x) FROM t");
    assertThat(error.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage())
        .contains("scalar function 'boom' (session) failed on batch 1 (rows 0..1)")
        .contains("kaboom");
    assertThat(error.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(rows("SELECT COUNT(*) FROM t")).containsExactly(List.of(3L));
  }

  @Test
  void failureOnALaterBatchNamesThatBatch() {
    AtomicInteger calls = new AtomicInteger();
    session.functions().register(vectorised("late", arguments -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalArgumentException("second batch");
      }
      return plusOne(arguments);
    }));
    assertThat(failure("SELECT late(x) FROM t").getMessage()).contains("on batch 2 (rows 2..2)");
  }

  @Test
  void brokenResultsAreUserFunctionErrors() {
    session.functions().register(vectorised("gives_null", arguments -> null));
    session.functions().register(vectorised("too_short", arguments -> {
      FieldVector result = arguments.newResult();
      result.setValueCount(arguments.rowCount() - 1);
      return result;
    }));
    session.functions().register(vectorised("wrong_type", arguments -> {
      VarCharVector result = new VarCharVector("r", arguments.allocator());
      result.allocateNew();
      result.setValueCount(arguments.rowCount());
      return result;
    }));
    session.functions().register(vectorised("echo", arguments -> arguments.vector(0)));
    assertThat(failure("SELECT gives_null(x) FROM t").getMessage()).contains("returned null");
    assertThat(failure("SELECT too_short(x) FROM t").getMessage())
        .contains("returned 1 values for 2 rows");
    assertThat(failure("SELECT wrong_type(x) FROM t").getMessage())
        .contains("type VARCHAR but the signature resolved to BIGINT");
    assertThat(failure("SELECT echo(x) FROM t").getMessage())
        .contains("returned one of its argument vectors");
    for (String name : List.of("gives_null", "too_short", "wrong_type", "echo")) {
      assertThat(failure("SELECT " + name + "(x) FROM t").kind())
          .isEqualTo(ErrorKind.USER_FUNCTION);
    }
  }

  @Test
  void stackOverflowIsAUserFunctionErrorAndOutOfMemoryIsAResourceError() {
    session.functions().register(vectorised("recurse", arguments -> recurse(0)));
    session.functions().register(vectorised("hog", arguments -> {
      throw new OutOfMemoryError("Java heap space");
    }));
    QuiverException overflow = failure("SELECT recurse(x) FROM t");
    assertThat(overflow.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(overflow.getMessage()).contains("stack overflow");
    QuiverException memory = failure("SELECT hog(x) FROM t");
    assertThat(memory.kind()).isEqualTo(ErrorKind.RESOURCE);
    assertThat(memory.getMessage()).contains("'hog'").contains("ran out of memory");
  }

  private static FieldVector recurse(int depth) {
    return recurse(depth + 1);
  }

  @Test
  void immutableCallsOnConstantsAreFoldedVolatileOnesAreNot() {
    AtomicInteger immutableCalls = new AtomicInteger();
    AtomicInteger volatileCalls = new AtomicInteger();
    session.functions().register(RowFunctions.of("fixed_ten",
        Signature.of(Types.BIGINT, Types.BIGINT), args -> {
          immutableCalls.incrementAndGet();
          return (Long) args[0] * 10;
        }));
    session.functions().register(RowFunctions.of("noisy",
        Signature.of(Types.BIGINT, Types.BIGINT).withVolatility(Volatility.VOLATILE), args -> {
          volatileCalls.incrementAndGet();
          return (Long) args[0];
        }));
    String plan;
    try (QueryResult result = session.sql(
        "EXPLAIN SELECT x + fixed_ten(CAST(4 AS BIGINT)), noisy(CAST(1 AS BIGINT)) FROM t")) {
      plan = result.toRows().toString();
    }
    assertThat(plan).contains("40").doesNotContain("FIXED_TEN").contains("NOISY");
    assertThat(immutableCalls.get()).isEqualTo(1);
    volatileCalls.set(0);
    assertThat(rows("SELECT noisy(CAST(1 AS BIGINT)) FROM t")).hasSize(3);
    assertThat(volatileCalls.get()).isEqualTo(3);
  }

  @Test
  void sessionFunctionNamedLikeABuiltinInAJoinConditionIsRefusedNotCompiledAsTheBuiltin() {
    session.functions().register(RowFunctions.of("upper",
        Signature.of(Types.VARCHAR, Types.VARCHAR), args -> "x"));
    QuiverException error = failure("SELECT * FROM t a JOIN t b ON a.x < b.x"
        + " AND upper(a.s) <> b.s");
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(error.getMessage()).contains("upper (a registry function)");
  }

  @Test
  void primitiveRowAdaptersSkipNullRowsAndKeepThemNull() {
    AtomicInteger calls = new AtomicInteger();
    session.functions().register(RowFunctions.ofLong("count_calls", x -> {
      calls.incrementAndGet();
      return x * 10;
    }));
    session.functions().register(RowFunctions.ofDouble("halve", x -> x / 2));
    assertThat(rows("SELECT s, count_calls(x), halve(x) FROM t ORDER BY s")).containsExactly(
        List.of("a", 10L, 0.5), List.of("b", 20L, 1.0), Arrays.asList("c", null, null));
    assertThat(calls.get()).isEqualTo(2);
  }
}
