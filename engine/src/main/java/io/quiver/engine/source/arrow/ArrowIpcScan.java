package io.quiver.engine.source.arrow;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.ValueVectorUtility;

/**
 * One scan of an Arrow IPC file: opens the file on the first {@link #next}, then returns one
 * batch per record batch of the file. Each loaded vector is validated (offsets and lengths
 * inside their buffers, dictionary indices inside the dictionary) before it leaves, so corrupt
 * files fail here as DATA errors instead of misleading the kernels that read buffers by
 * address. Plain columns move into the scan's allocator; dictionary columns are decoded there.
 */
final class ArrowIpcScan implements TableScan {
  private final Path path;
  private final Schema schema;
  private final int[] projection;
  private final BufferAllocator allocator;
  private long remaining;
  private ArrowIpcFile file;
  private int[] fileColumns;
  private boolean done;

  ArrowIpcScan(Path path, Schema schema, ScanRequest request, BufferAllocator allocator) {
    this.path = path;
    this.schema = schema;
    this.projection = request.projection();
    this.remaining = request.limit();
    this.allocator = allocator;
  }

  @Override
  public VectorSchemaRoot next() {
    if (done || remaining == 0) {
      close();
      return null;
    }
    try {
      if (file == null) {
        file = ArrowIpcFile.open(path, allocator);
        fileColumns = mapColumns(file.schema());
      }
      while (file.reader().loadNextBatch()) {
        VectorSchemaRoot loaded = file.reader().getVectorSchemaRoot();
        int rows = loaded.getRowCount();
        if (rows == 0) {
          continue;
        }
        VectorSchemaRoot batch = take(loaded, rows);
        if (remaining > 0) {
          if (rows > remaining) {
            batch.setRowCount((int) remaining);
          }
          remaining -= batch.getRowCount();
        }
        return batch;
      }
      done = true;
      close();
      return null;
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      done = true;
      QuiverException failure = ArrowIpcFile.failure(path, e);
      try {
        close();
      } catch (RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
  }

  private int[] mapColumns(Schema fileSchema) {
    int[] columns = new int[projection.length];
    List<Field> fileFields = fileSchema.getFields();
    for (int p = 0; p < projection.length; p++) {
      Field wanted = schema.getFields().get(projection[p]);
      columns[p] = -1;
      for (int i = 0; i < fileFields.size(); i++) {
        if (fileFields.get(i).getName().equals(wanted.getName())) {
          columns[p] = i;
          if (!fileFields.get(i).getType().equals(wanted.getType())) {
            throw new QuiverException(ErrorKind.DATA, "column " + wanted.getName() + " is "
                + fileFields.get(i).getType() + " in the file but " + wanted.getType()
                + " in the given schema; read_arrow does not convert types");
          }
          break;
        }
      }
      if (columns[p] < 0) {
        throw new QuiverException(ErrorKind.DATA, "the file has no column " + wanted.getName()
            + "; its columns are " + fileFields.stream().map(Field::getName).toList());
      }
    }
    return columns;
  }

  private VectorSchemaRoot take(VectorSchemaRoot loaded, int rows) {
    List<Field> fields = new ArrayList<>(projection.length);
    List<FieldVector> vectors = new ArrayList<>(projection.length);
    try {
      for (int p = 0; p < projection.length; p++) {
        Field field = schema.getFields().get(projection[p]);
        FieldVector vector = loaded.getVector(fileColumns[p]);
        ValueVectorUtility.validateFull(vector);
        DictionaryEncoding encoding = vector.getField().getDictionary();
        FieldVector source = vector;
        if (encoding != null) {
          Dictionary dictionary = file.reader().lookup(encoding.getId());
          checkIndices(vector, dictionary, field);
          source = (FieldVector) DictionaryEncoder.decode(vector, dictionary, allocator);
        }
        try {
          // Ownership moves into the returned batch, in the scan's allocator.
          TransferPair transfer = source.getTransferPair(field, allocator);
          transfer.transfer();
          vectors.add((FieldVector) transfer.getTo());
          fields.add(field);
        } finally {
          if (source != vector) {
            source.close();
          }
        }
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  private static void checkIndices(FieldVector indices, Dictionary dictionary, Field field) {
    if (dictionary == null) {
      throw new QuiverException(ErrorKind.DATA, "column " + field.getName()
          + " refers to a dictionary the file lacks");
    }
    ValueVectorUtility.validateFull(dictionary.getVector());
    if (!(indices instanceof BaseIntVector ints)) {
      throw new QuiverException(ErrorKind.DATA, "column " + field.getName()
          + " has dictionary indices of type " + indices.getField().getType()
          + "; indices must be integers");
    }
    long size = dictionary.getVector().getValueCount();
    for (int row = 0; row < indices.getValueCount(); row++) {
      if (!indices.isNull(row)) {
        long index = ints.getValueAsLong(row);
        if (index < 0 || index >= size) {
          throw new QuiverException(ErrorKind.DATA, "column " + field.getName() + " row " + row
              + ": dictionary index " + index + " is outside the dictionary of " + size
              + " values");
        }
      }
    }
  }

  @Override
  public void close() {
    if (file != null) {
      ArrowIpcFile closing = file;
      file = null;
      closing.close();
    }
  }
}
