package io.quiver.engine.cli;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The interactive shell: reads lines at the prompt {@code quiver> } (and {@code    ...> } while
 * a statement continues), runs the statements once a line ends one with {@code ;}, and prints
 * each result with its elapsed time. Errors are printed and the shell goes on. {@code .quit},
 * {@code .exit}, {@code \q} or the end of input leave it.
 */
final class InteractiveShell {
  static final String PROMPT = "quiver> ";
  static final String CONTINUATION_PROMPT = "   ...> ";

  private final QuiverSession session;
  private final ScriptRunner runner;
  private final BufferedReader in;
  private final PrintStream out;

  InteractiveShell(QuiverSession session, ScriptRunner runner, BufferedReader in,
      PrintStream out) {
    this.session = session;
    this.runner = runner;
    this.in = in;
    this.out = out;
  }

  /** Runs until the user leaves; returns the exit code (0). */
  int run() {
    out.println(QuiverCli.version() + ". Statements end with ';'."
        + " Type .help for help, .quit to leave.");
    StatementBuffer buffer = new StatementBuffer();
    while (true) {
      out.print(buffer.isEmpty() ? PROMPT : CONTINUATION_PROMPT);
      out.flush();
      String line;
      try {
        line = in.readLine();
      } catch (IOException e) {
        runner.printError(QuiverException.wrap(ErrorKind.IO, "reading standard input", e), true);
        return 1;
      }
      if (line == null) {
        // End of input: run what is left, even without its ';'.
        out.println();
        if (!buffer.isBlank()) {
          runner.run(buffer.text(), null);
        }
        return 0;
      }
      if (buffer.isEmpty() && isShellCommand(line)) {
        if (!runShellCommand(line.trim())) {
          return 0;
        }
        continue;
      }
      buffer.append(line);
      if (buffer.isBlank()) {
        buffer.clear();
      } else if (buffer.endsStatement()) {
        runner.run(buffer.text(), null);
        buffer.clear();
      }
    }
  }

  private static boolean isShellCommand(String line) {
    String trimmed = line.trim();
    return trimmed.startsWith(".") || trimmed.startsWith("\\");
  }

  /** Runs a shell command; returns false when the shell should stop. */
  private boolean runShellCommand(String command) {
    switch (command) {
      case ".quit", ".exit", "\\q" -> {
        return false;
      }
      case ".help", "\\?" -> out.print("""
          Type SQL statements ending with ';' (they may span lines). Shell commands:
            .tables   list the tables and views
            .help     print this help
            .quit     leave the shell (also .exit, \\q or end of input)
          """);
      case ".tables", "\\d" -> {
        List<String> names = session.tableNames();
        if (names.isEmpty()) {
          out.println("(no tables)");
        } else {
          names.forEach(out::println);
        }
      }
      default -> out.println("Unknown command " + command + ": type .help for the commands");
    }
    out.flush();
    return true;
  }
}
