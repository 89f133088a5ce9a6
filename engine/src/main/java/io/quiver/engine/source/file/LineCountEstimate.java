package io.quiver.engine.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Estimates the records of an uncompressed line-based text file (CSV, NDJSON) for join
 * ordering: the line breaks in its first megabyte, scaled by the file's size. Exact for files
 * up to that size; compressed files (whose size says little about their lines) are unknown.
 */
public final class LineCountEstimate {
  private static final int SAMPLE_BYTES = 1 << 20;

  private LineCountEstimate() {}

  /** The estimated lines of {@code file}, or -1 when unknown (compressed, unreadable). */
  public static long of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.endsWith(".gz") || name.endsWith(".zst") || name.endsWith(".gzip")
        || name.endsWith(".zstd")) {
      return -1;
    }
    try (InputStream in = Files.newInputStream(file)) {
      long size = Files.size(file);
      byte[] sample = in.readNBytes((int) Math.min(size, SAMPLE_BYTES));
      long lines = 0;
      for (byte b : sample) {
        lines += b == '\n' ? 1 : 0;
      }
      if (sample.length > 0 && sample[sample.length - 1] != '\n' && sample.length == size) {
        lines++; // a last line without a line break
      }
      if (sample.length == 0 || sample.length == size) {
        return lines;
      }
      return Math.max(1, Math.round(lines * ((double) size / sample.length)));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
