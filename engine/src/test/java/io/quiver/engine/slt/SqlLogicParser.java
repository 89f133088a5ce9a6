package io.quiver.engine.slt;

import io.quiver.udf.error.ErrorKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the SQL logic test format (in the style of sqllogictest and DuckDB's {@code .test}
 * files).
 *
 * <pre>
 * # a comment (only between records)
 * statement ok
 * CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL)) AS v(x, y)
 *
 * statement error PLAN unknown column
 * SELECT nope FROM t
 *
 * query IT rowsort
 * SELECT x, y FROM t
 * ----
 * 1	a
 * 2	NULL
 * </pre>
 *
 * <p>Records are separated by blank lines. A record is a header line, one or more lines of SQL
 * and, for a query, a {@code ----} line followed by the expected rows: cells separated by one
 * tab each, {@code NULL} for null, {@code (empty)} for the empty string. {@code query error} is
 * the same as {@code statement error}. {@code KIND} is an {@link ErrorKind} name, or several
 * joined with {@code |} when more than one is acceptable. Anything else is a format error that
 * names the file and line.
 */
public final class SqlLogicParser {
  /** The line between a query's SQL and its expected rows. */
  public static final String RESULT_MARKER = "----";
  /** How a null cell is written. */
  public static final String NULL_TEXT = "NULL";
  /** How an empty string cell is written. */
  public static final String EMPTY_TEXT = "(empty)";

  private final String fileName;
  private final List<String> lines;
  private int position;

  private SqlLogicParser(String fileName, List<String> lines) {
    this.fileName = fileName;
    this.lines = lines;
  }

  /** Parses {@code text}; {@code fileName} is only used in messages. */
  public static SqlLogicFile parse(String fileName, String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the newline that ends the last line
    }
    SqlLogicParser parser = new SqlLogicParser(fileName, lines);
    return new SqlLogicFile(fileName, lines, parser.records());
  }

  private List<SqlLogicRecord> records() {
    List<SqlLogicRecord> records = new ArrayList<>();
    while (true) {
      while (position < lines.size() && isBlankOrComment(lines.get(position))) {
        position++;
      }
      if (position >= lines.size()) {
        return records;
      }
      records.add(record());
    }
  }

  private static boolean isBlankOrComment(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  private SqlLogicRecord record() {
    int headerIndex = position;
    String header = lines.get(position++);
    String[] words = header.trim().split("\\s+");
    if (words[0].equals("statement")) {
      if (words.length == 2 && words[1].equals("ok")) {
        return new StatementRecord(headerIndex + 1, statementSql(headerIndex));
      }
      if (words.length >= 2 && words[1].equals("error")) {
        return errorRecord(headerIndex, header);
      }
      throw formatError(headerIndex, "expected 'statement ok' or 'statement error KIND [text]'");
    }
    if (words[0].equals("query")) {
      if (words.length >= 2 && words[1].equals("error")) {
        return errorRecord(headerIndex, header);
      }
      return queryRecord(headerIndex, words);
    }
    throw formatError(headerIndex, "unknown record '" + header.trim()
        + "': records start with 'statement ok', 'statement error KIND [text]', "
        + "'query TYPES [nosort|rowsort|valuesort]' or 'query error KIND [text]'");
  }

  private ErrorRecord errorRecord(int headerIndex, String header) {
    String rest = header.trim().replaceFirst("^(statement|query)\\s+error\\s*", "");
    if (rest.isEmpty()) {
      throw formatError(headerIndex, "an error record names the error kind, for example "
          + "'statement error PLAN'; kinds: " + List.of(ErrorKind.values()));
    }
    int space = rest.indexOf(' ');
    String kindText = space < 0 ? rest : rest.substring(0, space);
    String messagePart = space < 0 ? "" : rest.substring(space + 1).trim();
    Set<ErrorKind> kinds = EnumSet.noneOf(ErrorKind.class);
    for (String name : kindText.split("\\|")) {
      try {
        kinds.add(ErrorKind.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw formatError(headerIndex, "unknown error kind '" + name + "'; kinds: "
            + List.of(ErrorKind.values()));
      }
    }
    return new ErrorRecord(headerIndex + 1, statementSql(headerIndex), kinds, messagePart);
  }

  /** SQL lines up to a blank line or the end of the file; a result marker is not allowed. */
  private String statementSql(int headerIndex) {
    StringBuilder sql = new StringBuilder();
    while (position < lines.size() && !lines.get(position).isBlank()) {
      String line = lines.get(position);
      if (line.equals(RESULT_MARKER)) {
        throw formatError(position, "only a query record has expected rows after '----'");
      }
      appendLine(sql, line);
      position++;
    }
    return requireSql(headerIndex, sql);
  }

  private QueryRecord queryRecord(int headerIndex, String[] words) {
    if (words.length < 2 || words.length > 3) {
      throw formatError(headerIndex, "expected 'query TYPES [nosort|rowsort|valuesort]'");
    }
    String types = words[1];
    if (!types.matches("[IRTBD]+")) {
      throw formatError(headerIndex, "column types '" + types + "' must be letters of IRTBD "
          + "(I integer, R real/decimal, T text, B boolean, D date/timestamp)");
    }
    SortMode sortMode = SortMode.NOSORT;
    if (words.length == 3) {
      try {
        sortMode = SortMode.valueOf(words[2].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw formatError(headerIndex, "unknown sort mode '" + words[2]
            + "'; expected nosort, rowsort or valuesort");
      }
    }
    StringBuilder sql = new StringBuilder();
    while (position < lines.size() && !lines.get(position).isBlank()
        && !lines.get(position).equals(RESULT_MARKER)) {
      appendLine(sql, lines.get(position));
      position++;
    }
    String text = requireSql(headerIndex, sql);
    if (position >= lines.size() || lines.get(position).isBlank()) {
      return new QueryRecord(headerIndex + 1, text, types, sortMode, List.of(), position,
          position, false);
    }
    position++; // the result marker
    int first = position;
    List<List<String>> rows = new ArrayList<>();
    while (position < lines.size() && !lines.get(position).isBlank()) {
      rows.add(cells(position, types, sortMode));
      position++;
    }
    return new QueryRecord(headerIndex + 1, text, types, sortMode, rows, first, position, true);
  }

  private List<String> cells(int index, String types, SortMode sortMode) {
    List<String> cells = List.of(lines.get(index).split("\t", -1));
    for (String cell : cells) {
      if (cell.isEmpty()) {
        throw formatError(index, "empty cell: separate cells by exactly one tab and write "
            + EMPTY_TEXT + " for the empty string");
      }
    }
    if (sortMode != SortMode.VALUESORT && cells.size() != types.length()) {
      throw formatError(index, "expected " + types.length() + " tab-separated cells (query "
          + types + ") but found " + cells.size());
    }
    return cells;
  }

  private static void appendLine(StringBuilder sql, String line) {
    if (sql.length() > 0) {
      sql.append('\n');
    }
    sql.append(line);
  }

  private String requireSql(int headerIndex, StringBuilder sql) {
    if (sql.length() == 0) {
      throw formatError(headerIndex, "the record has no SQL: put the statement on the lines "
          + "after the header");
    }
    return sql.toString();
  }

  private IllegalArgumentException formatError(int index, String message) {
    return new IllegalArgumentException(fileName + ":" + (index + 1) + ": " + message);
  }
}
