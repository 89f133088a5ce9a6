package io.quiver.engine.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.Types;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** User table functions: schema at plan time from constant arguments and options, failures. */
class TableFunctionTest extends SessionTestBase {

  /** How the test source misbehaves. */
  enum Fault { NONE, OPEN, SECOND_BATCH, WRONG_TYPE }

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(4).build();
  }

  /**
   * {@code numbers(n [, options])}: the numbers 1..n in one column, named by the option
   * {"column": "..."} (default "n").
   */
  private static TableFunction numbers(String name, Fault fault) {
    return new TableFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Signature signature() {
        return Signature.of(ReturnType.TABLE, ArgumentType.exact(Types.BIGINT));
      }

      @Override
      public TableSource open(TableArguments arguments) {
        if (fault == Fault.OPEN) {
          throw new IllegalArgumentException("cannot open");
        }
        long count = (Long) arguments.values().get(0);
        String options = arguments.options();
        String column = options == null ? "n"
            : options.replaceAll(".*\"column\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Schema schema = new Schema(List.of(new Field(column,
            FieldType.notNullable(Types.BIGINT), null)));
        return new NumbersSource(schema, count, fault);
      }
    };
  }

  private record NumbersSource(Schema schema, long count, Fault fault) implements TableSource {
    @Override
    public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
      return new TableScan() {
        private long next = 1;
        private int batches;

        @Override
        public VectorSchemaRoot next() {
          if (next > count) {
            return null;
          }
          if (++batches == 2 && fault == Fault.SECOND_BATCH) {
            throw new IllegalStateException("disk on fire");
          }
          int rows = (int) Math.min(batchSize, count - next + 1);
          FieldVector vector;
          if (fault == Fault.WRONG_TYPE) {
            VarCharVector text = new VarCharVector("n", allocator);
            text.allocateNew(rows);
            text.setValueCount(rows);
            vector = text;
          } else {
            BigIntVector numbers = new BigIntVector("n", allocator);
            numbers.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
              numbers.set(i, next + i);
            }
            numbers.setValueCount(rows);
            vector = numbers;
          }
          next += rows;
          return new VectorSchemaRoot(List.of(vector));
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void schemaComesFromConstantArgumentsAndTheOptionsJson() {
    session.functions().register(numbers("numbers", Fault.NONE));
    assertThat(rows("SELECT SUM(n), COUNT(*) FROM numbers(10)"))
        .containsExactly(List.of(55L, 10L));
    assertThat(rows("SELECT MAX(k) FROM numbers(7, '{\"column\": \"k\"}')"))
        .containsExactly(List.of(7L));
    session.sql("CREATE VIEW five AS SELECT n * 2 AS twice FROM numbers(5)").close();
    assertThat(rows("SELECT SUM(twice) FROM five")).containsExactly(List.of(30L));
  }

  @Test
  void argumentsMustBeConstants() {
    session.functions().register(numbers("numbers", Fault.NONE));
    session.sql("CREATE TABLE t AS SELECT * FROM (VALUES (3)) AS v(c)").close();
    QuiverException error = failure(
        "SELECT * FROM t, LATERAL TABLE(numbers(t.c))");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("must be a constant");
  }

  @Test
  void wrongArgumentTypesListTheSignature() {
    session.functions().register(numbers("numbers", Fault.NONE));
    QuiverException error = failure("SELECT * FROM numbers(true)");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("numbers(BIGINT) -> TABLE [session]");
  }

  @Test
  void failuresInOpenAndScanAreUserFunctionErrorsAndTheNextQueryWorks() {
    session.functions().register(numbers("bad_open", Fault.OPEN));
    session.functions().register(numbers("bad_scan", Fault.SECOND_BATCH));
    session.functions().register(numbers("bad_type", Fault.WRONG_TYPE));
    QuiverException open = failure("SELECT * FROM bad_open(3)");
    assertThat(open.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(open.getMessage()).contains("table function 'bad_open' (session)")
        .contains("cannot open");
    QuiverException scan = failure("SELECT SUM(n) FROM bad_scan(10)");
    assertThat(scan.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(scan.getMessage()).contains("'bad_scan'").contains("on batch 2")
        .contains("disk on fire");
    QuiverException type = failure("SELECT * FROM bad_type(3)");
    assertThat(type.kind()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(type.getMessage()).contains("has type Utf8, expected Int(64, true)");
    session.functions().register(numbers("numbers", Fault.NONE));
    assertThat(rows("SELECT COUNT(*) FROM numbers(9)")).containsExactly(List.of(9L));
  }

  /** numbers(n) that remembers the requests it was scanned with. */
  private static TableFunction recording(String name, List<ScanRequest> requests) {
    TableFunction numbers = numbers(name, Fault.NONE);
    return new TableFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Signature signature() {
        return numbers.signature();
      }

      @Override
      public TableSource open(TableArguments arguments) {
        TableSource inner = numbers.open(arguments);
        return new TableSource() {
          @Override
          public Schema schema() {
            return inner.schema();
          }

          @Override
          public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
            return inner.scan(projection, allocator, batchSize);
          }

          @Override
          public TableScan scan(ScanRequest request, BufferAllocator allocator) {
            requests.add(request);
            return inner.scan(request, allocator);
          }
        };
      }
    };
  }

  @Test
  void filtersAndLimitsReachTheSourceAsHintsAndAreStillApplied() {
    List<ScanRequest> requests = new java.util.ArrayList<>();
    session.functions().register(recording("numbers", requests));
    assertThat(rows("SELECT n FROM numbers(20) WHERE n > 15 AND n <> 18 AND n IN (16, 18, 19)"
        + " AND n IS NOT NULL ORDER BY n")).containsExactly(List.of(16L), List.of(19L));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).limit()).isEqualTo(-1);
    // Calcite folds the conjuncts into one search: n IN (16, 19).
    assertThat(requests.get(0).predicates()).singleElement().satisfies(predicate -> {
      assertThat(predicate.column()).isZero();
      assertThat(predicate.operator()).isEqualTo(ColumnPredicate.Operator.IN);
      assertThat(predicate.values()).containsExactly(16L, 19L);
    });
    requests.clear();
    assertThat(rows("SELECT COUNT(*) FROM numbers(20) WHERE 17 <= n")).containsExactly(
        List.of(4L));
    assertThat(requests.get(0).predicates()).singleElement().satisfies(predicate -> {
      assertThat(predicate.operator()).isEqualTo(ColumnPredicate.Operator.GREATER_THAN_OR_EQUAL);
      assertThat(predicate.value()).isEqualTo(17L);
    });
    requests.clear();
    assertThat(rows("SELECT n FROM numbers(20) LIMIT 3 OFFSET 2")).hasSize(3);
    assertThat(requests.get(0).limit()).isEqualTo(5);
    assertThat(requests.get(0).predicates()).isEmpty();
    requests.clear();
    assertThat(rows("SELECT n FROM numbers(20) WHERE n > 4 LIMIT 3"))
        .containsExactly(List.of(5L), List.of(6L), List.of(7L));
    assertThat(requests.get(0).limit()).as("a filter between scan and LIMIT").isEqualTo(-1);
  }
}
