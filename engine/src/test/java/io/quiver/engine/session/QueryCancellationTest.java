package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Interrupting the thread that runs a query cancels it: an EXECUTION error, with its memory
 * released, also when an operator works a long time without producing a batch.
 */
class QueryCancellationTest extends SessionTestBase {
  private static final int ROWS = 60_000;

  /** Batches of all the table's rows: one probe batch is billions of pairs. */
  @Override
  protected io.quiver.engine.QuiverSession newSession() {
    return io.quiver.engine.QuiverSession.builder().batchSize(ROWS).build();
  }

  @Test
  void aJoinWhoseConditionRejectsEveryPairStopsWhenInterrupted() throws Exception {
    Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true))));
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      VectorSchemaRoot batch = VectorSchemaRoot.create(schema, session.allocator());
      batches.add(batch);
      BigIntVector n = (BigIntVector) batch.getVector(0);
      n.allocateNew(ROWS);
      for (int i = 0; i < ROWS; i++) {
        n.set(i, i);
      }
      batch.setRowCount(ROWS);
      session.registerTable("numbers", batches);
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
    // 60,000 x 60,000 pairs in one probe batch, none passing: minutes of work that emit no
    // batch and read no other (so only the join's own check can stop it in time)
    CompletableFuture<Thread> runner = new CompletableFuture<>();
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
      runner.complete(Thread.currentThread());
      try (QueryResult result = session.sql(
          "SELECT count(*) FROM numbers a, numbers b WHERE a.n + b.n < 0")) {
        result.toRows();
        return null;
      } catch (Throwable e) {
        return e;
      }
    });
    Thread thread = runner.get(10, TimeUnit.SECONDS);
    // interrupt once the join is at work (its build side read, probing), not before
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!probing(thread)) {
      assertThat(System.nanoTime()).as("the join starts probing").isLessThan(deadline);
      Thread.onSpinWait();
    }
    thread.interrupt();
    Throwable failure;
    try {
      failure = outcome.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertThat(failure).isInstanceOf(QuiverException.class);
    assertThat(((QuiverException) failure).kind()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(failure.getMessage()).contains("query cancelled");
    assertOnlyTablesHoldMemory("after the cancelled query");
  }

  private static boolean probing(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().endsWith("HashJoinOperator")
          && frame.getMethodName().equals("step")) {
        return true;
      }
    }
    return false;
  }
}
