package io.quiver.bench.tpch;

import io.quiver.engine.tpch.TpchQueries;
import io.quiver.engine.tpch.TpchQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of one TPC-H benchmark run, parsed from the command line.
 *
 * @param scaleFactor TPC-H scale factor ({@code --sf}, default 1)
 * @param engines engines to run, in order ({@code --engines quiver,duckdb})
 * @param runs measured runs per query and engine after one warm-up ({@code --runs}, default 5)
 * @param timeout time limit of one query run ({@code --timeout} seconds, default 60)
 * @param queries queries to run ({@code --queries 1,3,5-7}, default all)
 * @param duckdbThreads DuckDB's {@code SET threads} ({@code --duckdb-threads}, default 1)
 * @param quiverBatchSize rows per Quiver batch ({@code --quiver-batch-size}, default 8192)
 * @param dataDirectory where generated data is cached ({@code --data-dir}, default bench/data)
 * @param resultsDirectory where CSV and JSON reports go ({@code --results-dir}, default
 *     bench/results)
 */
public record BenchmarkOptions(double scaleFactor, List<String> engines, int runs,
    Duration timeout, List<TpchQuery> queries, int duckdbThreads, int quiverBatchSize,
    Path dataDirectory, Path resultsDirectory) {

  /** Engine name of Quiver. */
  public static final String QUIVER = "quiver";
  /** Engine name of DuckDB. */
  public static final String DUCKDB = "duckdb";

  /** The usage text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "usage: bench/run tpch [options]",
      "  --sf N                 scale factor (default 1)",
      "  --engines LIST         quiver,duckdb (default both)",
      "  --runs N               measured runs per query and engine, after one warm-up (default 5)",
      "  --timeout SECONDS      time limit of one query run (default 60)",
      "  --queries LIST         e.g. 1,3,5-7 (default all)",
      "  --duckdb-threads N     DuckDB threads (default 1)",
      "  --quiver-batch-size N  rows per Quiver batch (default 8192)",
      "  --data-dir DIR         data cache, one folder per scale factor (default bench/data)",
      "  --results-dir DIR      where the CSV and JSON reports go (default bench/results)",
      "  --xmx SIZE             (bench/run only) JVM heap, default 16g");

  /** Checks the settings. */
  public BenchmarkOptions {
    if (!(scaleFactor > 0)) {
      throw new IllegalArgumentException("--sf must be positive: " + scaleFactor);
    }
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("--engines names no engine");
    }
    for (String engine : engines) {
      if (!engine.equals(QUIVER) && !engine.equals(DUCKDB)) {
        throw new IllegalArgumentException("unknown engine '" + engine
            + "': the engines are quiver and duckdb");
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1: " + runs);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("--timeout must be positive: " + timeout);
    }
    if (duckdbThreads < 1) {
      throw new IllegalArgumentException("--duckdb-threads must be at least 1: " + duckdbThreads);
    }
    engines = List.copyOf(engines);
    queries = List.copyOf(queries);
  }

  /** Parses command-line arguments; a leading {@code tpch} is accepted and ignored. */
  public static BenchmarkOptions parse(String... args) {
    double scaleFactor = 1;
    List<String> engines = List.of(QUIVER, DUCKDB);
    int runs = 5;
    Duration timeout = Duration.ofSeconds(60);
    List<TpchQuery> queries = TpchQueries.all();
    int duckdbThreads = 1;
    int batchSize = 8192;
    Path data = Path.of("bench", "data");
    Path results = Path.of("bench", "results");
    int i = 0;
    if (args.length > 0 && args[0].equals("tpch")) {
      i++;
    }
    for (; i < args.length; i++) {
      String option = args[i];
      if (!option.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + option + "'\n" + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--sf" -> scaleFactor = Double.parseDouble(value);
          case "--engines" -> engines = splitList(value);
          case "--runs" -> runs = Integer.parseInt(value);
          case "--timeout" -> timeout = Duration.ofMillis(
              Math.round(Double.parseDouble(value) * 1000));
          case "--queries" -> queries = TpchQueries.parseList(value);
          case "--duckdb-threads" -> duckdbThreads = Integer.parseInt(value);
          case "--quiver-batch-size" -> batchSize = Integer.parseInt(value);
          case "--data-dir" -> data = Path.of(value);
          case "--results-dir" -> results = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, not '" + value + "'", e);
      }
    }
    return new BenchmarkOptions(scaleFactor, engines, runs, timeout, queries, duckdbThreads,
        batchSize, data, results);
  }

  private static List<String> splitList(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim().toLowerCase(Locale.ROOT));
      }
    }
    return items;
  }

  /** Whether {@code engine} takes part. */
  public boolean runs(String engine) {
    return engines.contains(engine);
  }

  /** The scale factor as written in folder and file names: {@code 1}, {@code 0.01}, {@code 10}. */
  public String scaleFactorName() {
    return scaleFactorName(scaleFactor);
  }

  /** {@code scaleFactor} as written in folder and file names. */
  public static String scaleFactorName(double scaleFactor) {
    return java.math.BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
  }
}
