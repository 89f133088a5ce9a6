package io.quiver.engine.source.parquet;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
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
    FileChannel opened = null;
    try {
      opened = FileChannel.open(file, StandardOpenOption.READ);
      this.channel = opened;
      this.footer = ParquetFooter.read(opened);
      List<Field> fields = schema.getFields();
      ParquetColumn[] bySchemaIndex = new ParquetColumn[fields.size()];
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

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "next() on a closed Parquet scan (a bug)");
    }
    if (limitLeft <= 0) {
      return null;
    }
    if (rowsLeftInGroup == 0) {
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
        if (readers[c] instanceof NestedColumnReader) {
          NestedVectors.setInitialCapacity(vector, rows);
        } else {
          vector.setInitialCapacity(rows);
        }
        vector.allocateNew();
        if (readers[c] != null) {
          columnName = projected[c].name();
          readers[c].read(rows, vector, 0);
        }
        vector.setValueCount(rows);
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

  private void openRowGroup(RowGroupUnit unit) {
    String columnName = null;
    try {
      RowGroup group = footer.rowGroups().get(unit.rowGroup());
      List<ColumnChunk> chunks = group.getColumns();
      for (int c = 0; c < projected.length; c++) {
        readers[c] = null;
      }
      for (int c = 0; c < projected.length; c++) {
        ParquetColumn column = projected[c];
        if (column == null) {
          continue;
        }
        columnName = column.name();
        readers[c] = open(column, chunks, unit);
      }
      rowsLeftInGroup = unit.rows();
    } catch (Throwable e) {
      throw failure(e, unit.rowGroup(), columnName);
    }
  }

  private ColumnReader open(ParquetColumn column, List<ColumnChunk> chunks, RowGroupUnit unit)
      throws IOException {
    if (column.conversion() == Conversion.STRUCT) {
      List<ColumnReader> fields = new ArrayList<>();
      for (ParquetColumn field : column.children()) {
        fields.add(open(field, chunks, unit));
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
    long start = metadata.getData_page_offset();
    if (metadata.isSetDictionary_page_offset() && metadata.getDictionary_page_offset() > 0
        && metadata.getDictionary_page_offset() < start) {
      start = metadata.getDictionary_page_offset();
    }
    long size = metadata.getTotal_compressed_size();
    if (size > Integer.MAX_VALUE - 16) {
      throw ParquetData.unsupported("column chunk of %d bytes (2 GB or more)", size);
    }
    ParquetData.checkRange(start, size, footer.fileSize(), "column chunk of " + column.path());
    byte[] bytes = ParquetFooter.readFully(channel, start, (int) size);
    return new ColumnChunkReader(column, metadata, bytes, maxRepetitionLevel);
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
