package io.quiver.engine.format;

import io.quiver.engine.QueryResult;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Renders a {@link QueryResult} as text in one of the {@link ResultFormat}s, batch by batch:
 * CSV and JSON reach the output while the query still runs; the table keeps at most its
 * row cap in memory (see {@link TableFormatter}).
 *
 * <p>Statements that return no rows (CREATE, DROP, ...) write their {@link QueryResult#message()}
 * and a line break in the TABLE format, and nothing in CSV and JSON, so that the CSV or JSON
 * output of a script holds exactly the rows of its queries.
 *
 * <p>The writer reads the result to its end but does not close it: the caller does.
 */
public final class ResultWriter {
  private ResultWriter() {}

  /** Reads every remaining batch of {@code result} and appends it to {@code out}. */
  public static void write(QueryResult result, ResultFormat format, StringBuilder out) {
    write(result, format, (Appendable) out, TableFormatter.DEFAULT_MAX_ROWS);
  }

  /** Reads every remaining batch of {@code result} and writes it to {@code out}. */
  public static void write(QueryResult result, ResultFormat format, Appendable out) {
    write(result, format, out, TableFormatter.DEFAULT_MAX_ROWS);
  }

  /**
   * Reads every remaining batch of {@code result} and writes it to {@code out}; a TABLE prints
   * at most {@code maxTableRows} rows ({@code Integer.MAX_VALUE} for all).
   *
   * @throws QuiverException of kind {@code IO} when {@code out} fails, or whatever the query
   *     throws while it runs
   */
  public static void write(QueryResult result, ResultFormat format, Appendable out,
      int maxTableRows) {
    Objects.requireNonNull(result, "result is null");
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(out, "out is null");
    try {
      if (!result.returnsRows()) {
        String message = result.message();
        if (format == ResultFormat.TABLE && message != null && !message.isEmpty()) {
          out.append(message).append('\n');
        }
        return;
      }
      writeRows(result, formatter(format, out, maxTableRows));
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, "writing the result as " + format, e);
    }
  }

  /** A formatter of {@code format} writing to {@code out}. */
  public static BatchFormatter formatter(ResultFormat format, Appendable out, int maxTableRows) {
    return switch (format) {
      case TABLE -> new TableFormatter(out, maxTableRows);
      case CSV -> new CsvFormatter(out);
      case JSON -> new JsonFormatter(out);
    };
  }

  /** Feeds every remaining batch of {@code reader} to {@code formatter}, then finishes it. */
  public static void writeRows(ArrowReader reader, BatchFormatter formatter) throws IOException {
    VectorSchemaRoot batch = reader.getVectorSchemaRoot();
    formatter.start(batch.getSchema());
    while (reader.loadNextBatch()) {
      formatter.add(batch);
    }
    formatter.finish();
  }
}
