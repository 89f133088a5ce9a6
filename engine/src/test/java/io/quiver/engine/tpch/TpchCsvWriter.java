package io.quiver.engine.tpch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Writes TPC-H batches as CSV: a header line with the column names, then one line per row,
 * fields separated by commas and quoted as RFC 4180 says (a field with a comma, a double quote,
 * CR or LF is enclosed in double quotes, inner quotes doubled). Lines end with CRLF as RFC 4180
 * says; DECIMAL is written in plain notation ({@code 1234.50}), DATE as {@code yyyy-mm-dd}.
 */
public final class TpchCsvWriter {
  private static final String LINE_END = "\r\n";

  private TpchCsvWriter() {}

  /** Writes {@code batches} (all of one schema) to {@code out}. */
  public static void write(List<VectorSchemaRoot> batches, Appendable out) throws IOException {
    if (batches.isEmpty()) {
      return;
    }
    List<Field> fields = batches.get(0).getSchema().getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(fields.get(i).getName(), out);
    }
    out.append(LINE_END);
    for (VectorSchemaRoot batch : batches) {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int row = 0; row < batch.getRowCount(); row++) {
        for (int column = 0; column < vectors.size(); column++) {
          if (column > 0) {
            out.append(',');
          }
          appendValue(vectors.get(column), row, out);
        }
        out.append(LINE_END);
      }
    }
  }

  private static void appendValue(FieldVector vector, int row, Appendable out)
      throws IOException {
    if (vector.isNull(row)) {
      return;
    }
    if (vector instanceof IntVector ints) {
      out.append(Integer.toString(ints.get(row)));
    } else if (vector instanceof BigIntVector longs) {
      out.append(Long.toString(longs.get(row)));
    } else if (vector instanceof DecimalVector decimals) {
      out.append(decimals.getObject(row).toPlainString());
    } else if (vector instanceof DateDayVector dates) {
      out.append(LocalDate.ofEpochDay(dates.get(row)).toString());
    } else if (vector instanceof VarCharVector text) {
      appendField(new String(text.get(row), StandardCharsets.UTF_8), out);
    } else {
      throw new IllegalArgumentException("TPC-H CSV has no " + vector.getField().getType()
          + " column: " + vector.getName());
    }
  }

  /** Appends {@code text} as one CSV field, quoted only where RFC 4180 requires it. */
  static void appendField(String text, Appendable out) throws IOException {
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
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
}
