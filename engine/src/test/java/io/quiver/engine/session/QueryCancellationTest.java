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

  @Test
  void aJoinWhoseConditionRejectsEveryPairStopsWhenInterrupted() throws Exception {
    Schema schema = new Schema(List.of(Field.nullable("n", new ArrowType.Int(64, true))));
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      for (int b = 0; b < 4; b++) {
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, session.allocator());
        batches.add(batch);
        BigIntVector n = (BigIntVector) batch.getVector(0);
        n.allocateNew(5000);
        for (int i = 0; i < 5000; i++) {
          n.set(i, b * 5000L + i);
        }
        batch.setRowCount(5000);
      }
      session.registerTable("numbers", batches);
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
    // 20,000 x 20,000 pairs, none passing: minutes of work that emit no batch
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
    Thread.sleep(300);
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
}
