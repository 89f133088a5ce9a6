package io.quiver.engine.source.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Reads the pages of one column chunk (already in memory, compressed) and decodes rows into
 * Arrow vectors batch by batch: dictionary pages, data pages v1 and v2, repetition and
 * definition levels, values in any supported encoding. A flat column is read with
 * {@link #read}; a leaf of a nested column is driven level run by level run by
 * {@link NestedLeafReader}. Every loop consumes bytes or values, so malformed input ends in a
 * DATA error, never a hang.
 *
 * <p>A flat column may be read selectively ({@link #select}): the chunk then holds only the
 * data pages that overlap the selected rows (besides what precedes its first data page, such
 * as the dictionary), each page's rows are known from the offset index, and {@link #read}
 * returns the selected rows only, skipping the unselected rows of a partly selected page by
 * decoding and discarding them.
 */
final class ColumnChunkReader implements ColumnReader {
  /** Pages larger than this (uncompressed) are treated as corrupt headers. */
  private static final int MAX_PAGE_BYTES = 1 << 30;

  private final ParquetColumn column;
  private final byte[] chunk;
  private final int end;
  private long totalValues;
  private final PageDecompressor decompressor;
  private final ArrowColumnWriter writer;
  private final PhysicalValues values;
  private final int levelBitWidth;
  private final int maxRepetitionLevel;
  private final int repetitionBitWidth;
  private RleBitPackedHybridDecoder repetitionLevels;
  private int position;
  private long valuesSeen;
  private PhysicalValues dictionary;
  private int pageRemaining;
  private RleBitPackedHybridDecoder definitionLevels;
  private ValuesDecoder valuesDecoder;
  private int[] levels = new int[1024];
  /** Definition levels of the rows of the last read, when the column has levels. */
  private int[] readLevels = new int[1024];
  /** The rows to return when reading selectively, else null. */
  private RowRanges selection;
  /** For a selective read: the rows of the chunk's data pages, in order ([first, end)). */
  private long[] pageFirstRows;
  private long[] pageEndRows;
  /** For a selective read: data pages started, the current page's next row, the range. */
  private int dataPages;
  private long nextRow;
  private int range;

  ColumnChunkReader(ParquetColumn column, ColumnMetaData metadata, byte[] chunk) {
    this(column, metadata, chunk, 0);
  }

  /** A reader of a leaf with {@code maxRepetitionLevel} repeated ancestors. */
  ColumnChunkReader(ParquetColumn column, ColumnMetaData metadata, byte[] chunk,
      int maxRepetitionLevel) {
    this(column, metadata, chunk, maxRepetitionLevel, null);
  }

  /**
   * A reader that decompresses its pages with {@code decompressor} (null: its own), whose page
   * buffer a scan reuses from one row group's chunk of the column to the next.
   */
  ColumnChunkReader(ParquetColumn column, ColumnMetaData metadata, byte[] chunk,
      int maxRepetitionLevel, PageDecompressor decompressor) {
    this(column, metadata, chunk, chunk.length, maxRepetitionLevel, decompressor);
  }

  /**
   * {@link #ColumnChunkReader(ParquetColumn, ColumnMetaData, byte[], int, PageDecompressor)}
   * over the first {@code length} bytes of {@code chunk} (a buffer the scan reuses from one row
   * group to the next; the bytes after {@code length} are not the chunk's).
   */
  ColumnChunkReader(ParquetColumn column, ColumnMetaData metadata, byte[] chunk, int length,
      int maxRepetitionLevel, PageDecompressor decompressor) {
    if (length < 0 || length > chunk.length) {
      throw new IllegalArgumentException("chunk of " + length + " bytes in a buffer of "
          + chunk.length);
    }
    this.maxRepetitionLevel = maxRepetitionLevel;
    this.repetitionBitWidth = 32 - Integer.numberOfLeadingZeros(maxRepetitionLevel);
    this.column = column;
    this.chunk = chunk;
    this.end = length;
    this.totalValues = metadata.getNum_values();
    this.decompressor = decompressor != null && decompressor.codec() == metadata.getCodec()
        ? decompressor : new PageDecompressor(metadata.getCodec());
    this.writer = new ArrowColumnWriter(column.conversion());
    this.values = new PhysicalValues(physicalWidth(column));
    this.levelBitWidth = 32 - Integer.numberOfLeadingZeros(column.maxDefinitionLevel());
  }

  private static int physicalWidth(ParquetColumn column) {
    switch (column.physicalType()) {
      case BOOLEAN: return 1;
      case INT32:
      case FLOAT: return 4;
      case INT64:
      case DOUBLE: return 8;
      case INT96: return 12;
      case FIXED_LEN_BYTE_ARRAY: return column.typeLength();
      default: return -1;
    }
  }

  /**
   * Reads only the rows of {@code rows}: the chunk holds just the data pages whose rows are
   * {@code [firstRows[i], endRows[i])}, which together cover every selected row. Call before
   * the first read; flat columns only.
   */
  void select(RowRanges rows, long[] firstRows, long[] endRows) {
    if (maxRepetitionLevel > 0 || valuesSeen > 0) {
      throw new IllegalStateException("a selective read needs a flat column read from its start");
    }
    long values = 0;
    for (int i = 0; i < firstRows.length; i++) {
      values += endRows[i] - firstRows[i];
    }
    this.selection = rows;
    this.pageFirstRows = firstRows.clone();
    this.pageEndRows = endRows.clone();
    this.totalValues = values;
  }

  @Override
  public int[] levels() {
    return column.maxDefinitionLevel() > 0 ? readLevels : null;
  }

  @Override
  public void read(int rows, FieldVector vector, int start) {
    if (column.maxDefinitionLevel() > 0 && readLevels.length < rows) {
      readLevels = new int[rows];
    }
    int done = 0;
    while (done < rows) {
      if (pageRemaining == 0) {
        nextPage();
        continue;
      }
      int n = Math.min(rows - done, pageRemaining);
      if (selection != null) {
        n = selectedRun(n);
        if (n == 0) {
          continue; // the rest of the page was not selected
        }
      }
      decode(n, vector, start, done);
      done += n;
    }
  }

  /** Decodes the next {@code n} rows of the current page into {@code vector}. */
  private void decode(int n, FieldVector vector, int start, int done) {
    int present = n;
    int[] rowLevels = null;
    if (column.maxDefinitionLevel() > 0
        && definitionLevels.skipRepeated(n, column.maxDefinitionLevel())) {
      // No nulls in these rows: no level array to fill and scan.
      java.util.Arrays.fill(readLevels, done, done + n, column.maxDefinitionLevel());
    } else if (column.maxDefinitionLevel() > 0) {
      present = readDefinitionLevels(n);
      rowLevels = levels;
      System.arraycopy(levels, 0, readLevels, done, n);
    }
    if (rowLevels == null && valuesDecoder instanceof DictionaryDecoder dictionaryPage
        && writer.writesFromDictionary(vector, dictionaryPage.dictionary())) {
      // every row has a value: straight from the dictionary into the vector, no copy between
      writer.writeFromDictionary(vector, start + done, n, dictionaryPage.dictionary(),
          dictionaryPage.readIndices(n));
    } else {
      values.clear();
      if (present > 0) {
        valuesDecoder.read(present, values);
      }
      writer.write(vector, start + done, n, rowLevels, column.maxDefinitionLevel(), values);
    }
    pageRemaining -= n;
    nextRow += n;
  }

  /** Reads {@code n} definition levels into {@link #levels}; returns how many are values. */
  private int readDefinitionLevels(int n) {
    if (levels.length < n) {
      levels = new int[Math.max(n, levels.length * 2)];
    }
    definitionLevels.read(levels, 0, n);
    int present = 0;
    int max = column.maxDefinitionLevel();
    for (int i = 0; i < n; i++) {
      present += levels[i] == max ? 1 : 0;
    }
    return present;
  }

  /**
   * For a selective read: skips the current page's rows before the next selected row and
   * returns how many of the next rows (at most {@code wanted}) are selected, or 0 when no
   * selected row is left in the page (which is then dropped).
   */
  private int selectedRun(int wanted) {
    while (range < selection.size() && selection.end(range) <= nextRow) {
      range++;
    }
    if (range == selection.size()) {
      throw new IllegalStateException("more rows were asked of column " + column.path()
          + " than were selected (row " + nextRow + ")");
    }
    long from = selection.start(range);
    if (from > nextRow) {
      long skip = from - nextRow;
      if (skip >= pageRemaining) {
        nextRow += pageRemaining;
        pageRemaining = 0;
        return 0;
      }
      skipRows((int) skip);
    }
    return (int) Math.min(Math.min(wanted, pageRemaining), selection.end(range) - nextRow);
  }

  /** Decodes and discards the next {@code n} rows of the current page. */
  private void skipRows(int n) {
    int present = n;
    if (column.maxDefinitionLevel() > 0
        && !definitionLevels.skipRepeated(n, column.maxDefinitionLevel())) {
      present = readDefinitionLevels(n);
    }
    values.clear();
    if (present > 0) {
      valuesDecoder.read(present, values);
    }
    values.clear();
    pageRemaining -= n;
    nextRow += n;
  }

  /**
   * For a selective read: checks a data page of {@code count} values against the offset index
   * and starts its rows.
   */
  private void startSelectedPage(int count) {
    if (dataPages >= pageFirstRows.length) {
      throw ParquetData.corrupt("column chunk holds more data pages than its offset index"
          + " lists (%d)", pageFirstRows.length);
    }
    long first = pageFirstRows[dataPages];
    long end = pageEndRows[dataPages];
    if (count != end - first) {
      throw new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.DATA,
          String.format("data page %d of the read pages holds %d values, but the offset index"
              + " gives it rows %d..%d. The page index is corrupt; rewrite the file, or read it"
              + " with parquet_pruning=false to ignore its page index", dataPages, count, first,
              end));
    }
    nextRow = first;
    dataPages++;
  }

  private void nextPage() {
    while (true) {
      if (position >= end || valuesSeen >= totalValues) {
        throw ParquetData.corrupt("column chunk ends after %d values but more rows were"
            + " expected (the chunk states %d values)", valuesSeen, totalValues);
      }
      PositionedStream stream = new PositionedStream(chunk, position, end - position);
      PageHeader header;
      try {
        header = Util.readPageHeader(stream);
      } catch (IOException | RuntimeException e) {
        throw new io.quiver.udf.error.QuiverException(io.quiver.udf.error.ErrorKind.DATA,
            "corrupt page header at byte " + position + " of the column chunk: "
                + e.getMessage(), e);
      }
      int bodyStart = stream.position();
      int compressed = header.getCompressed_page_size();
      int uncompressed = header.getUncompressed_page_size();
      if (compressed >= 0 && compressed <= end - bodyStart && uncompressed > MAX_PAGE_BYTES) {
        throw ParquetData.unsupported("page at byte %d states %d uncompressed bytes; pages of"
            + " more than %d bytes are not read", position, uncompressed, MAX_PAGE_BYTES);
      }
      if (compressed < 0 || compressed > end - bodyStart || uncompressed < 0) {
        throw ParquetData.corrupt("page at byte %d states %d compressed and %d uncompressed"
            + " bytes, but the column chunk has %d bytes after its header", position,
            compressed, uncompressed, end - bodyStart);
      }
      position = bodyStart + compressed;
      if (header.getType() == null) {
        throw ParquetData.corrupt("page at byte %d has an unknown page type", bodyStart);
      }
      switch (header.getType()) {
        case DICTIONARY_PAGE:
          readDictionary(header.getDictionary_page_header(), bodyStart, compressed,
              uncompressed);
          break;
        case DATA_PAGE:
          if (startDataPage(header.getData_page_header(), bodyStart, compressed,
              uncompressed)) {
            return;
          }
          break;
        case DATA_PAGE_V2:
          if (startDataPageV2(header.getData_page_header_v2(), bodyStart, compressed,
              uncompressed)) {
            return;
          }
          break;
        default:
          break; // index pages and unknown page kinds carry no rows
      }
    }
  }

  private void readDictionary(DictionaryPageHeader header, int offset, int compressed,
      int uncompressed) {
    if (header == null) {
      throw ParquetData.corrupt("dictionary page without its header");
    }
    if (dictionary != null) {
      throw ParquetData.corrupt("column chunk has a second dictionary page");
    }
    Encoding encoding = header.getEncoding();
    if (encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
      throw ParquetData.unsupported("dictionary page encoding %s", encoding);
    }
    int count = header.getNum_values();
    byte[] page = decompressor.decompress(chunk, offset, compressed, uncompressed);
    if (count < 0 || (values.width() > 0 && (long) count * values.width() > uncompressed)
        || (values.width() < 0 && (long) count * 4 > uncompressed)) {
      throw ParquetData.corrupt("dictionary page states %d values in %d bytes", count,
          uncompressed);
    }
    // The page buffer is reused for the next page: the entries are copied out.
    PhysicalValues entries = new PhysicalValues(values.width());
    plainDecoder(page, 0, uncompressed).read(count, entries);
    dictionary = entries;
  }

  private boolean startDataPage(DataPageHeader header, int offset, int compressed,
      int uncompressed) {
    if (header == null) {
      throw ParquetData.corrupt("data page without its header");
    }
    int count = header.getNum_values();
    checkCount(count);
    if (count == 0) {
      return false;
    }
    if (selection != null) {
      startSelectedPage(count);
    }
    byte[] page = decompressor.decompress(chunk, offset, compressed, uncompressed);
    int at = 0;
    if (maxRepetitionLevel > 0) {
      // Repetition levels come first: a 4-byte length, then the RLE/bit-packed runs.
      Encoding levelEncoding = header.getRepetition_level_encoding();
      if (levelEncoding != Encoding.RLE) {
        throw ParquetData.unsupported("repetition levels encoded as %s (only RLE is read)",
            levelEncoding);
      }
      if (uncompressed < 4) {
        throw ParquetData.corrupt("data page too short for its repetition levels");
      }
      int length = (int) PhysicalValues.INT.get(page, 0);
      ParquetData.checkRange(4, length, uncompressed, "repetition levels");
      repetitionLevels = new RleBitPackedHybridDecoder(page, 4, 4 + length,
          repetitionBitWidth);
      at = 4 + length;
    }
    if (column.maxDefinitionLevel() > 0) {
      Encoding levelEncoding = header.getDefinition_level_encoding();
      if (levelEncoding != Encoding.RLE) {
        throw ParquetData.unsupported("definition levels encoded as %s (only RLE is read)",
            levelEncoding);
      }
      if (uncompressed - at < 4) {
        throw ParquetData.corrupt("data page too short for its definition levels");
      }
      int length = (int) PhysicalValues.INT.get(page, at);
      ParquetData.checkRange(at + 4, length, uncompressed, "definition levels");
      definitionLevels = new RleBitPackedHybridDecoder(page, at + 4, at + 4 + length,
          levelBitWidth);
      at = at + 4 + length;
    }
    valuesDecoder = decoder(header.getEncoding(), page, at, uncompressed, count);
    pageRemaining = count;
    valuesSeen += count;
    return true;
  }

  private boolean startDataPageV2(DataPageHeaderV2 header, int offset, int compressed,
      int uncompressed) {
    if (header == null) {
      throw ParquetData.corrupt("data page v2 without its header");
    }
    int count = header.getNum_values();
    checkCount(count);
    int repetitionBytes = header.getRepetition_levels_byte_length();
    int definitionBytes = header.getDefinition_levels_byte_length();
    long levelBytes = (long) repetitionBytes + definitionBytes;
    if (repetitionBytes < 0 || definitionBytes < 0 || levelBytes > compressed
        || levelBytes > uncompressed) {
      throw ParquetData.corrupt("data page v2 states %d level bytes in a page of %d",
          levelBytes, compressed);
    }
    if (count == 0) {
      return false;
    }
    if (selection != null) {
      startSelectedPage(count);
    }
    if (maxRepetitionLevel > 0) {
      repetitionLevels = new RleBitPackedHybridDecoder(chunk, offset, offset + repetitionBytes,
          repetitionBitWidth);
    }
    int levelsStart = offset + repetitionBytes;
    if (column.maxDefinitionLevel() > 0) {
      definitionLevels = new RleBitPackedHybridDecoder(chunk, levelsStart,
          levelsStart + definitionBytes, levelBitWidth);
    }
    int dataOffset = (int) (offset + levelBytes);
    int dataCompressed = (int) (compressed - levelBytes);
    int dataSize = (int) (uncompressed - levelBytes);
    if (header.isSetIs_compressed() && !header.isIs_compressed()) {
      if (dataCompressed != dataSize) {
        throw ParquetData.corrupt("uncompressed data page v2 has %d bytes but states %d",
            dataCompressed, dataSize);
      }
      // Decoded in place: the chunk outlives the page.
      valuesDecoder = decoder(header.getEncoding(), chunk, dataOffset, dataOffset + dataSize,
          count);
    } else {
      byte[] page = decompressor.decompress(chunk, dataOffset, dataCompressed, dataSize);
      valuesDecoder = decoder(header.getEncoding(), page, 0, dataSize, count);
    }
    pageRemaining = count;
    valuesSeen += count;
    return true;
  }

  /**
   * For nested leaves: the level entries of the current data page not yet read with
   * {@link #readLevels}, starting the next data page when the current one is used up; 0 at the
   * end of the chunk.
   */
  int levelsAvailable() {
    if (pageRemaining == 0) {
      if (valuesSeen >= totalValues) {
        return 0;
      }
      nextPage();
    }
    return pageRemaining;
  }

  /**
   * For nested leaves: reads the next {@code count} (at most {@link #levelsAvailable()})
   * repetition and definition levels of the current page into {@code repetition} and
   * {@code definition} from {@code offset} (zeros for a level the column does not have).
   */
  void readLevels(int[] repetition, int[] definition, int offset, int count) {
    if (count > pageRemaining) {
      throw new IllegalStateException("asked for " + count + " levels of a page with "
          + pageRemaining + " left");
    }
    if (maxRepetitionLevel > 0) {
      repetitionLevels.read(repetition, offset, count);
    } else {
      java.util.Arrays.fill(repetition, offset, offset + count, 0);
    }
    if (column.maxDefinitionLevel() > 0) {
      definitionLevels.read(definition, offset, count);
    } else {
      java.util.Arrays.fill(definition, offset, offset + count, 0);
    }
    pageRemaining -= count;
  }

  /**
   * For nested leaves: decodes the next {@code present} values of the current page and writes
   * {@code slots} leaf slots of {@code vector} from {@code start}: slot i holds a value when
   * {@code levels[i]} is the maximum definition level, else null ({@code levels} may be null
   * when every slot holds a value). The vector must have room for the slots.
   */
  void writeValues(int present, FieldVector vector, int start, int slots, int[] levels) {
    values.clear();
    if (present > 0) {
      valuesDecoder.read(present, values);
    }
    writer.write(vector, start, slots, levels, column.maxDefinitionLevel(), values);
  }

  private void checkCount(int count) {
    if (count < 0 || count > totalValues - valuesSeen) {
      throw ParquetData.corrupt("data page states %d values but the column chunk has %d left",
          count, totalValues - valuesSeen);
    }
  }

  private ValuesDecoder plainDecoder(byte[] page, int from, int to) {
    Type type = column.physicalType();
    if (type == Type.BOOLEAN) {
      return new PlainBooleanDecoder(page, from, to);
    }
    if (type == Type.BYTE_ARRAY) {
      return new PlainByteArrayDecoder(page, from, to);
    }
    return new PlainFixedWidthDecoder(page, from, to, values.width());
  }

  private ValuesDecoder decoder(Encoding encoding, byte[] page, int from, int to, int count) {
    Type type = column.physicalType();
    if (encoding == null) {
      throw ParquetData.unsupported("data page encoding with an unknown id");
    }
    if (from >= to) {
      // A page of nulls may carry no value bytes at all, whatever its encoding.
      return (n, out) -> {
        if (n > 0) {
          throw ParquetData.corrupt("data page has no value bytes but %d values were asked for",
              n);
        }
      };
    }
    switch (encoding) {
      case PLAIN:
        return plainDecoder(page, from, to);
      case PLAIN_DICTIONARY:
      case RLE_DICTIONARY:
        return new DictionaryDecoder(dictionary, page, from, to);
      case RLE:
        if (type == Type.BOOLEAN) {
          return new RleBooleanDecoder(page, from, to);
        }
        break;
      case DELTA_BINARY_PACKED:
        if (type == Type.INT32 || type == Type.INT64) {
          return new DeltaBinaryPackedDecoder(page, from, to, values.width(), count);
        }
        break;
      case DELTA_LENGTH_BYTE_ARRAY:
        if (type == Type.BYTE_ARRAY) {
          return new DeltaLengthByteArrayDecoder(page, from, to, count);
        }
        break;
      case DELTA_BYTE_ARRAY:
        if (type == Type.BYTE_ARRAY || type == Type.FIXED_LEN_BYTE_ARRAY) {
          return new DeltaByteArrayDecoder(page, from, to,
              type == Type.BYTE_ARRAY ? -1 : values.width(), count);
        }
        break;
      case BYTE_STREAM_SPLIT:
        if (values.width() > 0 && type != Type.BOOLEAN && type != Type.INT96) {
          return new ByteStreamSplitDecoder(page, from, to, values.width());
        }
        break;
      default:
        break;
    }
    throw ParquetData.unsupported("encoding %s for %s values is not supported", encoding, type);
  }

  /** A byte-array stream that tells how far a Thrift read went. */
  private static final class PositionedStream extends ByteArrayInputStream {
    PositionedStream(byte[] data, int offset, int length) {
      super(data, offset, length);
    }

    int position() {
      return pos;
    }
  }
}
