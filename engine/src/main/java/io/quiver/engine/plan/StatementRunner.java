package io.quiver.engine.plan;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.QueryResult;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;

/** Runs one statement of a session. Being written: planning is added next. */
public final class StatementRunner {
  private final QuiverSession session;

  public StatementRunner(QuiverSession session) {
    this.session = session;
  }

  /** Runs {@code text}, which starts on 0-based line {@code firstLine} of its script. */
  public QueryResult run(String text, int firstLine) {
    throw new QuiverException(ErrorKind.UNSUPPORTED, "planning is being written: " + text);
  }
}
