package io.quiver.engine.cli;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.catalog.TableProviders;
import io.quiver.engine.plugin.PluginLoadReport;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code quiver} command: runs SQL from {@code -c} options, {@code -f} files, a script on
 * standard input, or an interactive shell, and prints the results (see
 * {@link CliOptions#usage()}). The only part of Quiver that writes to the terminal.
 *
 * <p>Exit status: 0 on success, 1 when a statement fails, 2 for a bad command line.
 */
public final class QuiverCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_COMMAND_LINE = 2;

  private QuiverCli() {}

  public static void main(String[] args) {
    // Library warnings are not for CLI users: SLF4J, when no provider is bound, must not
    // complain on standard error either. Set before anything initialises SLF4J.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    PrintStream out = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    int status = run(args, System.in, out, err, stdinIsTerminal());
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the command line {@code args} with {@code in} as standard input, read as a script
   * (never as an interactive shell), and returns the exit status.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, false);
  }

  /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}; {@code interactive} says
   * whether standard input is a terminal (then, without -c or -f, the shell runs). */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
      boolean interactive) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (CommandLineException e) {
      err.println("quiver: " + e.getMessage());
      err.println();
      err.print(CliOptions.usage());
      err.flush();
      return BAD_COMMAND_LINE;
    }
    if (options.help()) {
      out.print(CliOptions.usage());
      out.flush();
      return OK;
    }
    if (options.version()) {
      out.println(version());
      out.flush();
      return OK;
    }
    QuiverSession session;
    try {
      session = openSession(options);
    } catch (QuiverException e) {
      ScriptRunner.printError(e, true, options.verbose(), out, err);
      return FAILED;
    }
    boolean shell = options.sources().isEmpty() && interactive;
    ScriptRunner runner = new ScriptRunner(session, options, out, err, shell);
    int status;
    try {
      registerProviderFunctions(session, runner);
      loadPlugins(options, session, runner);
      if (options.capabilities()) {
        out.println(session.capabilities().toPrettyString());
        status = OK;
      } else {
        status = runAll(options, session, runner, in, out, shell);
      }
    } finally {
      out.flush();
    }
    try {
      session.close();
    } catch (RuntimeException e) {
      runner.printError(QuiverException.wrap(ErrorKind.INTERNAL, "closing the session", e),
          false);
      return FAILED;
    }
    return status;
  }

  private static int runAll(CliOptions options, QuiverSession session, ScriptRunner runner,
      InputStream in, PrintStream out, boolean shell) {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (shell) {
      return new InteractiveShell(session, runner, reader, out).run();
    }
    if (options.sources().isEmpty()) {
      String script;
      try {
        script = readAll(reader);
      } catch (IOException e) {
        runner.printError(QuiverException.wrap(ErrorKind.IO, "reading standard input", e), true);
        return FAILED;
      }
      return runner.run(script, null) ? OK : FAILED;
    }
    for (ScriptSource source : options.sources()) {
      String script;
      try {
        script = source.load();
      } catch (QuiverException e) {
        runner.printError(e, true);
        return FAILED;
      }
      if (!runner.run(script, source.context())) {
        return FAILED;
      }
    }
    return OK;
  }

  /**
   * Adds the SQL functions of the table providers on the class path ({@code delta_scan} when
   * quiver-delta is there, as {@code bin/quiver} arranges). A provider that fails is reported
   * on standard error and the statements run regardless.
   */
  private static void registerProviderFunctions(QuiverSession session, ScriptRunner runner) {
    try {
      TableProviders.registerFunctions(session);
    } catch (QuiverException e) {
      runner.printError(e, true);
    }
  }

  /**
   * Loads the {@code --plugin} jars in order. A plugin that fails (or loads only in part) is
   * reported as an error line on standard error; the statements run regardless and the exit
   * status depends on them alone.
   */
  private static void loadPlugins(CliOptions options, QuiverSession session,
      ScriptRunner runner) {
    for (String plugin : options.plugins()) {
      try {
        PluginLoadReport report = session.loadPlugin(Path.of(plugin), null);
        if (report.exception() != null) {
          runner.printError(report.exception(), true);
        }
      } catch (InvalidPathException e) {
        runner.printError(QuiverException.wrap(ErrorKind.IO, "--plugin " + plugin, e), true);
      } catch (QuiverException e) {
        runner.printError(e, true);
      }
    }
  }

  private static QuiverSession openSession(CliOptions options) {
    QuiverSession.Builder builder = QuiverSession.builder();
    if (options.memoryLimit() > 0) {
      builder.memoryLimit(options.memoryLimit());
    }
    if (options.batchSize() > 0) {
      builder.batchSize(options.batchSize());
    }
    return builder.build();
  }

  private static String readAll(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    int read;
    while ((read = reader.read(buffer)) >= 0) {
      text.append(buffer, 0, read);
    }
    return text.toString();
  }

  /** {@code quiver <version> (Java <version>)}. */
  static String version() {
    String version = null;
    try (InputStream properties = QuiverCli.class.getResourceAsStream(
        "/META-INF/maven/io.quiver/quiver-engine/pom.properties")) {
      if (properties != null) {
        Properties values = new Properties();
        values.load(properties);
        version = values.getProperty("version");
      }
    } catch (IOException e) {
      // fall through to the development version
    }
    if (version == null) {
      version = "(development build)";
    }
    return "quiver " + version + " (Java " + System.getProperty("java.version") + ")";
  }

  /** True when standard input is a terminal (so the shell should run). */
  static boolean stdinIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ may return a console for redirected streams; isTerminal() tells.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
