package io.quiver.engine.source;

import io.quiver.engine.catalog.QuiverTable;
import java.util.List;

/**
 * A function callable in FROM that yields a table, for example {@code read_csv('x.csv')}. Its
 * arguments must be constants: the schema is needed at plan time. This is the seam that the
 * file sources and user table functions plug into.
 */
public interface TableFunction {

  /** The SQL name, matched case-insensitively. */
  String name();

  /** A signature for error messages and listings, for example {@code read_csv(path VARCHAR)}. */
  String signature();

  /** Minimum and maximum number of arguments. */
  int minArguments();

  int maxArguments();

  /**
   * Opens the table for constant {@code arguments} (String, Long, BigDecimal, Boolean or null).
   * Called at plan time, so the table's schema is known before execution; it is closed by the
   * planner when the statement's result is closed.
   */
  QuiverTable open(List<Object> arguments);
}
