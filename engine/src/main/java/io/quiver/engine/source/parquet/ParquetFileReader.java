package io.quiver.engine.source.parquet;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.SchemaElement;

/**
 * The public face of Quiver's Parquet reader for other modules (the Delta table provider): open
 * a file, list its top-level columns with their names, Arrow fields and Parquet field ids, and
 * read a projection batch by batch into {@link VectorSchemaRoot}s, each with the file row index
 * of its first row. Every row group is read (no statistics pruning), so row indexes are the
 * positions of the rows in the file.
 */
public final class ParquetFileReader {

  /**
   * One top-level column of the file.
   *
   * @param index position among the file's top-level columns (what {@link #read} takes)
   * @param name the column name in the file
   * @param field the Arrow field the reader produces for it
   * @param fieldId the Parquet {@code field_id} of the column, or null when the file has none
   */
  public record Column(int index, String name, Field field, Integer fieldId) {}

  private final Path file;
  private final long rowCount;
  private final Schema schema;
  private final List<Column> columns;

  private ParquetFileReader(Path file, ParquetFooter footer) {
    this.file = file;
    long rows = 0;
    for (var group : footer.rowGroups()) {
      rows += Math.max(0, group.getNum_rows());
    }
    this.rowCount = rows;
    this.schema = footer.schema();
    List<Integer> ids = topLevelFieldIds(footer.metadata().getSchema());
    List<Column> list = new ArrayList<>();
    for (int i = 0; i < footer.columns().size(); i++) {
      ParquetColumn column = footer.columns().get(i);
      list.add(new Column(i, column.name(), column.field(), i < ids.size() ? ids.get(i) : null));
    }
    this.columns = List.copyOf(list);
  }

  /**
   * Reads the footer of {@code file}.
   *
   * @throws QuiverException IO when the file cannot be read, DATA when it is not Parquet or is
   *     corrupt, UNSUPPORTED for encrypted files; the context names the file
   */
  public static ParquetFileReader open(Path file) {
    Objects.requireNonNull(file, "file is null");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new ParquetFileReader(file, ParquetFooter.read(channel));
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, "file " + file, e);
    } catch (RuntimeException e) {
      throw QuiverException.wrap(ErrorKind.DATA, "file " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  /** Rows in the file (the sum over its row groups). */
  public long rowCount() {
    return rowCount;
  }

  /** The Arrow schema of all top-level columns. */
  public Schema schema() {
    return schema;
  }

  /** The top-level columns in file order. */
  public List<Column> columns() {
    return columns;
  }

  /**
   * Starts reading the columns at {@code columnIndexes} (positions in {@link #columns()}, in
   * output order) in batches of about {@code batchSize} rows allocated in {@code allocator}.
   */
  public Batches read(int[] columnIndexes, BufferAllocator allocator, int batchSize) {
    ScanRequest request = ScanRequest.of(columnIndexes, batchSize);
    return new Batches(new ParquetTableScan(file, schema, request, false, batchSize, allocator));
  }

  /** The batches of one {@link #read}; close it to release the file. */
  public static final class Batches implements AutoCloseable {
    private final ParquetTableScan scan;
    private long rowsRead;
    private long startRowIndex = -1;

    private Batches(ParquetTableScan scan) {
      this.scan = scan;
    }

    /** The next batch (the caller owns and closes it), or null at the end of the file. */
    public VectorSchemaRoot next() {
      VectorSchemaRoot root = scan.next();
      if (root != null) {
        startRowIndex = rowsRead;
        rowsRead += root.getRowCount();
      }
      return root;
    }

    /** The file row index of the first row of the batch {@link #next} returned last. */
    public long startRowIndex() {
      return startRowIndex;
    }

    @Override
    public void close() {
      scan.close();
    }
  }

  /** The field ids of the root's children, in order (null where unset). */
  private static List<Integer> topLevelFieldIds(List<SchemaElement> elements) {
    List<Integer> ids = new ArrayList<>();
    if (elements == null || elements.isEmpty()) {
      return ids;
    }
    int children = elements.get(0).isSetNum_children() ? elements.get(0).getNum_children() : 0;
    int cursor = 1;
    for (int i = 0; i < children && cursor < elements.size(); i++) {
      SchemaElement element = elements.get(cursor);
      ids.add(element.isSetField_id() ? element.getField_id() : null);
      cursor = skipSubtree(elements, cursor);
    }
    return ids;
  }

  /** The index just past the subtree rooted at {@code at}. */
  private static int skipSubtree(List<SchemaElement> elements, int at) {
    int pending = 1;
    int cursor = at;
    while (pending > 0 && cursor < elements.size()) {
      SchemaElement element = elements.get(cursor++);
      pending--;
      if (element.isSetNum_children()) {
        pending += element.getNum_children();
      }
    }
    return cursor;
  }
}
