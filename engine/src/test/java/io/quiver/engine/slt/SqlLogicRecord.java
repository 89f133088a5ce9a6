package io.quiver.engine.slt;

/**
 * One record of a SQL logic test file: a statement expected to succeed, a statement expected to
 * fail, or a query with its expected rows. {@link #line()} is the 1-based line of the record's
 * header in its file, so a failure can name {@code file:line}.
 */
public sealed interface SqlLogicRecord permits StatementRecord, ErrorRecord, QueryRecord {

  /** The 1-based line of the header ({@code statement ...} or {@code query ...}). */
  int line();

  /** The SQL text of the record (one statement, possibly over several lines). */
  String sql();

  /** The header as written, for test names. */
  String header();
}
