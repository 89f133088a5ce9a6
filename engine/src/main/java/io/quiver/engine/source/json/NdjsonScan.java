package io.quiver.engine.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quiver.engine.source.text.BadRowAction;
import io.quiver.engine.source.text.Compression;
import io.quiver.engine.source.text.TextInput;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
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
 * One streaming scan of an NDJSON file: each line is parsed with one streaming parser and its
 * values written straight into the projected columns; keys of unprojected columns are skipped
 * without building values. Holds one block of input and the batch being filled.
 */
final class NdjsonScan implements TableScan {
  private static final Logger LOG = LoggerFactory.getLogger(NdjsonScan.class);
  private final Path file;
  private final Schema projectedSchema;
  private final Compression compression;
  private final BadRowAction onBadRow;
  private final JsonFactory factory;
  private final BufferAllocator allocator;
  private final long limit;
  private final int batchSize;
  private final int blockSize;
  private final int maxLineSize;
  private final NdjsonValueWriter writer;
  private final NdjsonValueWriter.Context context;
  private NdjsonLineReader lines;
  private long produced;
  private long skipped;
  private boolean done;
  private boolean closed;

  NdjsonScan(Path file, Schema schema, ScanRequest request, Compression compression,
      BadRowAction onBadRow, JsonFactory factory, BufferAllocator allocator, int blockSize,
      int maxLineSize) {
    this.file = file;
    List<Field> fields = new ArrayList<>();
    for (int column : request.projection()) {
      fields.add(schema.getFields().get(column));
    }
    this.projectedSchema = new Schema(fields);
    this.compression = compression;
    this.onBadRow = onBadRow;
    this.factory = factory;
    this.allocator = allocator;
    this.limit = request.limit();
    this.batchSize = Math.max(1, request.batchSize());
    this.blockSize = blockSize;
    this.maxLineSize = maxLineSize;
    this.writer = NdjsonValueWriter.root(fields);
    this.context = new NdjsonValueWriter.Context(file.toString(), factory);
  }

  @Override
  public VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "NDJSON scan of " + file
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
    if (lines == null) {
      lines = new NdjsonLineReader(TextInput.open(file, compression), blockSize, maxLineSize);
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(projectedSchema, allocator);
    try {
      List<FieldVector> vectors = root.getFieldVectors();
      for (FieldVector vector : vectors) {
        vector.setInitialCapacity((int) wanted);
        vector.allocateNew();
      }
      writer.bindRoot(vectors);
      int rows = fill((int) wanted);
      if (rows == 0) {
        root.close();
        finish();
        return null;
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(rows);
      }
      root.setRowCount(rows);
      produced += rows;
      return root;
    } catch (RuntimeException | StackOverflowError e) {
      root.close();
      throw QuiverException.wrap(ErrorKind.DATA, null, e);
    }
  }

  private int fill(int capacity) {
    int row = 0;
    while (row < capacity && lines.next()) {
      context.line = lines.line();
      try {
        if (readLine(row)) {
          row++;
        }
      } catch (QuiverException e) {
        if (onBadRow == BadRowAction.ERROR || e.kind() != ErrorKind.DATA) {
          throw e;
        }
        // The row's partly written values are overwritten by the next line (skip) or
        // replaced by NULLs (null).
        if (onBadRow == BadRowAction.SKIP) {
          skipped++;
        } else {
          writer.writeNullRow(row);
          row++;
        }
      }
    }
    return row;
  }

  /** Writes the current line into row {@code row}; false for a blank line. */
  private boolean readLine(int row) {
    String name = file.toString();
    try (JsonParser parser = factory.createParser(lines.buffer(), lines.start(),
        lines.end() - lines.start())) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      if (token != JsonToken.START_OBJECT) {
        throw NdjsonErrors.notAnObject(name, lines.line(), parser);
      }
      writer.writeRoot(parser, row, context);
      NdjsonErrors.expectEnd(name, lines.line(), parser);
      return true;
    } catch (IOException e) {
      throw NdjsonErrors.badJson(name, lines.line(), e);
    }
  }

  private void finish() {
    done = true;
    if (skipped > 0) {
      LOG.warn("read_json: skipped {} bad lines of {} (on_bad_row=skip)", skipped, file);
      skipped = 0;
    }
    if (lines != null) {
      lines.close();
      lines = null;
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
