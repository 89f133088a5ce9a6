package io.quiver.bench.tpch;

import java.time.Duration;
import java.util.List;

/**
 * One engine under measurement: takes the TPC-H tables (in memory or as files), runs queries
 * with a time limit.
 */
public interface BenchmarkEngine extends AutoCloseable {
  /** {@code quiver}, {@code duckdb-t1}, {@code calcite}, {@code h2}. */
  String name();

  /** Makes the tables of {@code data} queryable, in memory or as views over files. */
  void load(TpchDataSource data) throws Exception;

  /**
   * The SQL this engine runs for {@code query}.
   *
   * @throws UnsupportedQueryException when the engine cannot run it here (for example, it reads
   *     no Parquet): the query is skipped with that reason
   */
  String sql(BenchmarkQuery query) throws UnsupportedQueryException;

  /**
   * Runs {@code sql} to its last row and returns the rows as Java values.
   *
   * @throws QueryTimeoutException when the run takes longer than {@code timeout}; the engine
   *     is usable again afterwards (it may have had to start over)
   */
  List<List<Object>> run(String sql, Duration timeout) throws Exception;

  /** Engine-specific facts for the report (version, memory, settings); may be empty. */
  String describe();

  @Override
  void close() throws Exception;
}
