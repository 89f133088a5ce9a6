package io.quiver.engine.source.file;

import io.quiver.engine.source.options.CommonOptions;
import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One scan of a {@link FileTable}: file after file, one open file scan at a time. For each file
 * the projection is mapped to the file's columns by name, the file's batches get the partition
 * and filename columns (constants per file) and NULL columns for what the file lacks (with
 * union_by_name). A column the file stores as another type than the table's is converted
 * ({@link ColumnConversion}). Files whose partition values fail a pushed predicate are skipped;
 * the scan stops at the limit.
 *
 * <p>Ownership: a batch from the format's scan belongs to this scan until its vectors are
 * transferred into the returned batch, which belongs to the caller; the rest is closed here.
 */
final class FileTableScan implements TableScan {
  private final FileTable table;
  private final int[] projection;
  private final List<ColumnPredicate> predicates;
  private final int batchSize;
  private final BufferAllocator allocator;
  private final Schema output;
  private long remaining;
  private int nextFile;
  private Path file;
  private TableScan current;
  /** Per output column: the position in the file batch, or -1 (NULL, partition, filename). */
  private int[] filePositions;
  /** Per output column: the conversion of the file's type to the table's, or null. */
  private ColumnConversion[] conversions;

  FileTableScan(FileTable table, ScanRequest request, long limit, BufferAllocator allocator) {
    this.table = table;
    this.projection = request.projection();
    this.predicates = request.predicates();
    this.batchSize = request.batchSize();
    this.remaining = limit;
    this.allocator = allocator;
    List<Field> fields = new ArrayList<>();
    for (int column : projection) {
      fields.add(table.schema().getFields().get(column));
    }
    this.output = new Schema(fields);
  }

  @Override
  public VectorSchemaRoot next() {
    while (remaining != 0) {
      if (current == null && !openNextFile()) {
        return null;
      }
      VectorSchemaRoot batch;
      try {
        batch = current.next();
      } catch (RuntimeException e) {
        throw failure(e);
      }
      if (batch == null) {
        closeCurrent();
        continue;
      }
      if (batch.getRowCount() == 0) {
        batch.close();
        continue;
      }
      VectorSchemaRoot result = assemble(batch);
      if (remaining > 0) {
        if (result.getRowCount() > remaining) {
          result.setRowCount((int) remaining);
        }
        remaining -= result.getRowCount();
      }
      return result;
    }
    closeCurrent();
    return null;
  }

  private QuiverException failure(Throwable e) {
    return QuiverException.wrap(ErrorKind.DATA, "file " + file, e).withContext(table.call());
  }

  private boolean openNextFile() {
    int dataColumns = table.dataSchema().getFields().size();
    int partitionColumns = table.partitions().fields().size();
    while (nextFile < table.files().size()) {
      Path candidate = table.files().get(nextFile++);
      if (!partitionsMayMatch(candidate, dataColumns, partitionColumns)) {
        continue;
      }
      file = candidate;
      try {
        open(candidate, dataColumns);
      } catch (RuntimeException e) {
        throw failure(e);
      }
      return true;
    }
    return false;
  }

  private boolean partitionsMayMatch(Path candidate, int dataColumns, int partitionColumns) {
    List<Object> values = table.partitions().values(candidate);
    for (ColumnPredicate predicate : predicates) {
      int partition = predicate.column() - dataColumns;
      if (partition >= 0 && partition < partitionColumns
          && !PartitionFilter.mayMatch(predicate, values.get(partition))) {
        return false;
      }
    }
    return true;
  }

  private void open(Path candidate, int dataColumns) {
    Schema fileSchema = table.schemaOf(candidate);
    boolean unionByName = table.options().getBoolean(CommonOptions.UNION_BY_NAME);
    List<Integer> fileProjection = new ArrayList<>();
    int[] positions = new int[projection.length];
    int[] fileIndexOfTableColumn = new int[dataColumns];
    boolean[] converted = new boolean[dataColumns];
    for (int c = 0; c < dataColumns; c++) {
      Field field = table.dataSchema().getFields().get(c);
      int index = fileIndex(fileSchema, field, unionByName);
      fileIndexOfTableColumn[c] = index;
      converted[c] = index >= 0
          && !fileSchema.getFields().get(index).getType().equals(field.getType());
    }
    ColumnConversion[] columnConversions = new ColumnConversion[projection.length];
    for (int p = 0; p < projection.length; p++) {
      positions[p] = -1;
      int column = projection[p];
      if (column < dataColumns && converted[column]) {
        columnConversions[p] = ColumnConversion.of(
            fileSchema.getFields().get(fileIndexOfTableColumn[column]),
            table.dataSchema().getFields().get(column), candidate);
      }
      if (column < dataColumns && fileIndexOfTableColumn[column] >= 0) {
        int position = fileProjection.indexOf(fileIndexOfTableColumn[column]);
        if (position < 0) {
          position = fileProjection.size();
          fileProjection.add(fileIndexOfTableColumn[column]);
        }
        positions[p] = position;
      }
    }
    List<ColumnPredicate> filePredicates = new ArrayList<>();
    for (ColumnPredicate predicate : predicates) {
      // A predicate's values have the table's type: a converted column gets none.
      if (predicate.column() < dataColumns && fileIndexOfTableColumn[predicate.column()] >= 0
          && !converted[predicate.column()]) {
        filePredicates.add(new ColumnPredicate(fileIndexOfTableColumn[predicate.column()],
            predicate.operator(), predicate.values()));
      }
    }
    int[] projected = fileProjection.stream().mapToInt(Integer::intValue).toArray();
    ScanRequest request = new ScanRequest(projected, filePredicates, remaining, batchSize);
    filePositions = positions;
    conversions = columnConversions;
    current = table.format().scan(candidate, fileSchema, request, table.options(), allocator);
  }

  /** The index of {@code field} in the file, -1 when missing with union_by_name. */
  private static int fileIndex(Schema fileSchema, Field field, boolean unionByName) {
    List<Field> fields = fileSchema.getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(field.getName())) {
        return i;
      }
    }
    if (unionByName) {
      return -1;
    }
    throw new QuiverException(ErrorKind.DATA, "the file has no column " + field.getName()
        + ", which the first file has; pass {\"union_by_name\": true} to read it as NULL");
  }

  private VectorSchemaRoot assemble(VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    List<FieldVector> vectors = new ArrayList<>(projection.length);
    FieldVector[] moved = new FieldVector[batch.getFieldVectors().size()];
    int dataColumns = table.dataSchema().getFields().size();
    int partitionColumns = table.partitions().fields().size();
    try {
      for (int p = 0; p < projection.length; p++) {
        Field field = output.getFields().get(p);
        int position = filePositions[p];
        int column = projection[p];
        if (position >= 0 && conversions[p] != null) {
          vectors.add(conversions[p].convert(batch.getVector(position), rows, allocator));
        } else if (position >= 0 && moved[position] == null) {
          // Ownership of the file batch's vector moves into the result batch.
          TransferPair transfer = batch.getVector(position).getTransferPair(field, allocator);
          transfer.transfer();
          moved[position] = (FieldVector) transfer.getTo();
          vectors.add(moved[position]);
        } else if (position >= 0) {
          vectors.add(copy(moved[position], field, rows));
        } else if (column < dataColumns) {
          vectors.add(constant(field, rows, null));
        } else if (column < dataColumns + partitionColumns) {
          vectors.add(constant(field, rows,
              table.partitions().values(file).get(column - dataColumns)));
        } else {
          vectors.add(constant(field, rows, file.toString()));
        }
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      batch.close();
      throw failure(e);
    }
    batch.close();
    return new VectorSchemaRoot(output.getFields(), vectors, rows);
  }

  private FieldVector copy(FieldVector source, Field field, int rows) {
    FieldVector copy = field.createVector(allocator);
    copy.setInitialCapacity(rows);
    copy.allocateNew();
    for (int row = 0; row < rows; row++) {
      copy.copyFromSafe(row, row, source);
    }
    copy.setValueCount(rows);
    return copy;
  }

  private FieldVector constant(Field field, int rows, Object value) {
    FieldVector vector = field.createVector(allocator);
    try {
      vector.setInitialCapacity(rows);
      vector.allocateNew();
      if (value != null) {
        for (int row = 0; row < rows; row++) {
          JavaValueWriter.write(vector, row, value);
        }
      }
      vector.setValueCount(rows);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }

  private void closeCurrent() {
    if (current != null) {
      TableScan closing = current;
      current = null;
      try {
        closing.close();
      } catch (RuntimeException e) {
        throw failure(e);
      }
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
