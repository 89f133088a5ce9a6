package io.quiver.engine.plan;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Locale;

/**
 * Reads the leading words of a statement (skipping whitespace and comments) so the runner can
 * recognise its form; the rest is handed to Calcite with the consumed prefix blanked out, so
 * error positions still point into the original text.
 */
final class StatementTokens {
  private final String text;
  private int position;

  StatementTokens(String text) {
    this.text = text;
  }

  private void skipSpace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (text.startsWith("--", position)) {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end + 1;
      } else if (text.startsWith("/*", position)) {
        int end = text.indexOf("*/", position + 2);
        position = end < 0 ? text.length() : end + 2;
      } else {
        return;
      }
    }
  }

  /** The next bare word in lower case, or "" at a non-word character or the end. */
  String keyword() {
    skipSpace();
    int start = position;
    while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
        || text.charAt(position) == '_')) {
      position++;
    }
    return text.substring(start, position).toLowerCase(Locale.ROOT);
  }

  String peekKeyword() {
    int saved = position;
    String word = keyword();
    position = saved;
    return word;
  }

  /** A table or view name: a bare word (kept as written) or a double-quoted identifier. */
  String identifier() {
    skipSpace();
    if (position < text.length() && text.charAt(position) == '"') {
      int end = text.indexOf('"', position + 1);
      if (end < 0) {
        throw new QuiverException(ErrorKind.PARSE, "unterminated quoted identifier");
      }
      String name = text.substring(position + 1, end);
      position = end + 1;
      return name;
    }
    int start = position;
    while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
        || text.charAt(position) == '_')) {
      position++;
    }
    if (start == position) {
      throw new QuiverException(ErrorKind.PARSE, "expected a name at position " + (start + 1));
    }
    return text.substring(start, position);
  }

  /**
   * A string literal in single quotes ({@code ''} inside stands for one quote), without the
   * quotes; a PARSE error naming {@code what} was expected when the next token is not one.
   */
  String stringLiteral(String what) {
    skipSpace();
    if (position >= text.length() || text.charAt(position) != '\'') {
      throw new QuiverException(ErrorKind.PARSE, "expected " + what + " as a quoted string"
          + " ('...') at position " + (position + 1));
    }
    StringBuilder value = new StringBuilder();
    int at = position + 1;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\'') {
        if (at + 1 < text.length() && text.charAt(at + 1) == '\'') {
          value.append('\'');
          at += 2;
          continue;
        }
        position = at + 1;
        return value.toString();
      }
      value.append(c);
      at++;
    }
    throw new QuiverException(ErrorKind.PARSE, "unterminated string literal (" + what
        + ") starting at position " + (position + 1) + ": close it with '");
  }

  /** A token of the statement: its kind and its place in the text ({@code [start, end)}). */
  record Token(Kind kind, int start, int end) {
    /** WORD: a bare word; QUOTED: a double-quoted identifier; STRING: a single-quoted literal. */
    enum Kind { WORD, QUOTED, STRING, SYMBOL }

    /** The token's text in {@code text}. */
    String text(String text) {
      return text.substring(start, end);
    }

    /** True when this is the bare word {@code word} (any case). */
    boolean isWord(String text, String word) {
      return kind == Kind.WORD && end - start == word.length()
          && text.regionMatches(true, start, word, 0, word.length());
    }
  }

  /**
   * The next token after whitespace and comments, or null at the end. Quoted identifiers and
   * string literals are one token each (a doubled quote inside stays in it; an unterminated one
   * runs to the end of the text), so words inside them are never seen as keywords.
   */
  Token nextToken() {
    skipSpace();
    if (position >= text.length()) {
      return null;
    }
    int start = position;
    char c = text.charAt(position);
    if (c == '\'' || c == '"') {
      position = quotedEnd(c, position + 1);
      return new Token(c == '"' ? Token.Kind.QUOTED : Token.Kind.STRING, start, position);
    }
    if (isWordChar(c)) {
      while (position < text.length() && isWordChar(text.charAt(position))) {
        position++;
      }
      return new Token(Token.Kind.WORD, start, position);
    }
    position++;
    return new Token(Token.Kind.SYMBOL, start, position);
  }

  private int quotedEnd(char quote, int from) {
    int at = from;
    while (at < text.length()) {
      if (text.charAt(at) == quote) {
        if (at + 1 < text.length() && text.charAt(at + 1) == quote) {
          at += 2;
          continue;
        }
        return at + 1;
      }
      at++;
    }
    return text.length();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  boolean atEnd() {
    skipSpace();
    return position >= text.length();
  }

  /** The text with everything consumed so far replaced by spaces (newlines kept). */
  String restBlanked() {
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < position; i++) {
      result.append(text.charAt(i) == '\n' ? '\n' : ' ');
    }
    result.append(text, position, text.length());
    return result.toString();
  }
}
