package io.quiver.engine.cli;

import io.quiver.engine.format.ResultFormat;
import io.quiver.engine.format.TableFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed command line of {@code quiver}. See {@link #usage()} for the options.
 *
 * @param sources the {@code -c} and {@code -f} scripts in command-line order; empty to read
 *     standard input
 * @param plugins the {@code --plugin} jar paths, loaded in this order before any statement
 * @param memoryLimit session memory limit in bytes, or 0 for the session default
 * @param batchSize rows per batch, or 0 for the session default
 * @param maxRows rows printed at most per table ({@code Integer.MAX_VALUE} for all)
 * @param capabilities print the capabilities snapshot (after loading plugins) and exit
 */
record CliOptions(
    List<ScriptSource> sources,
    List<String> plugins,
    ResultFormat format,
    boolean timing,
    long memoryLimit,
    int batchSize,
    int maxRows,
    boolean verbose,
    boolean help,
    boolean version,
    boolean capabilities) {

  static final int MAX_BATCH_SIZE = 1 << 20;

  /** The help text printed by {@code --help} and after a bad command line. */
  static String usage() {
    return """
        Usage: quiver [options]

        Runs SQL with Quiver. Without -c or -f it reads statements from standard input: an
        interactive shell when standard input is a terminal, otherwise a script.

        Options:
          -c, --command <sql>        run the statements in <sql>, separated by ';'
          -f, --file <path>          run the statements in the file <path>
                                     (-c and -f may be repeated; they run in order and the
                                     first error stops them)
          --plugin <path>            load the plugin jar <path> before running statements
                                     (may be repeated; a plugin that fails to load is
                                     reported on standard error and the statements still run)
          --format <table|csv|json>  how query results are printed (default: table); in csv
                                     and json, statements without rows print nothing
          --timing                   print each statement's elapsed time on standard error
          --max-rows <n>             print at most <n> rows of a table (default: %d;
                                     0 prints all rows)
          --memory-limit <size>      Arrow memory the session may hold, in bytes or with a
                                     unit: 512m, 4g (default: twice the JVM heap limit)
          --batch-size <n>           rows per batch, 1 to %d (default: 8192)
          --verbose                  print the stack trace of an error
          -h, --help                 print this help and exit
          --version                  print the version and exit
          --capabilities             print what this build can do as JSON (versions, plugin
                                     ABI, functions, plugins given with --plugin, native
                                     acceleration) and exit

        Exit status: 0 on success, 1 when a statement fails, 2 for a bad command line.
        """.formatted(TableFormatter.DEFAULT_MAX_ROWS, MAX_BATCH_SIZE);
  }

  /** Parses {@code args}; options take their value as the next argument or after {@code =}. */
  static CliOptions parse(String[] args) throws CommandLineException {
    List<ScriptSource> sources = new ArrayList<>();
    List<String> plugins = new ArrayList<>();
    ResultFormat format = ResultFormat.TABLE;
    boolean timing = false;
    long memoryLimit = 0;
    int batchSize = 0;
    int maxRows = TableFormatter.DEFAULT_MAX_ROWS;
    boolean verbose = false;
    boolean help = false;
    boolean version = false;
    boolean capabilities = false;
    int i = 0;
    while (i < args.length) {
      String arg = args[i++];
      String name = arg;
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inlineValue = arg.substring(equals + 1);
      }
      switch (name) {
        case "-h", "--help" -> help = true;
        case "--version" -> version = true;
        case "--capabilities" -> capabilities = true;
        case "--timing" -> timing = true;
        case "--verbose" -> verbose = true;
        case "-c", "--command", "-f", "--file", "--plugin", "--format", "--max-rows",
            "--memory-limit", "--batch-size" -> {
          String value;
          if (inlineValue != null) {
            value = inlineValue;
          } else if (i < args.length) {
            value = args[i++];
          } else {
            throw new CommandLineException("option " + name + " needs a value");
          }
          switch (name) {
            case "-c", "--command" -> sources.add(ScriptSource.command(value));
            case "-f", "--file" -> sources.add(ScriptSource.file(value));
            case "--plugin" -> plugins.add(value);
            case "--format" -> format = parseFormat(value);
            case "--max-rows" -> {
              int rows = parseInt(name, value, 0, Integer.MAX_VALUE);
              maxRows = rows == 0 ? Integer.MAX_VALUE : rows;
            }
            case "--memory-limit" -> memoryLimit = ByteSize.parse(value);
            default -> batchSize = parseInt(name, value, 1, MAX_BATCH_SIZE);
          }
        }
        default -> {
          if (name.startsWith("-") && name.length() > 1) {
            throw new CommandLineException("unknown option " + name);
          }
          throw new CommandLineException("unexpected argument '" + arg
              + "': use -c to run SQL text or -f to run a script file");
        }
      }
      if (inlineValue != null && !takesValue(name)) {
        throw new CommandLineException("option " + name + " takes no value");
      }
    }
    return new CliOptions(List.copyOf(sources), List.copyOf(plugins), format, timing,
        memoryLimit, batchSize, maxRows, verbose, help, version, capabilities);
  }

  private static boolean takesValue(String name) {
    return switch (name) {
      case "--command", "--file", "--plugin", "--format", "--max-rows", "--memory-limit",
          "--batch-size" -> true;
      default -> false;
    };
  }

  private static ResultFormat parseFormat(String value) throws CommandLineException {
    try {
      return ResultFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLineException(
          "unknown format '" + value + "': use table, csv or json");
    }
  }

  private static int parseInt(String option, String value, int min, int max)
      throws CommandLineException {
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLineException("option " + option + " needs a whole number from " + min
        + " to " + max + ", not '" + value + "'");
  }
}
