package io.quiver.engine.format;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * CSV with a header line of column names, {@code ,} between fields and {@code \n} after every
 * line. A field is quoted (RFC 4180: in double quotes, inner quotes doubled) only when it must
 * be: when it holds a comma, a quote, a CR or LF, or starts or ends with a space or tab. NULL is
 * an empty field and the empty string is {@code ""}, so the two stay distinct. Values read as
 * described in {@link CellText} (dates {@code yyyy-mm-dd}, timestamps
 * {@code yyyy-mm-dd hh:mm:ss[.ffffff]}, decimals in plain notation with their scale).
 *
 * <p>Streams: each batch is written to the output as soon as it is rendered.
 */
public final class CsvFormatter implements BatchFormatter {
  /** Rendered text is handed to the output in pieces of about this many characters. */
  private static final int CHUNK = 64 * 1024;

  private final Appendable out;
  private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
  private ColumnKind[] kinds;

  public CsvFormatter(Appendable out) {
    this.out = Objects.requireNonNull(out, "out is null");
  }

  @Override
  public void start(Schema schema) throws IOException {
    List<Field> fields = schema.getFields();
    for (int column = 0; column < fields.size(); column++) {
      if (column > 0) {
        buffer.append(',');
      }
      appendText(fields.get(column).getName(), buffer);
    }
    buffer.append('\n');
    flushBuffer();
  }

  @Override
  public void add(VectorSchemaRoot batch) throws IOException {
    List<FieldVector> vectors = batch.getFieldVectors();
    int columns = vectors.size();
    if (kinds == null || kinds.length != columns) {
      kinds = new ColumnKind[columns];
    }
    for (int column = 0; column < columns; column++) {
      kinds[column] = ColumnKind.of(vectors.get(column));
    }
    int rows = batch.getRowCount();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        if (column > 0) {
          buffer.append(',');
        }
        FieldVector vector = vectors.get(column);
        if (vector.isNull(row)) {
          continue;
        }
        ColumnKind kind = kinds[column];
        if (kind == ColumnKind.VARCHAR) {
          appendText(CellText.varchar((VarCharVector) vector, row), buffer);
        } else if (kind == ColumnKind.OTHER) {
          appendText(CellText.text(vector, kind, row), buffer);
        } else {
          // Numbers, booleans, dates and times never need quotes.
          CellText.append(vector, kind, row, buffer);
        }
      }
      buffer.append('\n');
      if (buffer.length() >= CHUNK) {
        flushBuffer();
      }
    }
    flushBuffer();
  }

  @Override
  public void finish() throws IOException {
    flushBuffer();
  }

  private void flushBuffer() throws IOException {
    if (buffer.length() > 0) {
      out.append(buffer);
      buffer.setLength(0);
    }
  }

  /** Appends {@code text} as one CSV field, quoted only when it must be. */
  static void appendText(String text, StringBuilder out) {
    if (!needsQuotes(text)) {
      out.append(text);
      return;
    }
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  static boolean needsQuotes(String text) {
    int length = text.length();
    if (length == 0) {
      return true;
    }
    if (isEdgeSpace(text.charAt(0)) || isEdgeSpace(text.charAt(length - 1))) {
      return true;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private static boolean isEdgeSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
