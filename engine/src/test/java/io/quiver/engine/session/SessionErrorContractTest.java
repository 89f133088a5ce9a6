package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The error contract at the session boundary: each bad input gives a QuiverException of the
 * right kind with a useful message, no memory stays held, and the next statement works.
 */
class SessionErrorContractTest {
  private QuiverSession session;

  @BeforeEach
  void open() {
    session = QuiverSession.builder().memoryLimit(64L << 20).batchSize(1024).build();
    try (QueryResult created = session.sql(
        "CREATE TABLE numbers AS SELECT * FROM (VALUES (1, 'one'), (2, 'two'), (3, NULL))"
            + " AS t(n, name)")) {
      assertThat(created.returnsRows()).isFalse();
    }
  }

  @AfterEach
  void close() {
    assertThat(session.allocator().getAllocatedMemory())
        .as("only tables hold memory after every result is closed")
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
    session.close();
    assertThat(session.allocator().getAllocatedMemory()).isZero();
  }

  private QuiverException failure(String sql) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
      try (QueryResult result = session.sql(sql)) {
        result.toRows();
      }
    });
    assertThat(thrown).as(sql).isInstanceOf(QuiverException.class);
    return (QuiverException) thrown;
  }

  private void stillWorks() {
    try (QueryResult result = session.sql("SELECT SUM(n) AS total FROM numbers")) {
      assertThat(result.toRows()).containsExactly(List.of(6L));
    }
  }

  @Test
  void malformedSqlIsAParseErrorWithItsPosition() {
    QuiverException error = failure("SELECT n FROM numbers WHERE");
    assertThat(error.kind()).isEqualTo(ErrorKind.PARSE);
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.column()).isGreaterThan(20);
    stillWorks();
  }

  @Test
  void unknownNamesArePlanErrorsNamingThem() {
    assertThat(failure("SELECT * FROM nowhere").getMessage()).contains("nowhere");
    assertThat(failure("SELECT nope FROM numbers").kind()).isEqualTo(ErrorKind.PLAN);
    QuiverException function = failure("SELECT no_such_function(n) FROM numbers");
    assertThat(function.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(function.getMessage()).containsIgnoringCase("no_such_function");
    stillWorks();
  }

  @Test
  void typeMismatchIsATypeOrPlanError() {
    assertThat(failure("SELECT DATE '2024-01-01' + DATE '2024-01-02'").kind())
        .isIn(ErrorKind.TYPE, ErrorKind.PLAN);
    stillWorks();
  }

  @Test
  void badCastIsADataErrorQuotingTheValue() {
    QuiverException error = failure("SELECT CAST(name AS INTEGER) FROM numbers");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("'one'");
    stillWorks();
  }

  @Test
  void overflowAndDivisionByZeroAreExecutionErrors() {
    QuiverException overflow = failure("SELECT CAST(n AS INTEGER) + 2147483647 FROM numbers");
    assertThat(overflow.kind()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(overflow.getMessage()).contains("integer out of range");
    QuiverException zero = failure("SELECT n / (n - n) FROM numbers");
    assertThat(zero.kind()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(zero.getMessage()).contains("division by zero");
    stillWorks();
  }

  @Test
  void memoryLimitIsAResourceErrorNamingTheOperator() {
    try (QuiverSession small = QuiverSession.builder().memoryLimit(512L << 10).build()) {
      try (QueryResult created = small.sql("CREATE TABLE t AS SELECT 1 AS x")) {
        assertThat(created.message()).contains("Created table t");
      }
      // a cross-join fan-out (250,000 rows) whose sort cannot fit in 512 KiB
      String query = "SELECT a.x + b.x + c.x AS y FROM "
          + "(SELECT 1 AS x FROM (VALUES 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
          + "21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,"
          + "48,49,50) v(i)) a, (VALUES 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,"
          + "22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,"
          + "49,50) b(x), (VALUES 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,"
          + "24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,"
          + "51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,"
          + "78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100) c(x)"
          + " ORDER BY y";
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
        try (QueryResult result = small.sql(query)) {
          result.toRows();
        }
      });
      assertThat(thrown).isInstanceOf(QuiverException.class);
      QuiverException error = (QuiverException) thrown;
      assertThat(error.kind()).isEqualTo(ErrorKind.RESOURCE);
      assertThat(error.getMessage()).contains("memory limit exceeded in operator");
      assertThat(small.allocator().getAllocatedMemory())
          .isEqualTo(small.tableAllocator().getAllocatedMemory());
      try (QueryResult after = small.sql("SELECT COUNT(*) FROM t")) {
        assertThat(after.toRows()).containsExactly(List.of(1L));
      }
    }
    stillWorks();
  }

  @Test
  void closingAResultHalfWayReleasesEverything() throws Exception {
    try (QueryResult result = session.sql(
        "SELECT a.n * b.n AS product FROM numbers a, numbers b, numbers c, numbers d")) {
      VectorSchemaRoot batch = result.getVectorSchemaRoot();
      assertThat(result.loadNextBatch()).isTrue();
      assertThat(batch.getRowCount()).isPositive();
      assertThat(batch.getVector(0)).isInstanceOf(IntVector.class);
    }
    stillWorks();
  }

  @Test
  void scriptsStopAtTheFirstErrorAndKeepEarlierEffects() {
    assertThatThrownBy(() -> session.execute(
        "CREATE VIEW v AS SELECT n FROM numbers; SELECT * FROM missing; CREATE VIEW w AS SELECT 1",
        result -> { }))
        .isInstanceOf(QuiverException.class)
        .extracting(e -> ((QuiverException) e).kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(session.tableNames()).contains("v").doesNotContain("w");
    stillWorks();
  }
}
