package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.list;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class LimitOperatorTest extends OperatorTestBase {
  private static final Schema SCHEMA =
      TestBatches.schema(field("k", AllTypes.INT), field("b", AllTypes.BOOLEAN));

  private Operator input() {
    return scan(SCHEMA,
        table(SCHEMA, row(1, true), row(null, false), row(3, null), row(4, true)),
        table(SCHEMA),
        table(SCHEMA, row(5, false), row(6, null), row(null, true), row(8, true)));
  }

  @Test
  void skipsTheOffsetAndStopsAtTheLimitAcrossBatches() {
    assertThat(run(new LimitOperator(context, input(), 2, 4))).containsExactly(list(3, null),
        list(4, true), list(5, false), list(6, null));
  }

  @Test
  void noLimitReturnsEverythingAfterTheOffset() {
    assertThat(run(new LimitOperator(context, input(), 5, -1))).containsExactly(list(6, null),
        list(null, true), list(8, true));
    assertThat(run(new LimitOperator(context, input(), 0, -1))).hasSize(8);
  }

  @Test
  void zeroFetchAndLargeOffsetGiveNothing() {
    assertThat(run(new LimitOperator(context, input(), 0, 0))).isEmpty();
    assertThat(run(new LimitOperator(context, input(), 100, 3))).isEmpty();
  }

  @Test
  void stopsPullingItsInputAtTheLimit() {
    CountingOperator counting = new CountingOperator(input());
    assertThat(run(new LimitOperator(context, counting, 0, 3))).hasSize(3);
    assertThat(counting.batches).isEqualTo(1);
  }

  @Test
  void emptyInput() {
    assertThat(run(new LimitOperator(context, scan(SCHEMA, table(SCHEMA)), 0, 2))).isEmpty();
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    Operator limit = new LimitOperator(context, input(), 1, 5);
    assertThat(limit.next().getRowCount()).isEqualTo(2);
    limit.close();
  }

  /** Passes batches through, counting them. */
  private final class CountingOperator extends AbstractOperator {
    private final Operator input;
    int batches;

    CountingOperator(Operator input) {
      super("Counting", LimitOperatorTest.this.context, input.schema(), List.of(input));
      this.input = input;
    }

    @Override
    protected VectorSchemaRoot doNext() {
      VectorSchemaRoot batch = input.next();
      if (batch != null) {
        batches++;
      }
      return batch;
    }

    @Override
    public String describe() {
      return "Counting";
    }
  }
}
