package io.quiver.bench.tpch;

/** How an engine fared on one query. */
public enum RunStatus {
  /** Every run finished; Quiver's results matched DuckDB's (when DuckDB ran). */
  OK,
  /** The result differed from DuckDB's; no time is reported. */
  WRONG,
  /** A run exceeded the time limit; no time is reported. */
  TIMEOUT,
  /** A run failed with an error; no time is reported. */
  ERROR
}
