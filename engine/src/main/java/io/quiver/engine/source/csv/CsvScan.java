package io.quiver.engine.source.csv;

import io.quiver.engine.source.text.BadRowAction;
import io.quiver.engine.source.text.TextInput;
import io.quiver.engine.source.text.TextValueParser;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streaming scan of a CSV file: the tokenizer's fields of each record go straight into the
 * projected columns' vectors; unprojected fields are never parsed. Holds one block of input and
 * the batch being filled.
 */
final class CsvScan implements TableScan {
  private static final Logger LOG = LoggerFactory.getLogger(CsvScan.class);

  private final Path file;
  private final Schema schema;
  private final Schema projectedSchema;
  private final int[] projection;
  private final CsvValueWriter[] writers;
  private final CsvOptions options;
  private final boolean schemaGiven;
  private final BufferAllocator allocator;
  private final long limit;
  private final int batchSize;
  private final int blockSize;
  private final int maxRecordSize;
  private final TextValueParser parser = new TextValueParser();
  private CsvTokenizer tokenizer;
  /** For each schema column, its field in the records (the identity unless a header maps). */
  private int[] fieldOfColumn;
  /** The number of fields a well-formed record has. */
  private int recordFields;
  private long produced;
  private long skipped;
  private boolean done;
  private boolean closed;

  CsvScan(Path file, Schema schema, ScanRequest request, CsvOptions options, boolean schemaGiven,
      BufferAllocator allocator, int blockSize, int maxRecordSize) {
    this.file = file;
    this.schema = schema;
    this.projection = request.projection();
    List<Field> fields = new ArrayList<>(projection.length);
    this.writers = new CsvValueWriter[projection.length];
    for (int i = 0; i < projection.length; i++) {
      Field field = schema.getFields().get(projection[i]);
      fields.add(field);
      writers[i] = new CsvValueWriter(field);
    }
    this.projectedSchema = new Schema(fields);
    this.options = options;
    this.schemaGiven = schemaGiven;
    this.allocator = allocator;
    this.limit = request.limit();
    this.batchSize = Math.max(1, request.batchSize());
    this.blockSize = blockSize;
    this.maxRecordSize = maxRecordSize;
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "CSV scan of " + file
          + " used after close (a bug: please report)");
    }
    if (done) {
      return null;
    }
    long wanted = limit < 0 ? batchSize : Math.min(batchSize, limit - produced);
    if (wanted <= 0) {
      finish();
      return null;
    }
    if (tokenizer == null) {
      tokenizer = new CsvTokenizer(TextInput.open(file, options.compression()), options,
          blockSize, maxRecordSize);
      startRecords();
    }
    int capacity = (int) wanted;
    VectorSchemaRoot root = VectorSchemaRoot.create(projectedSchema, allocator);
    try {
      for (int i = 0; i < writers.length; i++) {
        FieldVector vector = root.getVector(i);
        vector.setInitialCapacity(capacity);
        vector.allocateNew();
        writers[i].bind(vector);
      }
      int rows = fill(capacity);
      if (rows == 0) {
        root.close();
        finish();
        return null;
      }
      root.setRowCount(rows);
      produced += rows;
      return root;
    } catch (RuntimeException | Error e) {
      root.close();
      // Messages name the file; the file table function adds its own context.
      throw QuiverException.wrap(ErrorKind.DATA, null, e);
    }
  }

  /** Reads the header, if any, and maps the schema's columns to the records' fields. */
  private void startRecords() {
    int columns = schema.getFields().size();
    fieldOfColumn = new int[columns];
    for (int c = 0; c < columns; c++) {
      fieldOfColumn[c] = c;
    }
    recordFields = columns;
    if (options.hasHeader() && tokenizer.next() && schemaGiven) {
      List<String> header = new ArrayList<>(tokenizer.fieldCount());
      for (int field = 0; field < tokenizer.fieldCount(); field++) {
        header.add(tokenizer.text(field).trim());
      }
      fieldOfColumn = CsvHeaderMatch.fieldOfColumn(header, schema, file);
      recordFields = header.size();
    }
  }

  private int fill(int capacity) {
    int row = 0;
    int columns = recordFields;
    byte[] nullString = options.nullString();
    while (row < capacity && tokenizer.next()) {
      String malformed = tokenizer.malformed();
      int count = tokenizer.fieldCount();
      if (malformed != null || count != columns) {
        if (options.onBadRow() == BadRowAction.ERROR) {
          throw new QuiverException(ErrorKind.DATA, "file " + file + ", line " + tokenizer.line()
              + ": " + (malformed != null ? malformed : "expected " + columns + " fields, found "
              + count) + ". Check the delimiter and quote options, or set on_bad_row to skip or"
              + " null");
        }
        if (options.onBadRow() == BadRowAction.SKIP) {
          skipped++;
          continue;
        }
      }
      byte[] bytes = tokenizer.buffer();
      boolean keep = true;
      for (int i = 0; i < writers.length; i++) {
        CsvValueWriter writer = writers[i];
        int column = fieldOfColumn[projection[i]];
        if (column >= count || malformed != null) {
          writer.writeNull(row);
          continue;
        }
        int start = tokenizer.start(column);
        int end = tokenizer.end(column);
        boolean quoted = tokenizer.quoted(column);
        if ((start == end && !(quoted && writer.isVarchar()))
            || (!quoted && CsvValueWriter.equalsBytes(bytes, start, end, nullString))) {
          writer.writeNull(row);
          continue;
        }
        if (!writer.write(row, bytes, start, end, parser)) {
          if (options.onBadRow() == BadRowAction.ERROR) {
            throw unparsable(projection[i], column, writer, bytes, start, end);
          }
          writer.writeNull(row);
          if (options.onBadRow() == BadRowAction.SKIP) {
            keep = false;
            for (int j = 0; j < i; j++) {
              writers[j].writeNull(row);
            }
            break;
          }
        }
      }
      if (keep) {
        row++;
      } else {
        skipped++;
      }
    }
    return row;
  }

  private QuiverException unparsable(int column, int field, CsvValueWriter writer, byte[] bytes,
      int start, int end) {
    int length = Math.min(end - start, 100);
    String value = new String(bytes, start, length, StandardCharsets.UTF_8)
        + (end - start > length ? "..." : "");
    String hint = schemaGiven
        ? "Fix the value, change the column's type in schema_ipc, or set on_bad_row to skip or"
            + " null"
        : "The type was inferred from the first " + options.inferMaxRecords() + " records: raise"
            + " schema_infer_max_records, give a schema with schema_ipc, or set on_bad_row to"
            + " skip or null";
    return new QuiverException(ErrorKind.DATA, "file " + file + ", line " + tokenizer.line()
        + ", column " + schema.getFields().get(column).getName() + " (field " + (field + 1)
        + "): cannot read '" + value + "' as " + writer.typeName() + ". " + hint);
  }

  private void finish() {
    done = true;
    if (tokenizer != null) {
      tokenizer.close();
      tokenizer = null;
    }
    if (skipped > 0) {
      LOG.warn("read_csv: skipped {} bad rows of {} (on_bad_row=skip)", skipped, file);
      skipped = 0;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      finish();
      closed = true;
    }
  }
}
