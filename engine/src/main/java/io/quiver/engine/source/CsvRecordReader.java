package io.quiver.engine.source;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 records: comma-separated, double-quoted fields with "" as an escaped quote. */
final class CsvRecordReader implements AutoCloseable {
  private final Reader reader;
  private final String source;
  private long line = 1;
  private int peeked = -2;

  CsvRecordReader(Reader reader, String source) {
    this.reader = reader;
    this.source = source;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return reader.read();
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = reader.read();
    }
    return peeked;
  }

  long line() {
    return line;
  }

  /**
   * The next record's fields ({@code null} for an unquoted empty field), or null at the end.
   * A quoted empty field is the empty string.
   */
  List<String> next() {
    try {
      int c = read();
      while (c == '\r' || c == '\n') {
        if (c == '\n') {
          line++;
        }
        c = read();
      }
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (c == '"' && field.length() == 0 && !quoted) {
          quoted = true;
          long startLine = line;
          while (true) {
            int d = read();
            if (d == -1) {
              throw new QuiverException(ErrorKind.DATA, "unterminated quoted field starting on line "
                  + startLine).withContext(source);
            }
            if (d == '"') {
              if (peek() == '"') {
                read();
                field.append('"');
                continue;
              }
              break;
            }
            if (d == '\n') {
              line++;
            }
            field.append((char) d);
          }
          c = read();
          continue;
        }
        if (c == ',' || c == '\n' || c == '\r' || c == -1) {
          fields.add(field.length() == 0 && !quoted ? null : field.toString());
          field.setLength(0);
          quoted = false;
          if (c == ',') {
            c = read();
            continue;
          }
          if (c == '\r' && peek() == '\n') {
            read();
          }
          if (c != -1) {
            line++;
          }
          return fields;
        }
        if (quoted) {
          throw new QuiverException(ErrorKind.DATA, "unexpected character '" + (char) c
              + "' after a closing quote on line " + line).withContext(source);
        }
        field.append((char) c);
        c = read();
      }
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, source, e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, source, e);
    }
  }
}
