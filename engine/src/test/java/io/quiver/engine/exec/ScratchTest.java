package io.quiver.engine.exec;

import io.quiver.engine.exec.operator.SortOperator;
import io.quiver.engine.exec.operator.TopNOperator;
import io.quiver.engine.exec.operator.WindowOperator;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.engine.exec.window.FrameBound;
import io.quiver.engine.exec.window.WindowFrame;
import io.quiver.engine.exec.window.WindowFunction;
import io.quiver.engine.exec.window.WindowFunctionKind;
import io.quiver.engine.kernel.JavaKernels;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() {
    int n = 2_000_000;
    Schema schema = TestBatches.schema(TestBatches.field("k", AllTypes.BIGINT),
        TestBatches.field("i", AllTypes.INT), TestBatches.field("s", AllTypes.VARCHAR));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot table = VectorSchemaRoot.create(schema, allocator)) {
      Random random = new Random(1);
      BigIntVector k = (BigIntVector) table.getVector(0);
      IntVector i = (IntVector) table.getVector(1);
      VarCharVector s = (VarCharVector) table.getVector(2);
      k.allocateNew(n);
      i.allocateNew(n);
      s.allocateNew(n * 12L, n);
      for (int r = 0; r < n; r++) {
        k.set(r, random.nextLong());
        i.set(r, random.nextInt(1000));
        s.setSafe(r, ("str" + random.nextInt(1_000_000)).getBytes());
      }
      table.setRowCount(n);
      time(allocator, table, schema, "sort bigint",
          (c) -> new SortOperator(c, TestBatches.scan(c, schema, List.of(table)),
              List.of(SortKey.ascending(0))));
      time(allocator, table, schema, "sort int",
          (c) -> new SortOperator(c, TestBatches.scan(c, schema, List.of(table)),
              List.of(SortKey.ascending(1))));
      time(allocator, table, schema, "sort varchar",
          (c) -> new SortOperator(c, TestBatches.scan(c, schema, List.of(table)),
              List.of(SortKey.ascending(2))));
      time(allocator, table, schema, "topn 10 bigint",
          (c) -> new TopNOperator(c, TestBatches.scan(c, schema, List.of(table)),
              List.of(SortKey.ascending(0)), 0, 10));
      time(allocator, table, schema, "window sum/rank/sliding partition by i order by k",
          (c) -> new WindowOperator(c, TestBatches.scan(c, schema, List.of(table)), List.of(1),
              List.of(SortKey.ascending(0)), List.of(
                  new WindowFunction(WindowFunctionKind.SUM, 0, 0, -1,
                      WindowFrame.defaultFrame(true), TestBatches.field("a", AllTypes.BIGINT)),
                  new WindowFunction(WindowFunctionKind.RANK, -1, 0, -1,
                      WindowFrame.defaultFrame(true), TestBatches.field("b", AllTypes.BIGINT)),
                  new WindowFunction(WindowFunctionKind.MAX, 2, 0, -1,
                      new WindowFrame(true, FrameBound.preceding(5), FrameBound.CURRENT_ROW),
                      TestBatches.field("c", AllTypes.VARCHAR)))));
    }
  }

  private void time(RootAllocator allocator, VectorSchemaRoot table, Schema schema, String name,
      Function<ExecutionContext, Operator> factory) {
    for (int rep = 0; rep < 3; rep++) {
      long start = System.nanoTime();
      long rows = 0;
      try (ExecutionContext context = new ExecutionContext(
          allocator.newChildAllocator("q", 0, Long.MAX_VALUE), 4096, JavaKernels.INSTANCE);
          Operator op = factory.apply(context)) {
        VectorSchemaRoot b;
        while ((b = op.next()) != null) {
          rows += b.getRowCount();
        }
      }
      System.out.println(name + ": " + (System.nanoTime() - start) / 1_000_000 + " ms, rows " + rows);
    }
  }
}
