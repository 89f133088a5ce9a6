package io.quiver.engine.source;

import io.quiver.udf.convert.JavaValueWriter;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams a CSV file as batches of the projected columns. This basic reader converts field by
 * field through Java values; the vectorised reader comes with the file-sources work.
 */
final class CsvTableScan implements TableScan {
  private final Path file;
  private final int[] projection;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final String source;
  private CsvRecordReader reader;
  private boolean done;

  CsvTableScan(Path file, Schema tableSchema, int[] projection, BufferAllocator allocator,
      int batchSize) {
    this.file = file;
    this.projection = projection.clone();
    this.schema = project(tableSchema, projection);
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.source = "read_csv('" + file + "')";
  }

  private static Schema project(Schema schema, int[] projection) {
    List<Field> fields = new ArrayList<>();
    for (int column : projection) {
      fields.add(schema.getFields().get(column));
    }
    return new Schema(fields);
  }

  @Override
  public VectorSchemaRoot next() {
    if (done) {
      return null;
    }
    if (reader == null) {
      try {
        reader = new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
            source);
      } catch (IOException e) {
        throw QuiverException.wrap(ErrorKind.IO, source, e);
      }
      reader.next();
    }
    List<Field> fields = schema.getFields();
    List<FieldVector> vectors = new ArrayList<>();
    for (Field field : fields) {
      FieldVector vector = field.createVector(allocator);
      vector.setInitialCapacity(batchSize);
      vector.allocateNew();
      vectors.add(vector);
    }
    int rows = 0;
    try {
      List<String> record;
      while (rows < batchSize && (record = reader.next()) != null) {
        for (int c = 0; c < projection.length; c++) {
          int column = projection[c];
          String text = column < record.size() ? record.get(column) : null;
          JavaValueWriter.write(vectors.get(c), rows, convert(text, fields.get(c), rows));
        }
        rows++;
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e instanceof QuiverException quiver ? quiver.withContext(source)
          : QuiverException.wrap(ErrorKind.DATA, source + " line " + reader.line(), e);
    }
    if (rows < batchSize) {
      done = true;
    }
    if (rows == 0) {
      vectors.forEach(FieldVector::close);
      return null;
    }
    for (FieldVector vector : vectors) {
      vector.setValueCount(rows);
    }
    return new VectorSchemaRoot(fields, vectors, rows);
  }

  private Object convert(String text, Field field, int row) {
    if (text == null) {
      return null;
    }
    ArrowType type = field.getType();
    String value = text.strip();
    try {
      switch (type.getTypeID()) {
        case Int: return value.isEmpty() ? null : Long.parseLong(value);
        case FloatingPoint: return value.isEmpty() ? null : Double.parseDouble(value);
        case Bool: return value.isEmpty() ? null : Boolean.parseBoolean(value);
        case Date: return value.isEmpty() ? null : LocalDate.parse(value);
        default: return text;
      }
    } catch (RuntimeException e) {
      throw new QuiverException(ErrorKind.DATA, "cannot read '" + text + "' as "
          + type + " in column " + field.getName() + " (line " + reader.line() + ")", e);
    }
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

}
