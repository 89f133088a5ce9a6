package io.quiver.engine.source.csv;

import io.quiver.engine.source.text.TextInput;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits CSV bytes into records and fields. It reads large blocks into one byte array and
 * reports each field of the current record as a range of that array (quotes removed, escapes
 * resolved in place), valid until the next call of {@link #next()}. A record that crosses the
 * end of a block is moved to the front and the block is refilled; a record longer than the
 * block grows it up to a bound.
 */
final class CsvTokenizer implements AutoCloseable {
  static final int DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
  static final int DEFAULT_MAX_RECORD_SIZE = 64 * 1024 * 1024;

  private static final int COMPLETE = 0;
  private static final int NEED_MORE = 1;

  private final TextInput input;
  private final String file;
  private final byte delimiter;
  /** The delimiter, '\n' and '\r' repeated in every byte of a word (the word-at-a-time scan). */
  private final long delimiterWord;
  private final byte quote;
  private final byte escape;
  private final int comment;
  private final boolean newlinesInValues;
  private final int maxRecordSize;

  private byte[] buffer;
  private int position;
  private int limit;
  private boolean endOfInput;
  private long line = 1;
  private boolean started;

  private int fieldCount;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private boolean[] escaped = new boolean[16];
  private long recordLine;
  private String malformed;
  private int pendingLines;

  CsvTokenizer(TextInput input, CsvOptions options, int blockSize, int maxRecordSize) {
    this.input = input;
    this.file = input.file().toString();
    this.delimiter = options.delimiter();
    this.delimiterWord = (options.delimiter() & 0xFFL) * ONES;
    this.quote = options.quote();
    this.escape = options.escape();
    this.comment = options.comment();
    this.newlinesInValues = options.newlinesInValues();
    this.maxRecordSize = Math.max(maxRecordSize, blockSize);
    this.buffer = new byte[blockSize];
  }

  /** Moves to the next record; false at the end of the input. */
  boolean next() {
    while (true) {
      if (position >= limit) {
        if (endOfInput || !refill(position)) {
          return false;
        }
      }
      if (!started) {
        started = true;
        if (!skipByteOrderMark()) {
          continue;
        }
      }
      int start = position;
      pendingLines = 0;
      malformed = null;
      int outcome = tokenize(start);
      if (outcome == NEED_MORE) {
        refill(start);
        continue;
      }
      recordLine = line;
      line += pendingLines;
      if (fieldCount < 0) {
        // A blank or comment line: no record.
        continue;
      }
      for (int field = 0; field < fieldCount; field++) {
        if (escaped[field]) {
          ends[field] = unescape(starts[field], ends[field]);
        }
      }
      return true;
    }
  }

  /**
   * Skips a UTF-8 byte order mark at the start of the input (spreadsheet exports write one).
   * Returns false when the input must be read again first.
   */
  private boolean skipByteOrderMark() {
    while (limit - position < 3 && !endOfInput) {
      if (!refill(position)) {
        break;
      }
    }
    if (limit - position >= 3 && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB && buffer[position + 2] == (byte) 0xBF) {
      position += 3;
    }
    return position < limit;
  }

  /**
   * Moves the bytes from {@code keepFrom} to the front and reads more behind them. Returns false
   * when nothing more could be read.
   */
  private boolean refill(int keepFrom) {
    int kept = limit - keepFrom;
    if (keepFrom > 0) {
      System.arraycopy(buffer, keepFrom, buffer, 0, kept);
    } else if (kept == buffer.length) {
      if (buffer.length >= maxRecordSize) {
        throw new QuiverException(ErrorKind.DATA, "file " + file + ", line " + line
            + ": a record is longer than " + maxRecordSize + " bytes. Check for an unterminated"
            + " quote or a wrong delimiter");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(maxRecordSize, buffer.length * 2L));
    }
    position = 0;
    limit = kept;
    int count = input.read(buffer, limit, buffer.length - limit);
    if (count < 0) {
      endOfInput = true;
      return kept > 0;
    }
    limit += count;
    return true;
  }

  /** Splits one record starting at {@code start}; sets {@code fieldCount} -1 for a blank line. */
  private int tokenize(int start) {
    int p = start;
    fieldCount = 0;
    if (comment >= 0 && buffer[p] == (byte) comment) {
      return skipLine(p) ? COMPLETE : NEED_MORE;
    }
    if (buffer[p] == '\n' || buffer[p] == '\r') {
      return skipLine(p) ? COMPLETE : NEED_MORE;
    }
    while (true) {
      if (p >= limit) {
        if (!endOfInput) {
          return NEED_MORE;
        }
        addField(p, p, false, false);
        position = p;
        return COMPLETE;
      }
      if (buffer[p] == quote) {
        int contentStart = p + 1;
        long quoteLine = line + pendingLines;
        boolean hasEscapes = false;
        p = contentStart;
        while (true) {
          if (p >= limit) {
            if (!endOfInput) {
              return NEED_MORE;
            }
            throw unterminatedQuote(quoteLine, contentStart);
          }
          byte value = buffer[p];
          if (value == escape && escape != quote) {
            if (p + 1 >= limit) {
              if (!endOfInput) {
                return NEED_MORE;
              }
              throw unterminatedQuote(quoteLine, contentStart);
            }
            if (buffer[p + 1] == '\n') {
              pendingLines++;
            }
            hasEscapes = true;
            p += 2;
            continue;
          }
          if (value == quote) {
            if (escape == quote) {
              if (p + 1 >= limit && !endOfInput) {
                return NEED_MORE;
              }
              if (p + 1 < limit && buffer[p + 1] == quote) {
                hasEscapes = true;
                p += 2;
                continue;
              }
            }
            break;
          }
          if (value == '\n') {
            if (!newlinesInValues) {
              throw new QuiverException(ErrorKind.DATA, "file " + file + ", line " + quoteLine
                  + ": a quoted value continues past the end of the line"
                  + " (newlines_in_values is false). Close the quote, or set"
                  + " newlines_in_values to true if values contain line breaks");
            }
            pendingLines++;
          }
          p++;
        }
        addField(contentStart, p, true, hasEscapes);
        p++;
        if (p >= limit) {
          if (!endOfInput) {
            return NEED_MORE;
          }
          position = p;
          return COMPLETE;
        }
        byte after = buffer[p];
        if (after == delimiter) {
          p++;
          continue;
        }
        if (after == '\n' || after == '\r') {
          return endRecord(p);
        }
        malformed = "unexpected character '" + printable(after) + "' after a closing quote in"
            + " field " + fieldCount;
        // Skip the rest of the line as plain text: the row is reported as bad.
        while (p < limit && buffer[p] != '\n' && buffer[p] != '\r') {
          p++;
        }
        if (p >= limit) {
          if (!endOfInput) {
            return NEED_MORE;
          }
          position = p;
          return COMPLETE;
        }
        return endRecord(p);
      }
      int fieldStart = p;
      byte value = 0;
      // Eight bytes at a time while they hold no delimiter or line break, then byte by byte.
      int wordLimit = limit - 8;
      while (p <= wordLimit) {
        long word = (long) WORD.get(buffer, p);
        long found = zeroBytes(word ^ delimiterWord) | zeroBytes(word ^ NEWLINES)
            | zeroBytes(word ^ RETURNS);
        if (found != 0) {
          p += Long.numberOfTrailingZeros(found) >>> 3;
          break;
        }
        p += 8;
      }
      while (p < limit) {
        value = buffer[p];
        if (value == delimiter || value == '\n' || value == '\r') {
          break;
        }
        p++;
      }
      if (p >= limit) {
        if (!endOfInput) {
          return NEED_MORE;
        }
        addField(fieldStart, p, false, false);
        position = p;
        return COMPLETE;
      }
      addField(fieldStart, p, false, false);
      if (value == delimiter) {
        p++;
        continue;
      }
      return endRecord(p);
    }
  }

  private static final java.lang.invoke.VarHandle WORD =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NEWLINES = '\n' * ONES;
  private static final long RETURNS = '\r' * ONES;

  /**
   * The high bit of each zero byte of {@code word} is set in the result; bits above the first
   * zero byte may be wrong, so only the lowest set bit (the first zero byte, little-endian) is
   * used.
   */
  private static long zeroBytes(long word) {
    return (word - ONES) & ~word & HIGHS;
  }

  /** At a line break at {@code p}: consumes it (CRLF, LF or CR) and ends the record. */
  private int endRecord(int p) {
    if (buffer[p] == '\r') {
      if (p + 1 >= limit && !endOfInput) {
        return NEED_MORE;
      }
      if (p + 1 < limit && buffer[p + 1] == '\n') {
        p++;
      }
    }
    pendingLines++;
    position = p + 1;
    return COMPLETE;
  }

  /** Skips a blank or comment line starting at {@code p}. */
  private boolean skipLine(int p) {
    while (p < limit && buffer[p] != '\n' && buffer[p] != '\r') {
      p++;
    }
    if (p >= limit) {
      if (!endOfInput) {
        return false;
      }
      fieldCount = -1;
      position = p;
      return true;
    }
    int outcome = endRecord(p);
    fieldCount = -1;
    return outcome == COMPLETE;
  }

  private void addField(int start, int end, boolean isQuoted, boolean hasEscapes) {
    if (fieldCount == starts.length) {
      int size = starts.length * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      escaped = Arrays.copyOf(escaped, size);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = end;
    quoted[fieldCount] = isQuoted;
    escaped[fieldCount] = hasEscapes;
    fieldCount++;
  }

  /** Resolves escapes of a quoted field in place; returns its new end. */
  private int unescape(int start, int end) {
    int write = start;
    for (int read = start; read < end; read++) {
      byte value = buffer[read];
      if ((value == escape || value == quote) && read + 1 < end) {
        read++;
        value = buffer[read];
      }
      buffer[write++] = value;
    }
    return write;
  }

  private QuiverException unterminatedQuote(long quoteLine, int contentStart) {
    int length = Math.min(40, limit - contentStart);
    String sample = new String(buffer, contentStart, Math.max(0, length), StandardCharsets.UTF_8);
    return new QuiverException(ErrorKind.DATA, "file " + file + ", line " + quoteLine
        + ", field " + (fieldCount + 1) + ": unterminated quoted field (the quoted value starting \""
        + sample.replace("\n", "\\n").replace("\r", "\\r")
        + "\" is not closed before the end of the file). Close the quote or check the quote"
        + " option");
  }

  private static String printable(byte value) {
    if (value >= 32 && value < 127) {
      return String.valueOf((char) value);
    }
    return String.format("\\x%02x", value & 0xff);
  }

  byte[] buffer() {
    return buffer;
  }

  int fieldCount() {
    return fieldCount;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  boolean quoted(int field) {
    return quoted[field];
  }

  /** The 1-based line where the current record starts. */
  long line() {
    return recordLine;
  }

  /** Why the current record is malformed (text after a closing quote), or null. */
  String malformed() {
    return malformed;
  }

  /** The text of a field, for error messages and headers. */
  String text(int field) {
    return new String(buffer, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    input.close();
  }
}
