package io.quiver.bench.tpch;

import java.time.Duration;
import java.util.List;

/** One engine under measurement: loads the cached TPC-H data, runs queries with a time limit. */
public interface BenchmarkEngine extends AutoCloseable {
  /** {@code quiver} or {@code duckdb}. */
  String name();

  /** Loads every table of {@code cache} into the engine's memory. */
  void load(TpchDataCache cache) throws Exception;

  /**
   * Runs {@code sql} to its last row and returns the rows as Java values.
   *
   * @throws QueryTimeoutException when the run takes longer than {@code timeout}; the engine
   *     is usable again afterwards (it may have had to start over)
   */
  List<List<Object>> run(String sql, Duration timeout) throws Exception;

  /** Engine-specific facts for the report (memory, settings); may be empty. */
  String describe();

  @Override
  void close() throws Exception;
}
