package io.quiver.engine.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class ValuesOperatorTest extends OperatorTestBase {

  @Test
  void writesEveryTypeAndNullInBatches() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(Arrays.asList(AllTypes.row(i)));
    }
    assertThat(run(new ValuesOperator(context, AllTypes.SCHEMA, rows))).isEqualTo(rows);
  }

  @Test
  void convertsNumbersAndIntervalsToTheColumnTypes() {
    Schema schema = TestBatches.schema(TestBatches.field("l", AllTypes.BIGINT),
        TestBatches.field("d", AllTypes.DOUBLE), TestBatches.field("dec", AllTypes.DECIMAL),
        TestBatches.field("ivy", AllTypes.YEAR_MONTH),
        TestBatches.field("ivd", AllTypes.DAY_TIME), TestBatches.field("t", AllTypes.TINYINT));
    List<List<Object>> rows = List.of(
        Arrays.asList(7, new BigDecimal("2.5"), 3L, 14, Duration.ofHours(49), (short) 5),
        Arrays.asList(new BigDecimal("8"), 1.5f, new BigDecimal("1.5"), Period.ofYears(1),
            Duration.ofMillis(-1500), null));
    assertThat(run(new ValuesOperator(context, schema, rows))).containsExactly(
        TestBatches.list(7L, 2.5, new BigDecimal("3.00"), Period.ofYears(1).plusMonths(2),
            Duration.ofHours(49), (byte) 5),
        TestBatches.list(8L, 1.5, new BigDecimal("1.50"), Period.ofYears(1),
            Duration.ofMillis(-1500), null));
  }

  @Test
  void aValueThatDoesNotFitIsADataError() {
    Schema schema = TestBatches.schema(TestBatches.field("t", AllTypes.TINYINT));
    Operator values = new ValuesOperator(context, schema, List.of(List.of(1000)));
    assertThatThrownBy(() -> run(values)).isInstanceOf(QuiverException.class)
        .satisfies(e -> assertThat(((QuiverException) e).kind()).isEqualTo(ErrorKind.DATA))
        .satisfies(e -> assertThat(((QuiverException) e).context()).anySatisfy(
            c -> assertThat(c).contains("VALUES row 1, column t")));
  }

  @Test
  void noRowsAndNoColumns() {
    assertThat(run(new ValuesOperator(context, AllTypes.SCHEMA, List.of()))).isEmpty();
    assertThat(run(new ValuesOperator(context, new Schema(List.of()),
        List.of(List.of(), List.of())))).containsExactly(List.of(), List.of());
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(Arrays.asList(AllTypes.row(i)));
    }
    Operator values = new ValuesOperator(context, AllTypes.SCHEMA, rows);
    assertThat(values.next().getRowCount()).isEqualTo(3);
    values.close();
  }
}
