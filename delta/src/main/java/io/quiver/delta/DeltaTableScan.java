package io.quiver.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.delta.kernel.KernelToArrow;
import io.quiver.delta.kernel.LocalPaths;
import io.quiver.delta.kernel.QuiverKernelEngine;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scan of one Delta snapshot, the way Kernel's reader contract describes it: Kernel lists the
 * active data files ({@link Scan#getScanFiles}), Quiver's Parquet handler reads each file's
 * physical columns (with the row-index column when deletion vectors need it), and
 * {@link Scan#transformPhysicalData} adds partition values, applies column mapping and turns
 * deletion vectors into a selection vector. Each resulting batch becomes an Arrow batch of the
 * projected columns ({@link KernelToArrow}: zero-copy for columns that came straight from
 * Parquet when no row is deleted). Only the projected columns are read.
 *
 * <p>The request's predicates become Kernel's scan filter ({@link DeltaPredicates}; not with
 * {@code enable_parquet_pushdown} false), so Kernel lists only the files that may hold matching
 * rows; the {@code files} option skips the others; the request's limit stops the scan once that
 * many rows are returned. Columns with one value per data file (partition columns and the
 * {@code file_column_name} column) are built once per file and shared by its batches when
 * {@code wrap_partition_values} is true (the default).
 */
final class DeltaTableScan implements TableScan {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTableScan.class);

  private final String call;
  private final long version;
  private final BufferAllocator allocator;
  private final QuiverKernelEngine engine;
  private final List<Field> outputFields = new ArrayList<>();
  /** The Delta field of each output column; null for the file column. */
  private final List<StructField> outputDeltaFields = new ArrayList<>();
  /** Whether each output column holds one value per data file (partition or file column). */
  private final boolean[] perFile;
  private final boolean sharePerFileColumns;
  private final DeltaFileSelection files;
  private final long limit;
  private final Row scanState;
  private final StructType physicalSchema;
  private CloseableIterator<FilteredColumnarBatch> scanFiles;
  private Iterator<Row> fileRows;
  private CloseableIterator<FilteredColumnarBatch> data;
  private String currentFile;
  private byte[] currentLogPath;
  /** The per-file columns of the current file, built once and shared by its batches. */
  private final FieldVector[] perFileVectors;
  private long rowsReturned;
  private int filesOpened;
  private boolean closed;

  DeltaTableScan(String call, Snapshot snapshot, StructType deltaSchema, DeltaScanLayout layout,
      ScanRequest request, BufferAllocator allocator) {
    this.call = call;
    this.version = snapshot.getVersion();
    this.allocator = allocator;
    this.engine = new QuiverKernelEngine(allocator, request.batchSize());
    this.files = layout.files();
    this.limit = request.limit();
    this.sharePerFileColumns = layout.config().wrapPartitionValues();
    int[] projection = request.projection();
    this.perFile = new boolean[projection.length];
    this.perFileVectors = new FieldVector[projection.length];
    Set<String> partitionColumns = new HashSet<>();
    for (String name : snapshot.getPartitionColumnNames()) {
      partitionColumns.add(name.toLowerCase(Locale.ROOT));
    }
    try {
      List<StructField> read = new ArrayList<>();
      for (int c = 0; c < projection.length; c++) {
        int index = projection[c];
        StructField field = layout.deltaField(deltaSchema, index);
        outputFields.add(layout.schema().getFields().get(index));
        outputDeltaFields.add(field);
        perFile[c] = field == null
            || partitionColumns.contains(field.getName().toLowerCase(Locale.ROOT));
        if (field != null && !read.contains(field)) {
          read.add(field);
        }
      }
      if (read.isEmpty() && deltaSchema.length() > 0) {
        // no table column wanted (count(*)): read the first one for the row counts
        read.add(deltaSchema.at(0));
      }
      ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(new StructType(read));
      if (layout.config().enableParquetPushdown()) {
        Optional<Predicate> filter = DeltaPredicates.toKernel(request.predicates(),
            column -> layout.deltaField(deltaSchema, column));
        if (filter.isPresent()) {
          LOG.debug("{}: Kernel scan filter {}", call, filter.get());
          builder = builder.withFilter(filter.get());
        }
      }
      Scan scan = builder.build();
      this.scanState = scan.getScanState(engine);
      this.physicalSchema = KernelInternals.physicalReadSchema(scanState);
      this.scanFiles = scan.getScanFiles(engine);
    } catch (RuntimeException e) {
      engine.close();
      throw failure(e);
    }
  }

  /** How many data files this scan has opened so far (for tests of data skipping). */
  int filesOpened() {
    return filesOpened;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "next() on a closed Delta scan (a bug)");
    }
    try {
      while (true) {
        if (limit >= 0 && rowsReturned >= limit) {
          // enough rows for the query's LIMIT: no further file is opened
          return null;
        }
        if (data != null) {
          if (data.hasNext()) {
            VectorSchemaRoot root = convert(data.next());
            if (root != null) {
              rowsReturned += root.getRowCount();
              return root;
            }
            continue;
          }
          data.close();
          data = null;
          currentFile = null;
        }
        if (fileRows != null && fileRows.hasNext()) {
          openDataFile(fileRows.next());
          continue;
        }
        fileRows = null;
        if (scanFiles.hasNext()) {
          fileRows = selectedRows(scanFiles.next());
          continue;
        }
        return null;
      }
    } catch (RuntimeException | IOException e) {
      throw failure(e);
    }
  }

  private void openDataFile(Row scanFile) throws IOException {
    FileStatus file = KernelInternals.dataFile(scanFile);
    if (files != null && !files.includes(LocalPaths.toPath(file.getPath()).toAbsolutePath()
        .normalize())) {
      return;
    }
    closePerFileVectors();
    currentFile = file.getPath();
    currentLogPath = KernelInternals.logFilePath(scanFile).getBytes(StandardCharsets.UTF_8);
    filesOpened++;
    LOG.debug("{}: reading {}", call, currentFile);
    CloseableIterator<ColumnarBatch> physical = engine.parquetHandler()
        .readArrowBatches(single(file), physicalSchema)
        .map(FileReadResult::getData);
    data = Scan.transformPhysicalData(engine, scanState, scanFile, physical);
  }

  /** The rows of a batch its selection vector keeps. */
  private static Iterator<Row> selectedRows(FilteredColumnarBatch batch) {
    Optional<ColumnVector> selection = batch.getSelectionVector();
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> all = batch.getData().getRows()) {
      int index = 0;
      while (all.hasNext()) {
        Row row = all.next();
        if (selection.isEmpty() || selected(selection.get(), index)) {
          rows.add(row);
        }
        index++;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rows.iterator();
  }

  private static boolean selected(ColumnVector selection, int row) {
    return !selection.isNullAt(row) && selection.getBoolean(row);
  }

  /** The Arrow batch of a Kernel batch's selected rows, or null when none is selected. */
  private VectorSchemaRoot convert(FilteredColumnarBatch batch) {
    ColumnarBatch kernel = batch.getData();
    int size = kernel.getSize();
    int[] rows = null;
    if (batch.getSelectionVector().isPresent()) {
      ColumnVector selection = batch.getSelectionVector().get();
      int[] kept = new int[size];
      int count = 0;
      for (int i = 0; i < size; i++) {
        if (selected(selection, i)) {
          kept[count++] = i;
        }
      }
      if (count < size) {
        rows = java.util.Arrays.copyOf(kept, count);
      }
    }
    int rowCount = rows == null ? size : rows.length;
    if (rowCount == 0) {
      return null;
    }
    StructType schema = kernel.getSchema();
    List<FieldVector> vectors = new ArrayList<>(outputFields.size());
    try {
      for (int c = 0; c < outputFields.size(); c++) {
        StructField field = outputDeltaFields.get(c);
        ColumnVector source = null;
        if (field != null) {
          int ordinal = schema.indexOf(field.getName());
          if (ordinal < 0) {
            throw new QuiverException(ErrorKind.INTERNAL, "Kernel's batch has no column "
                + field.getName() + " (a bug)");
          }
          source = kernel.getColumnVector(ordinal);
        }
        if (perFile[c] && sharePerFileColumns) {
          vectors.add(sharedPerFile(c, source, rows, size, rowCount));
        } else {
          vectors.add(build(c, source, rows, size, rowCount));
        }
      }
    } catch (RuntimeException | Error e) {
      for (FieldVector vector : vectors) {
        vector.close();
      }
      throw e;
    }
    VectorSchemaRoot root = new VectorSchemaRoot(outputFields, vectors, rowCount);
    root.setRowCount(rowCount);
    return root;
  }

  /** Output column {@code c} of a batch, built for it (owned by the caller). */
  private FieldVector build(int c, ColumnVector source, int[] rows, int size, int rowCount) {
    Field field = outputFields.get(c);
    StructField deltaField = outputDeltaFields.get(c);
    if (deltaField != null) {
      return KernelToArrow.convert(source, deltaField.getDataType(), field, rows, size,
          allocator);
    }
    VarCharVector paths = (VarCharVector) field.createVector(allocator);
    try {
      paths.allocateNew((long) currentLogPath.length * rowCount, rowCount);
      for (int i = 0; i < rowCount; i++) {
        paths.set(i, currentLogPath);
      }
      paths.setValueCount(rowCount);
      return paths;
    } catch (RuntimeException | Error e) {
      paths.close();
      throw e;
    }
  }

  /**
   * Output column {@code c}, whose value is the same for every row of the file
   * ({@code wrap_partition_values}): built once per file (again only when a batch has more
   * rows than the one it was built for) and handed to each batch as a slice that shares its
   * buffers, with its own reference to them.
   */
  private FieldVector sharedPerFile(int c, ColumnVector source, int[] rows, int size,
      int rowCount) {
    FieldVector cached = perFileVectors[c];
    if (cached == null || cached.getValueCount() < rowCount) {
      if (cached != null) {
        cached.close();
      }
      perFileVectors[c] = null;
      cached = build(c, source, rows, size, rowCount);
      perFileVectors[c] = cached;
    }
    // The batch's vector takes its own reference to the cached buffers (a slice from row 0);
    // the cache keeps its reference until the next file or close().
    TransferPair slice = cached.getTransferPair(outputFields.get(c), allocator);
    slice.splitAndTransfer(0, rowCount);
    return (FieldVector) slice.getTo();
  }

  private void closePerFileVectors() {
    for (int c = 0; c < perFileVectors.length; c++) {
      if (perFileVectors[c] != null) {
        perFileVectors[c].close();
        perFileVectors[c] = null;
      }
    }
  }

  private QuiverException failure(Throwable error) {
    QuiverException result = error instanceof IOException io
        ? DeltaErrors.translate(new java.io.UncheckedIOException(io)) : DeltaErrors.translate(error);
    if (currentFile != null && result.context().stream()
        .noneMatch(c -> c.contains(LocalPaths.toPath(currentFile).toString()))) {
      result.withContext("data file " + currentFile);
    }
    return result.withContext("version " + version).withContext(call);
  }

  private static <T> CloseableIterator<T> single(T item) {
    return new CloseableIterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public T next() {
        if (done) {
          throw new java.util.NoSuchElementException();
        }
        done = true;
        return item;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closePerFileVectors();
      if (data != null) {
        data.close();
      }
      if (scanFiles != null) {
        scanFiles.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing a Delta scan failed", e);
    } finally {
      engine.close();
    }
  }
}
