package io.quiver.bench.tpch;

import java.time.Duration;

/** A query run exceeded the benchmark's time limit. */
public final class QueryTimeoutException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueryTimeoutException(String engine, Duration timeout) {
    super(engine + " did not finish within " + timeout.toMillis() + " ms");
  }
}
