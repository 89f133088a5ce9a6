package io.quiver.engine.plan;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-travel clauses of a statement, found before Calcite parses it. Calcite's parser knows
 * only the standard {@code t FOR SYSTEM_TIME AS OF <expr>}; the Delta forms
 * {@code t VERSION AS OF <expr>} and {@code t TIMESTAMP AS OF <expr>} are rewritten into it by
 * replacing the one word {@code VERSION} / {@code TIMESTAMP} with {@code FOR SYSTEM_TIME}, and
 * the form each clause had is remembered ({@link #clauses()}, in text order) so the planner
 * knows whether a period is a version or a time. Words inside string literals, quoted
 * identifiers and comments are never touched.
 *
 * <p>The rewrite only inserts characters inside one line, so {@link #originalColumn} maps a
 * position Calcite reports in the rewritten text back to the text the user wrote.
 */
final class TimeTravelSyntax {
  /** How a clause was written. */
  enum Form {
    VERSION("VERSION AS OF"),
    TIMESTAMP("TIMESTAMP AS OF"),
    SYSTEM_TIME("FOR SYSTEM_TIME AS OF");

    private final String sql;

    Form(String sql) {
      this.sql = sql;
    }

    String sql() {
      return sql;
    }
  }

  private static final String REPLACEMENT = "FOR SYSTEM_TIME";

  /** One replaced word: on 1-based {@code line}, at 1-based {@code column} of the original. */
  private record Edit(int line, int column, int originalLength, int newLength) {}

  private final String text;
  private final List<Form> clauses;
  private final List<Edit> edits;

  private TimeTravelSyntax(String text, List<Form> clauses, List<Edit> edits) {
    this.text = text;
    this.clauses = List.copyOf(clauses);
    this.edits = List.copyOf(edits);
  }

  /** Finds the clauses of {@code sql} and rewrites the Delta forms. */
  static TimeTravelSyntax of(String sql) {
    List<StatementTokens.Token> tokens = new ArrayList<>();
    StatementTokens scanner = new StatementTokens(sql);
    for (StatementTokens.Token token = scanner.nextToken(); token != null;
        token = scanner.nextToken()) {
      tokens.add(token);
    }
    List<Form> clauses = new ArrayList<>();
    List<Edit> edits = new ArrayList<>();
    StringBuilder rewritten = new StringBuilder(sql.length() + 16);
    int copied = 0;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      StatementTokens.Token word = tokens.get(i);
      Form form = word.isWord(sql, "version") ? Form.VERSION
          : word.isWord(sql, "timestamp") ? Form.TIMESTAMP
          : word.isWord(sql, "system_time") && i > 0 && tokens.get(i - 1).isWord(sql, "for")
              ? Form.SYSTEM_TIME : null;
      if (form == null || !tokens.get(i + 1).isWord(sql, "as")
          || !tokens.get(i + 2).isWord(sql, "of")) {
        continue;
      }
      clauses.add(form);
      if (form == Form.SYSTEM_TIME) {
        continue;
      }
      StatementTokens.Token before = i == 0 ? null : tokens.get(i - 1);
      if (before == null || before.kind() == StatementTokens.Token.Kind.SYMBOL
          || before.kind() == StatementTokens.Token.Kind.STRING) {
        int[] at = lineAndColumn(sql, word.start());
        throw new QuiverException(ErrorKind.PARSE, form.sql() + " must follow a table name"
            + " (FROM t " + form.sql() + " ...); a table function such as delta_scan takes"
            + " the version or timestamp in its options instead")
            .atPosition(at[0], at[1]);
      }
      int[] at = lineAndColumn(sql, word.start());
      edits.add(new Edit(at[0], at[1], word.end() - word.start(), REPLACEMENT.length()));
      rewritten.append(sql, copied, word.start()).append(REPLACEMENT);
      copied = word.end();
    }
    rewritten.append(sql, copied, sql.length());
    return new TimeTravelSyntax(rewritten.toString(), clauses, edits);
  }

  private static int[] lineAndColumn(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }

  /** The text for Calcite: every clause in the {@code FOR SYSTEM_TIME AS OF} form. */
  String text() {
    return text;
  }

  /** The form of every time-travel clause, in the order they appear in the text. */
  List<Form> clauses() {
    return clauses;
  }

  /**
   * The column in the original text of 1-based {@code column} on {@code line} of the rewritten
   * text; a position inside an inserted {@code FOR SYSTEM_TIME} maps to the word it replaced.
   */
  int originalColumn(int line, int column) {
    int shift = 0;
    for (Edit edit : edits) {
      if (edit.line() != line) {
        continue;
      }
      int start = edit.column() + shift;
      if (column < start) {
        break;
      }
      if (column < start + edit.newLength()) {
        return edit.column();
      }
      shift += edit.newLength() - edit.originalLength();
    }
    return column - shift;
  }
}
