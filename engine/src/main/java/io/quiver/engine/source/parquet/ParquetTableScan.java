package io.quiver.engine.source.parquet;

import io.quiver.engine.exec.batch.UnzeroedAllocation;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming scan of one Parquet file: row group by row group ({@link RowGroupUnit}s,
 * skipping those the statistics rule out), batch by batch, decoding only the projected column
 * chunks, which are the only data held in memory (compressed) besides the current page and
 * batch. Stops at the request's limit.
 *
 * <p>With pruning on and predicates pushed, a row group the statistics let through is narrowed
 * by its page index ({@link PageFilter}) when it opens: only the selected rows are returned,
 * aligned across columns. Each projected column then holds only its data pages that overlap
 * those rows (the others are neither read from disk nor decoded) and skips the unselected rows
 * of a partly selected page. When a projected column cannot read selectively (a repeated
 * column, or a chunk without an offset index) the whole row group is read. {@link
 * #pagesSkipped()} and {@link #rowsSkipped()} count what was left out.
 */
final class ParquetTableScan implements TableScan {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetTableScan.class);

  private final Path file;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final FileChannel channel;
  private final ParquetFooter footer;
  private final List<Field> outputFields = new ArrayList<>();
  /** The file's column for each projected output column, or null when the file lacks it. */
  private final ParquetColumn[] projected;
  private final List<RowGroupUnit> units = new ArrayList<>();
  private final ColumnReader[] readers;
  private final boolean pruning;
  private final List<ColumnPredicate> predicates;
  /** The file's column for each column of the table's schema (null when the file lacks it). */
  private final ParquetColumn[] bySchemaIndex;
  /**
   * Per leaf column, the page decompressor of its chunks and the row group it last served: its
   * page buffer serves every row group instead of a new one per chunk (a chunk is read to its
   * end before the next row group opens). A column read twice in one row group gets a second,
   * unshared decompressor: two live readers never share a page buffer.
   */
  private final java.util.Map<ParquetColumn, PageDecompressor> decompressors =
      new java.util.HashMap<>();
  private final java.util.Map<ParquetColumn, Integer> decompressorRowGroup =
      new java.util.HashMap<>();
  /** Row groups opened so far: identifies the current one. */
  private int rowGroupsOpened;
  /** Chunk buffers kept from one row group to the next ({@link #chunkBuffer}). */
  private byte[][] chunkBuffers = new byte[0][];
  private int chunkBuffersUsed;
  private long pagesSkipped;
  private long rowsSkipped;
  private long limitLeft;
  private int nextUnit;
  private RowGroupUnit current;
  private long rowsLeftInGroup;
  private boolean closed;

  ParquetTableScan(Path file, Schema schema, ScanRequest request, boolean pruning,
      int batchSize, BufferAllocator allocator) {
    this.file = file;
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
    this.limitLeft = request.limit() < 0 ? Long.MAX_VALUE : request.limit();
    this.pruning = pruning;
    this.predicates = request.predicates();
    FileChannel opened = null;
    try {
      opened = FileChannel.open(file, StandardOpenOption.READ);
      this.channel = opened;
      this.footer = ParquetFooter.read(opened);
      List<Field> fields = schema.getFields();
      bySchemaIndex = new ParquetColumn[fields.size()];
      for (int i = 0; i < fields.size(); i++) {
        bySchemaIndex[i] = find(fields.get(i).getName());
      }
      int[] projection = request.projection();
      projected = new ParquetColumn[projection.length];
      for (int p = 0; p < projection.length; p++) {
        Field wanted = fields.get(projection[p]);
        ParquetColumn column = bySchemaIndex[projection[p]];
        if (column != null) {
          if (column.nested() && column.shape() == null) {
            throw ParquetData.unsupported("column %s has Parquet type %s, which Quiver cannot"
                + " read yet; leave it out of the query", column.path(),
                column.description()).withContext("column " + column.name());
          }
          if (!sameTypes(column.field(), wanted)) {
            throw new QuiverException(ErrorKind.DATA, "column " + wanted.getName() + " is "
                + column.field().getType() + " in this file but " + wanted.getType()
                + " in the table's schema").withContext("column " + column.name());
          }
        }
        projected[p] = column;
        outputFields.add(wanted);
      }
      readers = new ColumnReader[projection.length];
      List<RowGroup> groups = footer.rowGroups();
      for (int g = 0; g < groups.size(); g++) {
        RowGroup group = groups.get(g);
        if (group.getNum_rows() < 0) {
          throw ParquetData.corrupt("row group %d states %d rows", g, group.getNum_rows());
        }
        if (group.getNum_rows() == 0) {
          continue;
        }
        if (pruning && !request.predicates().isEmpty()
            && !StatisticsPruner.mayMatch(group, request.predicates(), bySchemaIndex)) {
          LOG.debug("{}: row group {} skipped by statistics", file, g);
          continue;
        }
        units.add(new RowGroupUnit(file, g, group.getNum_rows()));
      }
    } catch (Throwable e) {
      closeQuietly(opened);
      throw failure(e, -1, null);
    }
  }

  /** True when two fields have the same type tree (names and nullability aside). */
  private static boolean sameTypes(Field file, Field wanted) {
    if (!file.getType().equals(wanted.getType())
        || file.getChildren().size() != wanted.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < file.getChildren().size(); i++) {
      if (!sameTypes(file.getChildren().get(i), wanted.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  private ParquetColumn find(String name) {
    for (ParquetColumn column : footer.columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    for (ParquetColumn column : footer.columns()) {
      if (column.name().equalsIgnoreCase(name)) {
        return column;
      }
    }
    return null;
  }

  /** The row groups this scan reads, after pruning. */
  List<RowGroupUnit> units() {
    return List.copyOf(units);
  }

  /**
   * Data pages of projected columns left unread so far because the page index ruled out all
   * their rows (in row groups read in part).
   */
  long pagesSkipped() {
    return pagesSkipped;
  }

  /**
   * Rows left out so far because the page index ruled them out, in row groups the statistics
   * let through (whole row groups included).
   */
  long rowsSkipped() {
    return rowsSkipped;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "next() on a closed Parquet scan (a bug)");
    }
    if (limitLeft <= 0) {
      return null;
    }
    while (rowsLeftInGroup == 0) {
      if (nextUnit >= units.size()) {
        return null;
      }
      current = units.get(nextUnit++);
      openRowGroup(current);
    }
    int rows = (int) Math.min(Math.min(batchSize, rowsLeftInGroup), limitLeft);
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(outputFields), allocator);
    String columnName = null;
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      for (int c = 0; c < vectors.size(); c++) {
        FieldVector vector = vectors.get(c);
        // a flat fixed-width column read from the file has each row's value or NULL written,
        // so its values need no clearing first; NULL rows get zeros after the read
        boolean unzeroed = readers[c] != null && !(readers[c] instanceof NestedColumnReader)
            && vector instanceof BaseFixedWidthVector;
        if (unzeroed) {
          UnzeroedAllocation.allocate((BaseFixedWidthVector) vector, rows);
        } else {
          if (readers[c] instanceof NestedColumnReader) {
            NestedVectors.setInitialCapacity(vector, rows);
          } else {
            vector.setInitialCapacity(rows);
          }
          vector.allocateNew();
        }
        if (readers[c] != null) {
          columnName = projected[c].name();
          readers[c].read(rows, vector, 0);
        }
        vector.setValueCount(rows);
        if (unzeroed) {
          UnzeroedAllocation.clearNullValues((BaseFixedWidthVector) vector, rows);
        }
      }
      root.setRowCount(rows);
    } catch (Throwable e) {
      root.close();
      throw failure(e, current.rowGroup(), columnName);
    }
    rowsLeftInGroup -= rows;
    limitLeft -= rows;
    return root;
  }

  /**
   * Opens the projected columns of a row group; sets {@link #rowsLeftInGroup} to the rows it
   * returns (0 when the page index rules out every row).
   */
  private void openRowGroup(RowGroupUnit unit) {
    rowGroupsOpened++;
    chunkBuffersUsed = 0;
    String columnName = null;
    try {
      RowGroup group = footer.rowGroups().get(unit.rowGroup());
      List<ColumnChunk> chunks = group.getColumns();
      for (int c = 0; c < projected.length; c++) {
        readers[c] = null;
      }
      RowRanges selected = null;
      Map<Integer, PageIndex> pages = new HashMap<>();
      if (pruning && !predicates.isEmpty()) {
        selected = PageFilter.select(channel, footer, group, predicates, bySchemaIndex, pages);
        if (selected.isEmpty()) {
          LOG.debug("{}: row group {} skipped by the page index", file, unit.rowGroup());
          rowsSkipped += unit.rows();
          rowsLeftInGroup = 0;
          return;
        }
        if (selected.rowCount() == unit.rows()) {
          selected = null;
        } else {
          if (!readOffsetIndexes(chunks, unit, pages)) {
            LOG.debug("{}: row group {} read whole: a projected column cannot skip pages",
                file, unit.rowGroup());
            selected = null;
          }
        }
      }
      for (int c = 0; c < projected.length; c++) {
        ParquetColumn column = projected[c];
        if (column == null) {
          continue;
        }
        columnName = column.name();
        readers[c] = open(column, chunks, unit, selected, pages);
      }
      rowsLeftInGroup = selected == null ? unit.rows() : selected.rowCount();
      if (selected != null) {
        rowsSkipped += unit.rows() - rowsLeftInGroup;
        LOG.debug("{}: row group {} reads rows {} by the page index", file, unit.rowGroup(),
            selected);
      }
    } catch (Throwable e) {
      throw failure(e, unit.rowGroup(), columnName);
    }
  }

  /**
   * Puts the offset index of every projected leaf chunk into {@code pages} (by chunk index;
   * those already there are kept); false when one of them cannot be read selectively (a
   * repeated column, or no offset index).
   */
  private boolean readOffsetIndexes(List<ColumnChunk> chunks, RowGroupUnit unit,
      Map<Integer, PageIndex> pages) throws IOException {
    List<ParquetColumn> leaves = new ArrayList<>();
    for (ParquetColumn column : projected) {
      if (column != null) {
        collectLeaves(column, leaves);
      }
    }
    for (ParquetColumn leaf : leaves) {
      if (leaf.shape() != null || leaf.nested() || chunks == null
          || leaf.chunkIndex() >= chunks.size()) {
        return false;
      }
      if (!pages.containsKey(leaf.chunkIndex())) {
        try {
          pages.put(leaf.chunkIndex(), PageIndex.read(channel, footer.fileSize(),
              chunks.get(leaf.chunkIndex()), unit.rows(), false));
        } catch (QuiverException e) {
          throw e.withContext("column " + leaf.name());
        }
      }
      if (pages.get(leaf.chunkIndex()) == null) {
        return false;
      }
    }
    return true;
  }

  private static void collectLeaves(ParquetColumn column, List<ParquetColumn> leaves) {
    if (column.conversion() == Conversion.STRUCT) {
      for (ParquetColumn field : column.children()) {
        collectLeaves(field, leaves);
      }
    } else {
      leaves.add(column);
    }
  }

  private ColumnReader open(ParquetColumn column, List<ColumnChunk> chunks, RowGroupUnit unit,
      RowRanges selected, Map<Integer, PageIndex> pages) throws IOException {
    if (column.conversion() == Conversion.STRUCT) {
      List<ColumnReader> fields = new ArrayList<>();
      for (ParquetColumn field : column.children()) {
        fields.add(open(field, chunks, unit, selected, pages));
      }
      return new StructColumnReader(fields, column.maxDefinitionLevel());
    }
    if (column.shape() != null) {
      List<NestedShape> leaves = new ArrayList<>();
      column.shape().collectLeaves(leaves);
      List<NestedLeafReader> readers = new ArrayList<>(leaves.size());
      for (NestedShape leaf : leaves) {
        ColumnChunkReader chunk = chunkReader(leaf.leaf(), chunks, unit, leaf.maxRepetition());
        readers.add(new NestedLeafReader(chunk, leaf,
            minimumDefinitions(column.shape(), leaf.firstLeaf())));
      }
      return new NestedColumnReader(column.shape(), readers, unit.rows());
    }
    if (selected != null) {
      return selectedChunkReader(column, chunks, selected, pages.get(column.chunkIndex()));
    }
    return chunkReader(column, chunks, unit, 0);
  }

  /**
   * For the leaf with index {@code leaf}: by repetition level r, the definition level of the
   * list element that r repeats (the levels a valid entry repeating at r must reach).
   */
  private static int[] minimumDefinitions(NestedShape node, int leaf) {
    List<NestedShape> path = new ArrayList<>();
    NestedShape current = node;
    while (current.kind() != NestedShape.Kind.LEAF) {
      path.add(current);
      NestedShape next = null;
      for (NestedShape child : current.children()) {
        if (child.firstLeaf() <= leaf) {
          next = child;
        }
      }
      current = next;
    }
    int[] minimum = new int[current.maxRepetition() + 1];
    for (NestedShape ancestor : path) {
      if (ancestor.kind() == NestedShape.Kind.LIST) {
        minimum[ancestor.elementRepetition()] = ancestor.elementDefinition();
      }
    }
    return minimum;
  }

  private ColumnChunkReader chunkReader(ParquetColumn column, List<ColumnChunk> chunks,
      RowGroupUnit unit, int maxRepetitionLevel) throws IOException {
    if (chunks == null || column.chunkIndex() >= chunks.size()) {
      throw ParquetData.corrupt("row group has %d column chunks, column %s needs chunk %d",
          chunks == null ? 0 : chunks.size(), column.path(), column.chunkIndex());
    }
    ColumnChunk chunk = chunks.get(column.chunkIndex());
    ColumnMetaData metadata = chunk.getMeta_data();
    if (metadata == null) {
      throw ParquetData.unsupported("column chunk of %s without inline metadata (stored in a"
          + " separate file %s)", column.path(), chunk.getFile_path());
    }
    if (metadata.getNum_values() < unit.rows()) {
      throw ParquetData.corrupt("column chunk of %s has %d values for %d rows", column.path(),
          metadata.getNum_values(), unit.rows());
    }
    long start = PageIndex.chunkStart(metadata);
    long size = metadata.getTotal_compressed_size();
    if (size > Integer.MAX_VALUE - 16) {
      throw ParquetData.unsupported("column chunk of %d bytes (2 GB or more)", size);
    }
    ParquetData.checkRange(start, size, footer.fileSize(), "column chunk of " + column.path());
    byte[] bytes = chunkBuffer((int) size);
    ParquetFooter.readFully(channel, start, bytes, 0, (int) size);
    return new ColumnChunkReader(column, metadata, bytes, (int) size, maxRepetitionLevel,
        decompressor(column, metadata));
  }

  /**
   * The next chunk buffer of the row group being opened, with room for {@code size} bytes: the
   * i-th chunk read for a row group reuses the i-th buffer of the one before (whose readers are
   * done by then), so a scan allocates (and the JVM clears) chunk-sized arrays once per
   * column, not once per row group.
   */
  private byte[] chunkBuffer(int size) {
    int slot = chunkBuffersUsed++;
    if (slot == chunkBuffers.length) {
      chunkBuffers = java.util.Arrays.copyOf(chunkBuffers, Math.max(4, slot * 2));
    }
    byte[] buffer = chunkBuffers[slot];
    if (buffer == null || buffer.length < size) {
      // a little headroom: the chunks of one column differ in size from group to group
      buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 16, size + (long) size / 8)];
      chunkBuffers[slot] = buffer;
    }
    return buffer;
  }

  /**
   * A reader of the rows {@code selected} of a flat column whose chunk has the offset index
   * {@code pages}: reads from disk only what precedes the first data page (the dictionary) and
   * the data pages that overlap the selected rows, merging neighbouring pages into one read.
   */
  private ColumnChunkReader selectedChunkReader(ParquetColumn column, List<ColumnChunk> chunks,
      RowRanges selected, PageIndex pages) throws IOException {
    ColumnMetaData metadata = chunks.get(column.chunkIndex()).getMeta_data();
    long start = PageIndex.chunkStart(metadata);
    long prefix = pages.offset(0) - start;
    boolean[] read = new boolean[pages.pageCount()];
    int included = 0;
    long bytes = prefix;
    for (int page = 0; page < read.length; page++) {
      read[page] = selected.overlaps(pages.firstRow(page), pages.endRow(page));
      if (read[page]) {
        included++;
        bytes += pages.size(page);
      }
    }
    if (bytes > Integer.MAX_VALUE - 16) {
      throw ParquetData.unsupported("column chunk of %d bytes (2 GB or more)", bytes);
    }
    byte[] chunk = new byte[(int) bytes];
    long[] firstRows = new long[included];
    long[] endRows = new long[included];
    ParquetFooter.readFully(channel, start, chunk, 0, (int) prefix);
    int at = (int) prefix;
    int next = 0;
    int page = 0;
    while (page < read.length) {
      if (!read[page]) {
        page++;
        continue;
      }
      // One read for this page and the read pages that follow it directly in the file.
      long runStart = pages.offset(page);
      int runBytes = 0;
      do {
        firstRows[next] = pages.firstRow(page);
        endRows[next] = pages.endRow(page);
        next++;
        runBytes += pages.size(page);
        page++;
      } while (page < read.length && read[page] && pages.offset(page) == runStart + runBytes);
      ParquetFooter.readFully(channel, runStart, chunk, at, runBytes);
      at += runBytes;
    }
    pagesSkipped += read.length - included;
    ColumnChunkReader reader = new ColumnChunkReader(column, metadata, chunk, 0,
        decompressor(column, metadata));
    reader.select(selected, firstRows, endRows);
    return reader;
  }

  /** The column's decompressor for chunks in {@code metadata}'s codec (kept per column). */
  private PageDecompressor decompressor(ParquetColumn column, ColumnMetaData metadata) {
    Integer servedRowGroup = decompressorRowGroup.put(column, rowGroupsOpened);
    if (servedRowGroup != null && servedRowGroup == rowGroupsOpened) {
      return new PageDecompressor(metadata.getCodec()); // a second reader of this column
    }
    PageDecompressor known = decompressors.get(column);
    if (known == null || known.codec() != metadata.getCodec()) {
      known = new PageDecompressor(metadata.getCodec());
      decompressors.put(column, known);
    }
    return known;
  }

  private QuiverException failure(Throwable error, int rowGroup, String column) {
    QuiverException result;
    if (error instanceof QuiverException quiver) {
      result = quiver;
    } else if (error instanceof IOException) {
      result = QuiverException.wrap(ErrorKind.IO, null, error);
    } else {
      result = QuiverException.wrap(ErrorKind.DATA, null, error);
    }
    if (column != null && !result.context().contains("column " + column)) {
      result.withContext("column " + column);
    }
    if (rowGroup >= 0) {
      result.withContext("row group " + rowGroup);
    }
    return result.withContext("file " + file);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing a Parquet file failed", e);
      }
    }
  }
}
