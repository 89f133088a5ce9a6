package io.quiver.engine.format;

import io.quiver.engine.QueryResult;

/** Renders a {@link QueryResult} as text. Placeholder API, filled in by the CLI work. */
public final class ResultWriter {
  private ResultWriter() {}

  /** Reads every remaining batch of {@code result} and appends it to {@code out}. */
  public static void write(QueryResult result, ResultFormat format, StringBuilder out) {
    throw new UnsupportedOperationException("result rendering is being written");
  }
}
