package io.quiver.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.kernel.JavaKernels;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of operator tests: a root allocator, an execution context with batch size 3 (so data
 * crosses batch boundaries), input tables that are closed after the test, and a leak check:
 * after the context is closed the root allocator must hold no memory.
 */
public abstract class OperatorTestBase {
  protected static final int BATCH_SIZE = 3;

  protected RootAllocator allocator;
  protected ExecutionContext context;
  private final List<VectorSchemaRoot> tables = new ArrayList<>();

  @BeforeEach
  void openContext() {
    allocator = new RootAllocator();
    context = new ExecutionContext(allocator.newChildAllocator("query", 0, Long.MAX_VALUE),
        BATCH_SIZE, JavaKernels.INSTANCE);
  }

  @AfterEach
  void closeAndCheckForLeaks() {
    tables.forEach(VectorSchemaRoot::close);
    context.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** A batch owned by the test (closed after it). */
  protected VectorSchemaRoot table(Schema schema, Object[]... rows) {
    VectorSchemaRoot batch = TestBatches.batch(allocator, schema, rows);
    tables.add(batch);
    return batch;
  }

  /** A scan returning the given batches, each cut into batches of at most 3 rows. */
  protected Operator scan(Schema schema, VectorSchemaRoot... batches) {
    return TestBatches.scan(context, schema, List.of(batches));
  }

  /** Reads an operator to the end, checking batch sizes and schemas, then closes it. */
  protected List<List<Object>> run(Operator operator) {
    try (operator) {
      List<List<Object>> rows = new ArrayList<>();
      VectorSchemaRoot batch;
      while ((batch = operator.next()) != null) {
        assertThat(batch.getSchema()).isEqualTo(operator.schema());
        assertThat(batch.getRowCount()).isLessThanOrEqualTo(BATCH_SIZE);
        rows.addAll(TestBatches.rows(batch));
      }
      assertThat(operator.next()).as("next() after the end").isNull();
      return rows;
    }
  }
}
