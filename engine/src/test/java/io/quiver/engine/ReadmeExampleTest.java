package io.quiver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The embedding example of the root README.md, as a test: keep the two in step. */
class ReadmeExampleTest {

  @Test
  void embeddingExampleRuns() {
    List<String> printed = new ArrayList<>();
    QuiverSession session = QuiverSession.builder().memoryLimit(1L << 30).build();
    try (session) {
      try (BufferAllocator input =
               session.allocator().newChildAllocator("input", 0, Long.MAX_VALUE);
           BigIntVector customer = new BigIntVector("customer_id", input);
           Float8Vector amount = new Float8Vector("amount", input)) {
        customer.allocateNew(3);
        amount.allocateNew(3);
        customer.set(0, 1);
        amount.set(0, 10.0);
        customer.set(1, 2);
        amount.set(1, 5.5);
        customer.set(2, 1);
        amount.set(2, 2.5);
        try (VectorSchemaRoot batch = VectorSchemaRoot.of(customer, amount)) {
          batch.setRowCount(3);
          session.registerTable("orders", List.of(batch));
        }
      }

      try (QueryResult result = session.sql("SELECT customer_id, SUM(amount) AS total"
          + " FROM orders GROUP BY customer_id ORDER BY 1")) {
        VectorSchemaRoot rows = result.getVectorSchemaRoot();
        while (result.loadNextBatch()) {
          BigIntVector ids = (BigIntVector) rows.getVector("customer_id");
          Float8Vector totals = (Float8Vector) rows.getVector("total");
          for (int i = 0; i < rows.getRowCount(); i++) {
            printed.add(ids.get(i) + " -> " + totals.get(i));
          }
        }
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }

      printed.add(session.sql("SELECT COUNT(*) AS n FROM orders").toTable());
      assertThat(session.tableAllocator().getAllocatedMemory()).isPositive();
    }
    assertThat(session.allocator().getAllocatedMemory()).isZero();
    assertThat(printed).containsExactly("1 -> 12.5", "2 -> 5.5", """
        +---+
        | n |
        +---+
        | 3 |
        +---+
        (1 row)
        """);
  }
}
