package io.quiver.engine.cli;

/**
 * The lines typed into the interactive shell since the last statement ran. Knows whether they
 * end a statement: the last character that is not blank or part of a comment is a {@code ;}
 * outside string literals, quoted identifiers and comments (the same lexical rules as the
 * session's script splitter: {@code '...'}, {@code "..."}, {@code `...`} with doubled quotes,
 * {@code --} line comments and block comments).
 */
final class StatementBuffer {
  private enum State { CODE, SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK, LINE_COMMENT, BLOCK_COMMENT }

  private final StringBuilder text = new StringBuilder();
  private State state = State.CODE;
  private char lastSignificant;
  private boolean hasCode;
  private int scanned;

  /** Adds one line (without its line break). */
  void append(String line) {
    text.append(line).append('\n');
    scan();
  }

  private void scan() {
    int length = text.length();
    int i = scanned;
    while (i < length) {
      char c = text.charAt(i);
      char next = i + 1 < length ? text.charAt(i + 1) : '\0';
      switch (state) {
        case CODE -> {
          if (c == '\'' || c == '"' || c == '`') {
            state = c == '\'' ? State.SINGLE_QUOTE
                : c == '"' ? State.DOUBLE_QUOTE : State.BACKTICK;
            lastSignificant = c;
            hasCode = true;
          } else if (c == '-' && next == '-') {
            state = State.LINE_COMMENT;
            i++;
          } else if (c == '/' && next == '*') {
            state = State.BLOCK_COMMENT;
            i++;
          } else if (!Character.isWhitespace(c)) {
            lastSignificant = c;
            hasCode = true;
          }
        }
        case SINGLE_QUOTE, DOUBLE_QUOTE, BACKTICK -> {
          char quote = state == State.SINGLE_QUOTE ? '\''
              : state == State.DOUBLE_QUOTE ? '"' : '`';
          if (c == quote) {
            if (next == quote) {
              i++;
            } else {
              state = State.CODE;
            }
          }
        }
        case LINE_COMMENT -> {
          if (c == '\n') {
            state = State.CODE;
          }
        }
        case BLOCK_COMMENT -> {
          if (c == '*' && next == '/') {
            state = State.CODE;
            i++;
          }
        }
        default -> throw new IllegalStateException(state.name());
      }
      i++;
    }
    // A quote or comment opener split across the end is impossible: lines end with '\n'.
    scanned = length;
  }

  /** True when the text ends a statement with {@code ;} (outside quotes and comments). */
  boolean endsStatement() {
    return state == State.CODE && hasCode && lastSignificant == ';';
  }

  /** True when nothing has been typed but blanks and finished comments. */
  boolean isBlank() {
    return !hasCode && state == State.CODE;
  }

  boolean isEmpty() {
    return text.length() == 0;
  }

  String text() {
    return text.toString();
  }

  void clear() {
    text.setLength(0);
    state = State.CODE;
    lastSignificant = '\0';
    hasCode = false;
    scanned = 0;
  }
}
