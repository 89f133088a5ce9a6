package io.quiver.engine.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A boxed, aligned text table followed by the row count:
 *
 * <pre>
 * +----+-------+--------+
 * | id | name  | amount |
 * +----+-------+--------+
 * |  1 | Alice |  12.50 |
 * |  2 | NULL  |   NULL |
 * +----+-------+--------+
 * (2 rows)
 * </pre>
 *
 * <p>Numbers (integers, floating point, decimals) are right-aligned, everything else
 * left-aligned; NULL reads {@code NULL}. Values read as described in {@link CellText}. Inside a
 * cell, line breaks, tabs and other control characters are shown as escapes ({@code \n},
 * {@code \r}, {@code \t}, {@code \u001b}) so that every row stays on one line. Widths count
 * East Asian wide characters as two columns.
 *
 * <p>Column widths depend on every row, so this formatter keeps the text of the rows it prints
 * until {@link #finish()}; it prints at most {@code maxRows} rows, counts the rest without
 * rendering them, and says how many were left out.
 */
public final class TableFormatter implements BatchFormatter {
  /** The default cap on printed rows. */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  private static final int CHUNK = 64 * 1024;

  private final Appendable out;
  private final int maxRows;
  private final List<String[]> rows = new ArrayList<>();
  private String[] header;
  private boolean[] rightAligned;
  private int[] widths;
  private ColumnKind[] kinds;
  private long totalRows;

  /** A table of at most {@link #DEFAULT_MAX_ROWS} rows. */
  public TableFormatter(Appendable out) {
    this(out, DEFAULT_MAX_ROWS);
  }

  /** A table of at most {@code maxRows} rows ({@code Integer.MAX_VALUE} for all of them). */
  public TableFormatter(Appendable out, int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
    }
    this.out = Objects.requireNonNull(out, "out is null");
    this.maxRows = maxRows;
  }

  @Override
  public void start(Schema schema) {
    List<Field> fields = schema.getFields();
    int columns = fields.size();
    header = new String[columns];
    rightAligned = new boolean[columns];
    widths = new int[columns];
    kinds = new ColumnKind[columns];
    for (int column = 0; column < columns; column++) {
      Field field = fields.get(column);
      header[column] = escape(field.getName());
      rightAligned[column] = ColumnKind.isNumeric(field.getType());
      widths[column] = DisplayWidth.of(header[column]);
    }
  }

  @Override
  public void add(VectorSchemaRoot batch) {
    int rowCount = batch.getRowCount();
    int keep = (int) Math.max(0, Math.min(rowCount, maxRows - totalRows));
    totalRows += rowCount;
    if (keep == 0) {
      return;
    }
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int column = 0; column < kinds.length; column++) {
      kinds[column] = ColumnKind.of(vectors.get(column));
    }
    for (int row = 0; row < keep; row++) {
      String[] cells = new String[kinds.length];
      for (int column = 0; column < kinds.length; column++) {
        FieldVector vector = vectors.get(column);
        String cell = vector.isNull(row)
            ? "NULL" : escape(CellText.text(vector, kinds[column], row));
        cells[column] = cell;
        widths[column] = Math.max(widths[column], DisplayWidth.of(cell));
      }
      rows.add(cells);
    }
  }

  @Override
  public void finish() throws IOException {
    StringBuilder text = new StringBuilder();
    if (header.length > 0) {
      appendRule(text);
      appendRow(header, text);
      appendRule(text);
      for (String[] row : rows) {
        appendRow(row, text);
        if (text.length() >= CHUNK) {
          out.append(text);
          text.setLength(0);
        }
      }
      appendRule(text);
    }
    text.append('(').append(totalRows).append(totalRows == 1 ? " row" : " rows");
    long omitted = totalRows - rows.size();
    if (omitted > 0) {
      text.append(", ").append(omitted).append(" not shown: only the first ")
          .append(rows.size()).append(" are printed");
    }
    text.append(")\n");
    out.append(text);
    rows.clear();
  }

  private void appendRule(StringBuilder text) {
    text.append('+');
    for (int width : widths) {
      text.append("-".repeat(width + 2)).append('+');
    }
    text.append('\n');
  }

  private void appendRow(String[] cells, StringBuilder text) {
    text.append('|');
    for (int column = 0; column < cells.length; column++) {
      String cell = cells[column];
      int padding = widths[column] - DisplayWidth.of(cell);
      text.append(' ');
      if (rightAligned[column]) {
        text.append(" ".repeat(padding)).append(cell);
      } else {
        text.append(cell).append(" ".repeat(padding));
      }
      text.append(" |");
    }
    text.append('\n');
  }

  /** Shows control characters as escapes so that a cell stays on one line. */
  static String escape(String text) {
    int length = text.length();
    int i = 0;
    while (i < length && !Character.isISOControl(text.charAt(i))) {
      i++;
    }
    if (i == length) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(length + 8).append(text, 0, i);
    for (; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
