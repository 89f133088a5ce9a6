package io.quiver.bench.tpch;

/** How an engine fared on one query. */
public enum RunStatus {
  /** Every run finished and the results matched the reference (DuckDB's), when it ran. */
  OK,
  /** The result differed from the reference; no time is reported. */
  WRONG,
  /** A run exceeded the time limit; no time is reported. */
  TIMEOUT,
  /** A run failed with an error; no time is reported. */
  ERROR,
  /** Not run, for a recorded reason (the engine cannot read the format, or is limited in scale). */
  SKIPPED
}
