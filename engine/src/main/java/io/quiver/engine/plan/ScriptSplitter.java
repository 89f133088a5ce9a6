package io.quiver.engine.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at {@code ;}, ignoring semicolons inside string literals,
 * quoted identifiers and comments. Each piece keeps its line offset so error positions point
 * into the original script.
 */
public final class ScriptSplitter {
  private ScriptSplitter() {}

  /** One statement of a script and the 0-based line of the script on which it starts. */
  public record Piece(String text, int firstLine) {}

  public static List<String> split(String script) {
    List<String> result = new ArrayList<>();
    for (Piece piece : splitWithLines(script)) {
      result.add(piece.text());
    }
    return result;
  }

  public static List<Piece> splitWithLines(String script) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    int line = 0;
    int startLine = 0;
    int length = script.length();
    int i = 0;
    while (i < length) {
      char c = script.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < length) {
          char d = script.charAt(j);
          if (d == '\n') {
            line++;
          }
          if (d == c) {
            if (j + 1 < length && script.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        i = j + 1;
      } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
        while (i < length && script.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
        int j = i + 2;
        while (j + 1 < length && !(script.charAt(j) == '*' && script.charAt(j + 1) == '/')) {
          if (script.charAt(j) == '\n') {
            line++;
          }
          j++;
        }
        i = Math.min(length, j + 2);
      } else if (c == ';') {
        addPiece(pieces, script.substring(start, i), startLine);
        i++;
        start = i;
        startLine = line;
      } else {
        i++;
      }
    }
    addPiece(pieces, script.substring(Math.min(start, length)), startLine);
    return pieces;
  }

  private static void addPiece(List<Piece> pieces, String text, int line) {
    if (!isBlank(text)) {
      pieces.add(new Piece(text, line));
    }
  }

  /** True when the text holds only whitespace and comments. */
  static boolean isBlank(String text) {
    int i = 0;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
        while (i < length && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? length : end + 2;
      } else {
        return false;
      }
    }
    return true;
  }
}
