package io.quiver.engine.exec.operator;

import static io.quiver.engine.exec.TestBatches.field;
import static io.quiver.engine.exec.TestBatches.list;
import static io.quiver.engine.exec.TestBatches.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.OperatorTestBase;
import io.quiver.engine.exec.TestBatches;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class UnionAllOperatorTest extends OperatorTestBase {
  private static final Schema LEFT =
      TestBatches.schema(field("a", AllTypes.INT), field("b", AllTypes.VARCHAR));
  private static final Schema RIGHT =
      TestBatches.schema(field("x", AllTypes.INT), field("y", AllTypes.VARCHAR));
  private static final Schema OUTPUT =
      TestBatches.schema(field("out1", AllTypes.INT), field("out2", AllTypes.VARCHAR));

  private List<Operator> inputs() {
    return List.of(
        scan(LEFT, table(LEFT, row(1, "a"), row(null, "b"), row(3, null), row(4, "d"))),
        scan(RIGHT, table(RIGHT)),
        scan(OUTPUT, table(OUTPUT, row(10, "same schema"))),
        scan(RIGHT, table(RIGHT, row(5, "e"), row(6, null))));
  }

  @Test
  void concatenatesInputsUnderTheOutputFieldNames() {
    assertThat(run(new UnionAllOperator(context, inputs(), OUTPUT))).containsExactly(
        list(1, "a"), list(null, "b"), list(3, null), list(4, "d"), list(10, "same schema"),
        list(5, "e"), list(6, null));
  }

  @Test
  void emptyInputs() {
    assertThat(run(new UnionAllOperator(context,
        List.of(scan(LEFT, table(LEFT)), scan(RIGHT, table(RIGHT))), OUTPUT))).isEmpty();
    assertThat(run(new UnionAllOperator(context, List.of(), OUTPUT))).isEmpty();
  }

  @Test
  void closingBeforeTheEndReleasesEverything() {
    Operator union = new UnionAllOperator(context, inputs(), OUTPUT);
    assertThat(union.next().getRowCount()).isEqualTo(3);
    union.close();
  }
}
