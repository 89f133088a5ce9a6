package io.quiver.engine.source.parquet;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.Util;

/**
 * The page index of one flat column chunk: where each data page lies in the file and the
 * first row it holds (the chunk's OffsetIndex), and, when asked for and present, each page's
 * bounds and null counts (its ColumnIndex). Both are Thrift structures stored apart from the
 * pages, read with positioned reads bounded by the file size and checked against the chunk and
 * the row group: a page index that does not fit is a DATA error (never ignored, so a wrong
 * index cannot silently drop rows).
 */
final class PageIndex {
  /** Index structures larger than this are treated as corrupt lengths. */
  private static final int MAX_INDEX_BYTES = 64 << 20;

  private final long[] offsets;
  private final int[] sizes;
  private final long[] firstRows;
  private final long rows;
  private final ColumnIndex bounds;

  private PageIndex(long[] offsets, int[] sizes, long[] firstRows, long rows,
      ColumnIndex bounds) {
    this.offsets = offsets;
    this.sizes = sizes;
    this.firstRows = firstRows;
    this.rows = rows;
    this.bounds = bounds;
  }

  /** The first byte of a column chunk: its dictionary page when it has one before its data. */
  static long chunkStart(ColumnMetaData metadata) {
    long start = metadata.getData_page_offset();
    if (metadata.isSetDictionary_page_offset() && metadata.getDictionary_page_offset() > 0
        && metadata.getDictionary_page_offset() < start) {
      start = metadata.getDictionary_page_offset();
    }
    return start;
  }

  /**
   * The page index of {@code chunk} (of a row group of {@code rows} rows), or null when the
   * chunk has no offset index, or when {@code withBounds} and it has no column index.
   */
  static PageIndex read(FileChannel channel, long fileSize, ColumnChunk chunk, long rows,
      boolean withBounds) throws IOException {
    ColumnMetaData metadata = chunk.getMeta_data();
    if (metadata == null || !chunk.isSetOffset_index_offset()
        || !chunk.isSetOffset_index_length()) {
      return null;
    }
    if (withBounds && (!chunk.isSetColumn_index_offset() || !chunk.isSetColumn_index_length())) {
      return null;
    }
    OffsetIndex offsetIndex = readStructure(channel, fileSize, chunk.getOffset_index_offset(),
        chunk.getOffset_index_length(), "offset index", Util::readOffsetIndex);
    List<PageLocation> locations = offsetIndex.getPage_locations();
    int pages = locations == null ? 0 : locations.size();
    if (pages == 0) {
      throw corrupt("the offset index lists no page for a row group of %d rows", rows);
    }
    long chunkStart = chunkStart(metadata);
    long chunkEnd = chunkStart + metadata.getTotal_compressed_size();
    long[] offsets = new long[pages];
    int[] sizes = new int[pages];
    long[] firstRows = new long[pages];
    long previousEnd = chunkStart;
    for (int i = 0; i < pages; i++) {
      PageLocation location = locations.get(i);
      offsets[i] = location.getOffset();
      sizes[i] = location.getCompressed_page_size();
      firstRows[i] = location.getFirst_row_index();
      if (sizes[i] <= 0 || offsets[i] < previousEnd || offsets[i] + sizes[i] > chunkEnd) {
        throw corrupt("the offset index puts page %d at bytes %d..%d, outside the column chunk"
            + " (bytes %d..%d) or over the page before it", i, offsets[i],
            offsets[i] + sizes[i], chunkStart, chunkEnd);
      }
      if (i == 0 ? firstRows[i] != 0 : firstRows[i] < firstRows[i - 1] || firstRows[i] > rows) {
        throw corrupt("the offset index says page %d starts at row %d, which does not follow"
            + " %s in a row group of %d rows", i, firstRows[i],
            i == 0 ? "the row group's start" : "row " + firstRows[i - 1], rows);
      }
      previousEnd = offsets[i] + sizes[i];
    }
    ColumnIndex bounds = withBounds ? readBounds(channel, fileSize, chunk, pages) : null;
    PageIndex index = new PageIndex(offsets, sizes, firstRows, rows, bounds);
    if (bounds != null && bounds.isSetNull_counts()) {
      for (int i = 0; i < pages; i++) {
        long nulls = bounds.getNull_counts().get(i);
        if (nulls < 0 || nulls > index.endRow(i) - index.firstRow(i)) {
          throw corrupt("the column index says page %d holds %d nulls in %d rows", i, nulls,
              index.endRow(i) - index.firstRow(i));
        }
      }
    }
    return index;
  }

  private static ColumnIndex readBounds(FileChannel channel, long fileSize, ColumnChunk chunk,
      int pages) throws IOException {
    ColumnIndex index = readStructure(channel, fileSize, chunk.getColumn_index_offset(),
        chunk.getColumn_index_length(), "column index", Util::readColumnIndex);
    if (index.getNull_pagesSize() != pages || index.getMin_valuesSize() != pages
        || index.getMax_valuesSize() != pages
        || index.isSetNull_counts() && index.getNull_countsSize() != pages) {
      throw corrupt("the column index describes %d pages (%d minimums, %d maximums%s) but the"
          + " offset index lists %d", index.getNull_pagesSize(), index.getMin_valuesSize(),
          index.getMax_valuesSize(), index.isSetNull_counts()
              ? ", " + index.getNull_countsSize() + " null counts" : "", pages);
    }
    return index;
  }

  /** Parses one Thrift structure from its bytes. */
  private interface StructureParser<T> {
    T parse(InputStream in) throws IOException;
  }

  /** Reads and parses the Thrift structure at {@code [offset, offset + length)}. */
  private static <T> T readStructure(FileChannel channel, long fileSize, long offset,
      int length, String what, StructureParser<T> parser) throws IOException {
    if (length <= 0 || length > MAX_INDEX_BYTES) {
      throw corrupt("the %s at byte %d states a length of %d bytes", what, offset, length);
    }
    if (offset < 0 || offset + length > fileSize) {
      throw corrupt("the %s needs bytes %d..%d but the file has %d", what, offset,
          offset + length, fileSize);
    }
    byte[] bytes = ParquetFooter.readFully(channel, offset, length);
    try {
      return parser.parse(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new QuiverException(ErrorKind.DATA, "corrupt " + what + " at byte " + offset + ": "
          + e.getMessage() + ". The file is corrupt or truncated; read it with"
          + " parquet_pruning=false to ignore its page index", e);
    }
  }

  private static QuiverException corrupt(String format, Object... args) {
    return new QuiverException(ErrorKind.DATA, String.format(format, args) + ". The page index"
        + " is corrupt; rewrite the file, or read it with parquet_pruning=false to ignore its"
        + " page index");
  }

  int pageCount() {
    return offsets.length;
  }

  /** Where page {@code page} (its header included) starts in the file. */
  long offset(int page) {
    return offsets[page];
  }

  /** Bytes of page {@code page}, its header included. */
  int size(int page) {
    return sizes[page];
  }

  /** The index, in the row group, of the first row of page {@code page}. */
  long firstRow(int page) {
    return firstRows[page];
  }

  /** The index, in the row group, just past the last row of page {@code page}. */
  long endRow(int page) {
    return page + 1 < firstRows.length ? firstRows[page + 1] : rows;
  }

  /** The pages' bounds (the column index), or null when it was not read. */
  ColumnIndex bounds() {
    return bounds;
  }

  /** Page {@code page}'s minimum (from the column index), or null on a page of nulls. */
  byte[] minimum(int page) {
    return bounds.getNull_pages().get(page) ? null : bytes(bounds.getMin_values().get(page));
  }

  /** Page {@code page}'s maximum (from the column index), or null on a page of nulls. */
  byte[] maximum(int page) {
    return bounds.getNull_pages().get(page) ? null : bytes(bounds.getMax_values().get(page));
  }

  /** Page {@code page}'s null count: stated, or all its rows on a page of nulls, else -1. */
  long nulls(int page) {
    if (bounds.isSetNull_counts()) {
      return bounds.getNull_counts().get(page);
    }
    return bounds.getNull_pages().get(page) ? endRow(page) - firstRow(page) : -1;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
