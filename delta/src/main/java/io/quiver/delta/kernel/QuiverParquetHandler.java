package io.quiver.delta.kernel;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.engine.ParquetHandler;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.MetadataColumnSpec;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.quiver.engine.source.parquet.ParquetFileReader;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel's {@link ParquetHandler} on Quiver's own Parquet reader ({@link ParquetFileReader}):
 * reads only the requested top-level columns, matched by Parquet field id when the Kernel field
 * carries {@value #FIELD_ID_KEY} metadata and the file has ids, else by name (exact, then
 * ignoring case); requested columns the file lacks read as nulls; the row-index metadata column
 * is the position of each row in its file. Batches are Arrow-backed {@link ArrowColumnarBatch}es
 * whose memory is released when the iterator moves to the next batch or closes; iterators left
 * open are closed by {@link #closeAll}. Writing is not supported (Quiver reads Delta tables).
 */
public final class QuiverParquetHandler implements ParquetHandler {
  private static final Logger LOG = LoggerFactory.getLogger(QuiverParquetHandler.class);
  /** The field metadata key Delta column mapping uses for the Parquet field id. */
  public static final String FIELD_ID_KEY = "parquet.field.id";

  private final BufferAllocator allocator;
  private final int batchSize;
  private final Set<BatchIterator> open = ConcurrentHashMap.newKeySet();

  QuiverParquetHandler(BufferAllocator allocator, int batchSize) {
    this.allocator = allocator;
    this.batchSize = Math.max(1, batchSize);
  }

  /**
   * Kernel's own reads (checkpoints, sidecars): each batch is copied onto the heap
   * ({@link HeapColumnVector}) and its Arrow memory released at once, because Kernel keeps
   * references into log batches after it has moved past them.
   */
  @Override
  public CloseableIterator<FileReadResult> readParquetFiles(CloseableIterator<FileStatus> files,
      StructType physicalSchema, Optional<Predicate> predicate) {
    BatchIterator iterator = new BatchIterator(files, physicalSchema, true);
    open.add(iterator);
    return iterator;
  }

  /**
   * Quiver's data-file reads: Arrow-backed batches ({@link ArrowColumnVector}s over the Parquet
   * reader's vectors), each valid until the iterator moves on or closes; a consumer may transfer
   * the vectors out before that.
   */
  public CloseableIterator<FileReadResult> readArrowBatches(CloseableIterator<FileStatus> files,
      StructType physicalSchema) {
    BatchIterator iterator = new BatchIterator(files, physicalSchema, false);
    open.add(iterator);
    return iterator;
  }

  /** Closes every iterator Kernel left open (releasing its current batch). */
  public void closeAll() {
    for (BatchIterator iterator : List.copyOf(open)) {
      LOG.debug("closing a Parquet iterator Kernel left open");
      iterator.close();
    }
  }

  @Override
  public CloseableIterator<DataFileStatus> writeParquetFiles(String directory,
      CloseableIterator<FilteredColumnarBatch> data, List<Column> statsColumns) {
    throw new UnsupportedOperationException("Quiver does not write Parquet files for Delta");
  }

  @Override
  public void writeParquetFileAtomically(String filePath,
      CloseableIterator<FilteredColumnarBatch> data) {
    throw new UnsupportedOperationException("Quiver does not write Parquet files for Delta");
  }

  /** True for Kernel's row-index metadata column. */
  static boolean isRowIndex(StructField field) {
    return field.isMetadataColumn()
        && field.getMetadataColumnSpec() == MetadataColumnSpec.ROW_INDEX;
  }

  /** The file's column for a requested field, or null when the file does not have it. */
  static ParquetFileReader.Column match(List<ParquetFileReader.Column> columns,
      StructField field) {
    if (field.getMetadata().contains(FIELD_ID_KEY)) {
      Object id = field.getMetadata().get(FIELD_ID_KEY);
      if (id instanceof Number number) {
        for (ParquetFileReader.Column column : columns) {
          if (column.fieldId() != null && column.fieldId() == number.intValue()) {
            return column;
          }
        }
      }
    }
    for (ParquetFileReader.Column column : columns) {
      if (column.name().equals(field.getName())) {
        return column;
      }
    }
    for (ParquetFileReader.Column column : columns) {
      if (column.name().equalsIgnoreCase(field.getName())) {
        return column;
      }
    }
    return null;
  }

  /** The batches of a sequence of files, one file at a time. */
  private final class BatchIterator implements CloseableIterator<FileReadResult> {
    private final CloseableIterator<FileStatus> files;
    private final StructType schema;
    private final boolean heap;
    private String path;
    private ParquetFileReader.Batches batches;
    /** For each requested field: its position in the read projection, -1 missing, -2 index. */
    private int[] slots;
    private VectorSchemaRoot current;
    private VectorSchemaRoot pending;
    private boolean closed;

    BatchIterator(CloseableIterator<FileStatus> files, StructType schema, boolean heap) {
      this.files = files;
      this.schema = schema;
      this.heap = heap;
    }

    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (pending != null) {
        return true;
      }
      releaseCurrent();
      while (true) {
        if (batches != null) {
          pending = batches.next();
          if (pending != null) {
            return true;
          }
          batches.close();
          batches = null;
        }
        if (!files.hasNext()) {
          return false;
        }
        openFile(files.next());
      }
    }

    private void openFile(FileStatus status) {
      path = status.getPath();
      try {
        ParquetFileReader reader = ParquetFileReader.open(LocalPaths.toPath(path));
        List<ParquetFileReader.Column> columns = reader.columns();
        Map<Integer, Integer> projection = new LinkedHashMap<>();
        slots = new int[schema.length()];
        for (int i = 0; i < schema.length(); i++) {
          StructField field = schema.at(i);
          if (isRowIndex(field)) {
            slots[i] = -2;
            continue;
          }
          ParquetFileReader.Column column = match(columns, field);
          if (column == null) {
            slots[i] = -1;
          } else {
            slots[i] = projection.computeIfAbsent(column.index(), k -> projection.size());
          }
        }
        int[] indexes = new int[projection.size()];
        for (Map.Entry<Integer, Integer> entry : projection.entrySet()) {
          indexes[entry.getValue()] = entry.getKey();
        }
        batches = reader.read(indexes, allocator, batchSize);
      } catch (RuntimeException e) {
        // ParquetFileReader's errors already name the file
        throw QuiverException.wrap(ErrorKind.DATA, null, e);
      }
    }

    @Override
    public FileReadResult next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      current = pending;
      pending = null;
      int rows = current.getRowCount();
      List<ColumnVector> vectors = new ArrayList<>(schema.length());
      for (int i = 0; i < schema.length(); i++) {
        StructField field = schema.at(i);
        int slot = slots[i];
        if (slot == -2) {
          vectors.add(new RowIndexColumnVector(batches.startRowIndex(), rows));
        } else if (slot == -1) {
          vectors.add(new NullColumnVector(field.getDataType(), rows));
        } else {
          vectors.add(new ArrowColumnVector(field.getDataType(), current.getVector(slot), 0,
              rows));
        }
      }
      if (heap) {
        try {
          vectors.replaceAll(HeapColumnVector::copyOf);
        } finally {
          releaseCurrent();
        }
      }
      ColumnarBatch batch = new ArrowColumnarBatch(schema, vectors, rows);
      return new FileReadResult(batch, path);
    }

    private void releaseCurrent() {
      if (current != null) {
        current.close();
        current = null;
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      open.remove(this);
      releaseCurrent();
      if (pending != null) {
        pending.close();
        pending = null;
      }
      if (batches != null) {
        batches.close();
        batches = null;
      }
      try {
        files.close();
      } catch (java.io.IOException e) {
        LOG.debug("closing the file list failed", e);
      }
    }
  }
}
