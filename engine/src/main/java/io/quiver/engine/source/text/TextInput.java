package io.quiver.engine.source.text;

import io.airlift.compress.zstd.ZstdInputStream;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of one text file, decompressed. Every failure is a QuiverException naming the file:
 * IO when the file cannot be opened or read, DATA when its compressed bytes are corrupt or
 * truncated.
 */
public final class TextInput implements AutoCloseable {
  private final Path file;
  private final Compression compression;
  private final InputStream in;

  private TextInput(Path file, Compression compression, InputStream in) {
    this.file = file;
    this.compression = compression;
    this.in = in;
  }

  /** Opens {@code file}; {@code compression} AUTO is resolved from its name. */
  public static TextInput open(Path file, Compression compression) {
    Compression resolved = compression.forFile(file);
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new QuiverException(ErrorKind.IO, "file " + file + " does not exist: check the path",
          e);
    } catch (AccessDeniedException e) {
      throw new QuiverException(ErrorKind.IO, "file " + file + " cannot be read: permission denied",
          e);
    } catch (IOException | RuntimeException e) {
      throw new QuiverException(ErrorKind.IO, "cannot open file " + file + ": " + e.getMessage(),
          e);
    }
    try {
      switch (resolved) {
        case GZIP:
          return new TextInput(file, resolved, new GZIPInputStream(raw, 64 * 1024));
        case ZSTD:
          return new TextInput(file, resolved, new ZstdInputStream(raw));
        default:
          return new TextInput(file, resolved, raw);
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw);
      throw failure(file, resolved, e);
    }
  }

  /**
   * Reads up to {@code length} bytes into {@code buffer} at {@code offset}, as many as are
   * available up to that length; -1 at the end of the file.
   */
  public int read(byte[] buffer, int offset, int length) {
    int total = 0;
    try {
      while (total < length) {
        int count = in.read(buffer, offset + total, length - total);
        if (count < 0) {
          break;
        }
        total += count;
      }
    } catch (IOException | RuntimeException e) {
      throw failure(file, compression, e);
    }
    return total == 0 && length > 0 ? -1 : total;
  }

  /** The file this input reads. */
  public Path file() {
    return file;
  }

  private static QuiverException failure(Path file, Compression compression, Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // A decompressor reports corrupt or truncated data as an IOException of its own (ZipException,
    // EOFException or a plain IOException from zstd), so on compressed input every read failure
    // is treated as bad data.
    if (compression != Compression.NONE) {
      return new QuiverException(ErrorKind.DATA, "file " + file + " is not valid "
          + compression.name().toLowerCase(java.util.Locale.ROOT)
          + " data (truncated or corrupt): " + detail
          + ". Check the file, or set the compression option if it is guessed wrongly", e);
    }
    return new QuiverException(ErrorKind.IO, "cannot read file " + file + ": " + detail, e);
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // the open failure is the error worth reporting
    }
  }

  @Override
  public void close() {
    closeQuietly(in);
  }
}
