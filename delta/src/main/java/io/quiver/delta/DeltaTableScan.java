package io.quiver.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.FileReadResult;
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
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
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
 */
final class DeltaTableScan implements TableScan {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaTableScan.class);

  private final String call;
  private final long version;
  private final BufferAllocator allocator;
  private final QuiverKernelEngine engine;
  private final List<Field> outputFields = new ArrayList<>();
  private final List<StructField> outputDeltaFields = new ArrayList<>();
  private final Row scanState;
  private final StructType physicalSchema;
  private CloseableIterator<FilteredColumnarBatch> scanFiles;
  private Iterator<Row> fileRows;
  private CloseableIterator<FilteredColumnarBatch> data;
  private String currentFile;
  private boolean closed;

  DeltaTableScan(String call, Snapshot snapshot, StructType deltaSchema, Schema schema,
      int[] projection, BufferAllocator allocator, int batchSize) {
    this.call = call;
    this.version = snapshot.getVersion();
    this.allocator = allocator;
    this.engine = new QuiverKernelEngine(allocator, batchSize);
    try {
      List<StructField> read = new ArrayList<>();
      for (int index : projection) {
        outputFields.add(schema.getFields().get(index));
        outputDeltaFields.add(deltaSchema.at(index));
        if (!read.contains(deltaSchema.at(index))) {
          read.add(deltaSchema.at(index));
        }
      }
      if (read.isEmpty() && deltaSchema.length() > 0) {
        // no column wanted (count(*)): read the first one for the row counts
        read.add(deltaSchema.at(0));
      }
      Scan scan = snapshot.getScanBuilder().withReadSchema(new StructType(read)).build();
      this.scanState = scan.getScanState(engine);
      this.physicalSchema = KernelInternals.physicalReadSchema(scanState);
      this.scanFiles = scan.getScanFiles(engine);
    } catch (RuntimeException e) {
      engine.close();
      throw failure(e);
    }
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "next() on a closed Delta scan (a bug)");
    }
    try {
      while (true) {
        if (data != null) {
          if (data.hasNext()) {
            VectorSchemaRoot root = convert(data.next());
            if (root != null) {
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
    currentFile = file.getPath();
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
        int ordinal = schema.indexOf(field.getName());
        if (ordinal < 0) {
          throw new QuiverException(ErrorKind.INTERNAL, "Kernel's batch has no column "
              + field.getName() + " (a bug)");
        }
        vectors.add(KernelToArrow.convert(kernel.getColumnVector(ordinal),
            field.getDataType(), outputFields.get(c), rows, size, allocator));
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
