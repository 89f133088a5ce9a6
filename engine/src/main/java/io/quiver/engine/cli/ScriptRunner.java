package io.quiver.engine.cli;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.format.ResultFormat;
import io.quiver.engine.format.ResultWriter;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs scripts for the CLI: each statement's result is printed as soon as it runs (CSV and
 * JSON stream batch by batch), with its elapsed time if asked; the first error is printed as
 * one line {@code Error [KIND]: message} on the error stream and stops the script.
 */
final class ScriptRunner {
  private final QuiverSession session;
  private final CliOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private boolean printedOutput;
  private boolean lastOutputWasTable;

  /**
   * @param interactive true in the shell: elapsed times go to {@code out} after every
   *     statement; otherwise they go to {@code err}, and only with {@code --timing}
   */
  ScriptRunner(QuiverSession session, CliOptions options, PrintStream out, PrintStream err,
      boolean interactive) {
    this.session = session;
    this.options = options;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  /** Runs {@code script}; returns false when a statement failed (the error is printed). */
  boolean run(String script, String context) {
    printedOutput = false;
    lastOutputWasTable = false;
    long[] statementStart = {System.nanoTime()};
    try {
      session.execute(script, result -> {
        print(result);
        reportTime(System.nanoTime() - statementStart[0]);
        statementStart[0] = System.nanoTime();
      });
      return true;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      QuiverException error = e instanceof QuiverException quiver
          ? quiver : QuiverException.wrap(ErrorKind.INTERNAL, null, e);
      if (context != null) {
        error.withContext(context);
      }
      printError(error, e instanceof QuiverException);
      return false;
    }
  }

  private void print(QueryResult result) {
    ResultFormat format = options.format();
    if (format != ResultFormat.TABLE) {
      // CSV and JSON stream straight to the output, batch by batch.
      ResultWriter.write(result, format, out, options.maxRows());
      out.flush();
      return;
    }
    // A table is complete before anything of it is printed (its widths need every row), so it
    // is rendered first: a query that fails half-way prints nothing but its error.
    StringBuilder text = new StringBuilder();
    ResultWriter.write(result, format, text, options.maxRows());
    if (text.length() == 0) {
      return;
    }
    boolean isTable = result.returnsRows();
    // A blank line sets a table apart from what comes before and after it.
    if (printedOutput && (isTable || lastOutputWasTable)) {
      out.print('\n');
    }
    out.append(text);
    out.flush();
    printedOutput = true;
    lastOutputWasTable = isTable;
  }

  private void reportTime(long nanos) {
    String line = String.format(Locale.ROOT, "Time: %.3f ms", nanos / 1e6);
    if (interactive) {
      out.println(line);
      out.flush();
    } else if (options.timing()) {
      err.println(line);
      err.flush();
    }
  }

  /** Prints {@code error} as one line (and its stack trace with {@code --verbose}). */
  void printError(QuiverException error, boolean fromQuiver) {
    printError(error, fromQuiver, options.verbose(), out, err);
  }

  /**
   * Prints {@code error} as one line on {@code err} (after flushing {@code out}, so that the
   * two streams read in order on a terminal), with its stack trace when {@code verbose}.
   */
  static void printError(QuiverException error, boolean fromQuiver, boolean verbose,
      PrintStream out, PrintStream err) {
    out.flush();
    err.println(errorLine(error, fromQuiver));
    if (verbose) {
      error.printStackTrace(err);
    }
    err.flush();
  }

  /** {@code Error [KIND]: message} on one line. */
  static String errorLine(QuiverException error, boolean fromQuiver) {
    String message = error.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
    String line = "Error [" + error.kind() + "]: " + message;
    if (!fromQuiver && error.kind() == ErrorKind.INTERNAL) {
      line += " (this is a bug in Quiver: please report it with the output of --verbose)";
    }
    return line;
  }
}
