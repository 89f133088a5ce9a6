package io.quiver.engine.source.json;

import io.quiver.engine.source.text.TextInput;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;

/**
 * Splits NDJSON bytes into lines (LF or CRLF) without copying: each line is a range of one block
 * buffer, valid until the next call. A raw line break cannot occur inside a JSON string, so a
 * byte scan for LF finds line ends exactly. Lines longer than a block grow it up to a bound.
 */
final class NdjsonLineReader implements AutoCloseable {
  static final int DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
  static final int DEFAULT_MAX_LINE_SIZE = 64 * 1024 * 1024;

  private final TextInput input;
  private final int maxLineSize;
  private byte[] buffer;
  private int position;
  private int limit;
  private boolean endOfInput;
  private long nextLine = 1;
  private long line;
  private int start;
  private int end;

  NdjsonLineReader(TextInput input, int blockSize, int maxLineSize) {
    this.input = input;
    this.maxLineSize = Math.max(blockSize, maxLineSize);
    this.buffer = new byte[blockSize];
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() {
    int scan = position;
    while (true) {
      while (scan < limit && buffer[scan] != '\n') {
        scan++;
      }
      if (scan < limit || (endOfInput && position < limit)) {
        start = position;
        end = scan;
        position = scan < limit ? scan + 1 : scan;
        if (end > start && buffer[end - 1] == '\r') {
          end--;
        }
        line = nextLine++;
        return true;
      }
      if (endOfInput) {
        return false;
      }
      int kept = limit - position;
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, kept);
      } else if (kept == buffer.length) {
        if (buffer.length >= maxLineSize) {
          throw new QuiverException(ErrorKind.DATA, "file " + input.file() + ", line " + nextLine
              + ": a line is longer than " + maxLineSize + " bytes. NDJSON needs one JSON"
              + " object per line");
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(maxLineSize, buffer.length * 2L));
      }
      scan = kept;
      position = 0;
      limit = kept;
      int count = input.read(buffer, limit, buffer.length - limit);
      if (count < 0) {
        endOfInput = true;
      } else {
        limit += count;
      }
    }
  }

  byte[] buffer() {
    return buffer;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** The 1-based number of the current line. */
  long line() {
    return line;
  }

  @Override
  public void close() {
    input.close();
  }
}
