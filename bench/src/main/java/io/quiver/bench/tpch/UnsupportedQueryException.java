package io.quiver.bench.tpch;

/** The engine cannot run a query in this setting (for example, it reads no Parquet): skipped. */
public final class UnsupportedQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsupportedQueryException(String reason) {
    super(reason);
  }
}
