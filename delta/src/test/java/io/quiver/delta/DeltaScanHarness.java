package io.quiver.delta;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Opens {@code delta_scan} sources and runs their scans directly, as the engine would with a
 * {@link ScanRequest}, to see what the SQL path cannot show: how many data files a scan opened.
 * Each scan allocates in a child allocator of the session's that is closed (and so checked
 * empty) when the scan ends.
 */
final class DeltaScanHarness {
  /** What a drained scan returned: its rows and the data files it opened. */
  record Scanned(long rows, int filesOpened) {}

  private final QuiverSession session;
  private final int batchSize;

  DeltaScanHarness(QuiverSession session, int batchSize) {
    this.session = session;
    this.batchSize = batchSize;
  }

  /** {@code delta_scan(uri, options)}'s source. */
  DeltaTableSource open(String uri, String options) {
    TableArguments arguments = new TableArguments() {
      @Override
      public List<Object> values() {
        return Arrays.asList((Object) uri);
      }

      @Override
      public String options() {
        return options;
      }
    };
    return (DeltaTableSource) new DeltaScanFunction(session::allocator, batchSize)
        .open(arguments);
  }

  /** Every column of {@code table}, with {@code predicates} and {@code limit} (-1: none). */
  Scanned scan(Path table, String options, List<ColumnPredicate> predicates, long limit) {
    DeltaTableSource source = open(table.toString(), options);
    int[] all = IntStream.range(0, source.schema().getFields().size()).toArray();
    try (BufferAllocator allocator = session.allocator().newChildAllocator("test scan", 0,
            Long.MAX_VALUE);
        TableScan scan = source.scan(new ScanRequest(all, predicates, limit, batchSize),
            allocator)) {
      long rows = 0;
      for (VectorSchemaRoot batch = scan.next(); batch != null; batch = scan.next()) {
        rows += batch.getRowCount();
        batch.close();
      }
      return new Scanned(rows, ((DeltaTableScan) scan).filesOpened());
    }
  }
}
