package io.quiver.engine.slt;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the records of one SQL logic test file, in order, against one fresh session.
 *
 * <p>After each record the query memory of the session (all memory outside the table allocator)
 * must be back where it was, and after the last record it must be zero and the session must
 * close cleanly. In rewrite mode, query records take the rows the engine returns and
 * {@link #finish()} writes them back into the file.
 */
public final class SqlLogicFileRun {
  private final SqlLogicFile file;
  private final Path path;
  private final int batchSize;
  private final boolean rewrite;
  private final Map<QueryRecord, List<List<String>>> rewrittenRows = new LinkedHashMap<>();
  private QuiverSession session;
  private RuntimeException openFailure;
  private long queryMemoryBaseline;

  /**
   * @param path the file to rewrite, or null when rewriting is off
   * @param batchSize rows per batch of the session, or 0 for the session default
   */
  public SqlLogicFileRun(SqlLogicFile file, Path path, int batchSize, boolean rewrite) {
    this.file = file;
    this.path = path;
    this.batchSize = batchSize;
    this.rewrite = rewrite;
  }

  private QuiverSession session() {
    if (session == null && openFailure == null) {
      try {
        QuiverSession.Builder builder = QuiverSession.builder();
        if (batchSize > 0) {
          builder.batchSize(batchSize);
        }
        session = builder.build();
      } catch (RuntimeException e) {
        openFailure = e;
      }
    }
    if (openFailure != null) {
      throw new AssertionFailedError(file.name() + ": cannot open a session: " + openFailure,
          openFailure);
    }
    return session;
  }

  private String location(SqlLogicRecord record) {
    return file.name() + ":" + record.line();
  }

  /** Runs one record; throws an {@link AssertionFailedError} naming file:line when it fails. */
  public void run(SqlLogicRecord record) {
    run(record, rewrite);
  }

  /**
   * Runs one record; with {@code mayRewrite} false a query whose rows differ fails even in
   * rewrite mode (for records whose expected rows must not change).
   */
  public void run(SqlLogicRecord record, boolean mayRewrite) {
    QuiverSession current = session();
    AssertionFailedError failure = null;
    try {
      if (record instanceof StatementRecord statement) {
        runStatement(current, statement);
      } else if (record instanceof ErrorRecord error) {
        runError(current, error);
      } else {
        runQuery(current, (QueryRecord) record, mayRewrite);
      }
    } catch (AssertionFailedError e) {
      failure = e;
    }
    String leak = checkQueryMemory(current);
    if (leak != null) {
      AssertionFailedError leakFailure = new AssertionFailedError(location(record) + ": " + leak);
      if (failure == null) {
        throw leakFailure;
      }
      failure.addSuppressed(leakFailure);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void runStatement(QuiverSession current, StatementRecord record) {
    try (QueryResult result = current.sql(record.sql())) {
      ResultReader.drain(result);
    } catch (QuiverException e) {
      throw new AssertionFailedError(location(record) + ": statement failed with " + e.kind()
          + ": " + e.getMessage() + "\n" + record.sql(), e);
    } catch (RuntimeException | Error e) {
      throw contractBroken(record, e);
    }
  }

  private void runError(QuiverSession current, ErrorRecord record) {
    try (QueryResult result = current.sql(record.sql())) {
      ResultReader.drain(result);
    } catch (QuiverException e) {
      if (!record.kinds().contains(e.kind())) {
        throw new AssertionFailedError(location(record) + ": expected an error of kind "
            + record.kinds() + " but got " + e.kind() + ": " + e.getMessage() + "\n"
            + record.sql(), e);
      }
      String message = e.getMessage().toLowerCase(Locale.ROOT);
      if (!message.contains(record.messagePart().toLowerCase(Locale.ROOT))) {
        throw new AssertionFailedError(location(record) + ": expected an error message "
            + "containing '" + record.messagePart() + "' but got " + e.kind() + ": "
            + e.getMessage() + "\n" + record.sql(), e);
      }
      return;
    } catch (RuntimeException | Error e) {
      throw contractBroken(record, e);
    }
    throw new AssertionFailedError(location(record) + ": expected an error of kind "
        + record.kinds() + " but the statement succeeded\n" + record.sql());
  }

  private void runQuery(QuiverSession current, QueryRecord record, boolean mayRewrite) {
    List<List<String>> actual;
    try (QueryResult result = current.sql(record.sql())) {
      if (!result.returnsRows()) {
        throw new AssertionFailedError(location(record) + ": a query record needs a statement "
            + "that returns rows, but this one is " + result.statementKind() + "\n"
            + record.sql());
      }
      String typeProblem = ResultReader.typeMismatch(record.columnTypes(),
          result.schema().getFields());
      if (typeProblem != null) {
        throw new AssertionFailedError(location(record) + ": " + typeProblem + "\n"
            + record.sql());
      }
      actual = ResultReader.readRows(result);
    } catch (QuiverException e) {
      throw new AssertionFailedError(location(record) + ": query failed with " + e.kind() + ": "
          + e.getMessage() + "\n" + record.sql(), e);
    } catch (AssertionFailedError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw contractBroken(record, e);
    }
    String mismatch = ResultMatcher.mismatch(record, actual);
    if (mismatch == null) {
      return;
    }
    List<List<String>> arranged =
        ResultMatcher.arrange(actual, record.columnTypes(), record.sortMode());
    if (rewrite && mayRewrite) {
      recordRewrite(record, arranged);
      return;
    }
    throw new AssertionFailedError(location(record) + ": wrong result: " + mismatch + "\n"
        + record.sql() + "\n----- expected (" + record.expectedRows().size() + " rows)\n"
        + rowsText(ResultMatcher.arrange(record.expectedRows(), record.columnTypes(),
            record.sortMode()))
        + "----- actual (" + arranged.size() + " rows)\n" + rowsText(arranged),
        rowsText(record.expectedRows()), rowsText(arranged));
  }

  private AssertionFailedError contractBroken(SqlLogicRecord record, Throwable error) {
    return new AssertionFailedError(location(record) + ": error contract broken: "
        + error.getClass().getName() + " escaped instead of a QuiverException: "
        + error.getMessage() + "\n" + record.sql(), error);
  }

  /** Memory held outside the tables grew during the record: a result or operator leaked. */
  private String checkQueryMemory(QuiverSession current) {
    long held = queryMemory(current);
    if (held > queryMemoryBaseline) {
      long grown = held - queryMemoryBaseline;
      queryMemoryBaseline = held;
      return "the record left " + grown + " bytes of query memory allocated after its result"
          + " was closed (a leak)";
    }
    return null;
  }

  private static long queryMemory(QuiverSession current) {
    return current.allocator().getAllocatedMemory()
        - current.tableAllocator().getAllocatedMemory();
  }

  /**
   * Checks that no query memory is held, closes the session and, in rewrite mode, writes the
   * new expected rows into the file.
   */
  public void finish() throws IOException {
    if (rewrite && !rewrittenRows.isEmpty()) {
      Files.writeString(path, rewrittenText(), StandardCharsets.UTF_8);
    }
    if (session == null) {
      session();
    }
    long held = queryMemory(session);
    try {
      session.close();
    } catch (RuntimeException e) {
      throw new AssertionFailedError(file.name() + ": closing the session failed: " + e, e);
    }
    if (held != 0) {
      throw new AssertionFailedError(file.name() + ": " + held + " bytes of query memory were "
          + "still allocated at the end of the file");
    }
  }

  /** Remembers the rows to write for {@code record} when the file is rewritten. */
  void recordRewrite(QueryRecord record, List<List<String>> rows) {
    rewrittenRows.put(record, rows);
  }

  /** The file's text with the rows of every mismatching query replaced by the actual rows. */
  String rewrittenText() {
    List<String> lines = new ArrayList<>(file.lines());
    List<QueryRecord> records = new ArrayList<>(rewrittenRows.keySet());
    for (int i = records.size() - 1; i >= 0; i--) {
      QueryRecord record = records.get(i);
      List<String> replacement = new ArrayList<>();
      if (!record.hasResultMarker()) {
        replacement.add(SqlLogicParser.RESULT_MARKER);
      }
      for (List<String> row : rewrittenRows.get(record)) {
        replacement.add(String.join("\t", row));
      }
      List<String> region = lines.subList(record.resultsFirstLine(), record.resultsEndLine());
      region.clear();
      region.addAll(replacement);
    }
    return String.join("\n", lines) + "\n";
  }

  private static String rowsText(List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      text.append(String.join("\t", row)).append('\n');
    }
    return text.toString();
  }
}
