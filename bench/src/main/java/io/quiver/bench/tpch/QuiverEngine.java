package io.quiver.bench.tpch;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * Quiver under measurement: one session holding the TPC-H tables in memory (or views over the
 * Parquet files with {@code --format parquet}), queries run on a worker thread. When a query runs past its time limit the worker is interrupted; if it does not
 * stop within a grace period (Quiver has no cancellation yet), the thread is stopped by force
 * ({@link QueryWorker#forceStop()}) so that it does not steal the CPU from the next queries.
 * Either way the session is retired (closed by its worker once the query has ended) and a fresh
 * one is loaded before the next query, outside any measured time.
 */
final class QuiverEngine implements BenchmarkEngine {
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final int batchSize;
  private TpchDataSource data;
  private QuiverSession session;
  private QueryWorker worker;
  private long peakArrowBytes;
  private long tableBytes;
  private int retiredSessions;
  private int forcedStops;
  private long leakedBytes;

  QuiverEngine(int batchSize) {
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return BenchmarkOptions.QUIVER;
  }

  @Override
  public void load(TpchDataSource data) throws Exception {
    this.data = data;
    openSession();
  }

  @Override
  public String sql(BenchmarkQuery query) {
    return switch (query.kind()) {
      case TPCH -> query.tpch().sql();
      case SCAN_PARQUET -> BenchmarkQuery.scanSql("read_parquet(" + TpchFileCache.literal(
          data.requireFiles(query.name()).parquet("lineitem")) + ")");
      case SCAN_CSV -> BenchmarkQuery.scanSql("read_csv(" + TpchFileCache.literal(
          data.requireFiles(query.name()).csv("lineitem")) + ")");
    };
  }

  private void openSession() throws Exception {
    QuiverSession fresh = QuiverSession.builder().batchSize(batchSize).build();
    try {
      if (data.format() == BenchmarkOptions.Format.PARQUET) {
        // Views over read_parquet: the files are read at every query.
        TpchFileCache files = data.requireFiles("--format parquet");
        for (String table : data.arrow().tableNames()) {
          fresh.registerFileTable(table, "parquet",
              files.parquet(table).toAbsolutePath().toString(), null);
        }
      } else {
        // Read with a child of the session's root: tables share the buffers they are given.
        try (BufferAllocator loading = fresh.allocator().newChildAllocator("tpch-load", 0,
            Long.MAX_VALUE)) {
          for (String table : data.arrow().tableNames()) {
            try (ArrowFileReader reader = data.arrow().open(table, loading)) {
              fresh.registerTable(table, reader);
            }
          }
        }
      }
    } catch (Exception | Error e) {
      fresh.close();
      throw e;
    }
    session = fresh;
    tableBytes = fresh.tableAllocator().getAllocatedMemory();
    worker = new QueryWorker("quiver-query");
  }

  @Override
  public List<List<Object>> run(String sql, Duration timeout) throws Exception {
    if (session == null) {
      openSession();
    }
    QuiverSession current = session;
    try {
      return worker.call(() -> {
        try (QueryResult result = current.sql(sql)) {
          return result.toRows();
        }
      }, timeout);
    } catch (QueryWorker.TimedOut timedOut) {
      timedOut.interrupt();
      if (!timedOut.awaitEnd(GRACE) && worker.forceStop()) {
        forcedStops++;
        timedOut.awaitEnd(STOP_GRACE);
      }
      // A query stopped by force leaves the session in an unknown state: start afresh too.
      retireSession();
      openSession();
      throw new QueryTimeoutException(name(), timeout);
    } finally {
      if (session == current) {
        notePeak();
        long leaked = current.allocator().getAllocatedMemory()
            - current.tableAllocator().getAllocatedMemory();
        leakedBytes = Math.max(leakedBytes, leaked);
      }
    }
  }

  /**
   * Retires the current session: the worker closes it once the query it may still be running
   * ends (at once when it has ended), and the worker thread then ends.
   */
  private void retireSession() {
    notePeak();
    QuiverSession retired = session;
    worker.submit(() -> {
      try {
        retired.close();
      } catch (RuntimeException e) {
        // Memory a stopped query never released: the session is gone either way.
      }
    });
    worker.shutdown();
    session = null;
    worker = null;
    retiredSessions++;
  }

  private void notePeak() {
    peakArrowBytes = Math.max(peakArrowBytes, session.allocator().getPeakMemoryAllocation());
  }

  /** Peak Arrow memory of the session's root allocator (tables included), over all sessions. */
  long peakArrowBytes() {
    if (session != null) {
      notePeak();
    }
    return peakArrowBytes;
  }

  /** Arrow memory the in-memory tables hold. */
  long tableBytes() {
    return tableBytes;
  }

  /** Sessions replaced because a query ran past its time limit. */
  int retiredSessions() {
    return retiredSessions;
  }

  /** Queries stopped by force because they ignored interruption. */
  int forcedStops() {
    return forcedStops;
  }

  /** The most memory a finished query left allocated besides the tables (0 when none leaked). */
  long leakedBytes() {
    return leakedBytes;
  }

  @Override
  public String describe() {
    return String.format("one thread, batch size %d, in-memory tables %s, peak Arrow memory %s, sessions replaced after a timeout %d%s",
        batchSize, Bytes.format(tableBytes), Bytes.format(peakArrowBytes()), retiredSessions,
        leakedBytes > 0 ? ", LEAK: a query left " + Bytes.format(leakedBytes) + " allocated" : "");
  }

  @Override
  public void close() {
    if (session != null) {
      notePeak();
      worker.close();
      session.close();
      session = null;
    }
  }
}
