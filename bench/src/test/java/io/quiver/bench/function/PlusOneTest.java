package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlusOneTest {
  private QuiverSession session;

  @BeforeEach
  void openSession() {
    session = QuiverSession.open();
    session.functions().register(new PlusOne("plus_one", PlusOne.Access.ADDRESS));
    session.functions().register(new PlusOne("plus_one_checked", PlusOne.Access.CHECKED));
  }

  @AfterEach
  void closeSession() {
    assertThat(session.allocator().getAllocatedMemory()).isZero();
    session.close();
  }

  @Test
  void addsOneAndKeepsNulls() {
    String values = "(VALUES (CAST(-5 AS BIGINT)), (NULL), (41))";

    List<List<Object>> rows = session.sql(
        "SELECT plus_one(v), plus_one_checked(v) FROM " + values + " AS t(v)").toRows();

    assertThat(rows).containsExactly(List.of(-4L, -4L), Arrays.asList(null, null),
        List.of(42L, 42L));
  }

  @Test
  void overflowIsAnErrorOfTheFunction() {
    for (String function : List.of("plus_one", "plus_one_checked")) {
      assertThatThrownBy(() -> session.sql("SELECT " + function + "(v) FROM (VALUES"
          + " (CAST(9223372036854775807 AS BIGINT)), (CAST(1 AS BIGINT))) AS t(v)").toRows())
          .isInstanceOf(QuiverException.class)
          .satisfies(e -> assertThat(((QuiverException) e).kind())
              .isEqualTo(ErrorKind.USER_FUNCTION))
          .hasMessageContaining(function);
    }
  }
}
