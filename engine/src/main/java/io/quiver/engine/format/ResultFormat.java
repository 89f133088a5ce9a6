package io.quiver.engine.format;

/** How the CLI and {@link io.quiver.engine.QueryResult} render rows as text. */
public enum ResultFormat {
  /** A boxed, aligned text table. */
  TABLE,
  /** RFC 4180 CSV with a header line. */
  CSV,
  /** One JSON object per row, as a JSON array. */
  JSON
}
