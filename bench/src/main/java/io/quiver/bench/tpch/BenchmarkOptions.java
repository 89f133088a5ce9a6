package io.quiver.bench.tpch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Settings of one TPC-H benchmark run, parsed from the command line.
 *
 * @param scaleFactor TPC-H scale factor ({@code --sf}, default 1; 0.01 with {@code --quick})
 * @param engines engines to run, in order ({@code --engines quiver,duckdb,calcite,h2})
 * @param runs measured runs per query and engine after one warm-up ({@code --runs}, default 5;
 *     1 with {@code --quick})
 * @param timeout time limit of one query run ({@code --timeout} seconds, default 60; 10 with
 *     {@code --quick})
 * @param queries queries to run ({@code --queries 1,3,5-7,scan_parquet}, default the 22)
 * @param threads DuckDB's thread counts ({@code --threads 1,2}, default 1): DuckDB runs once per
 *     count, as {@code duckdb-t1}, {@code duckdb-t2}
 * @param format where the TPC-H queries read from ({@code --format memory|parquet})
 * @param h2MaxScaleFactor the largest scale factor H2 runs at ({@code --h2-max-sf}, default 0.1)
 * @param quiverBatchSize rows per Quiver batch ({@code --quiver-batch-size}, default 8192)
 * @param dataDirectory where generated data is cached ({@code --data-dir}, default bench/data)
 * @param resultsDirectory where the reports go ({@code --results-dir}, default bench/results)
 * @param commandLine the command as given, for the report
 */
public record BenchmarkOptions(double scaleFactor, List<String> engines, int runs,
    Duration timeout, List<BenchmarkQuery> queries, List<Integer> threads, Format format,
    double h2MaxScaleFactor, int quiverBatchSize, Path dataDirectory, Path resultsDirectory,
    String commandLine) {

  /** Engine name of Quiver. */
  public static final String QUIVER = "quiver";
  /** Engine name of DuckDB (each run is named {@code duckdb-t<threads>}). */
  public static final String DUCKDB = "duckdb";
  /** Engine name of Apache Calcite's own (Enumerable) execution. */
  public static final String CALCITE = "calcite";
  /** Engine name of H2 (in memory). */
  public static final String H2 = "h2";
  /** Every engine, in the default order. */
  public static final List<String> ALL_ENGINES = List.of(QUIVER, DUCKDB, CALCITE, H2);

  /** Where the TPC-H queries read their tables from. */
  public enum Format {
    /** Each engine's own in-memory tables, loaded from the Arrow cache before the queries. */
    MEMORY,
    /** The Parquet files, read by each engine at every query. */
    PARQUET
  }

  /** The usage text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "usage: bench/run tpch [options]",
      "  --sf N                 scale factor (default 1)",
      "  --engines LIST         of quiver,duckdb,calcite,h2 (default quiver,duckdb)",
      "  --threads LIST         DuckDB thread counts, one DuckDB run each (default 1; e.g. 1,2)",
      "  --format F             memory (in-memory tables, default) or parquet (files read by"
          + " every query)",
      "  --runs N               measured runs per query and engine, after one warm-up (default 5)",
      "  --timeout SECONDS      time limit of one query run (default 60)",
      "  --queries LIST         e.g. 1,3,5-7 or all, plus scan_parquet, scan_csv (default all)",
      "  --h2-max-sf N          largest scale factor H2 runs at (default 0.1)",
      "  --quick                SF 0.01, one run, timeout 10 s (the test suite's smoke test)",
      "  --quiver-batch-size N  rows per Quiver batch (default 8192)",
      "  --data-dir DIR         data cache, one folder per scale factor (default bench/data)",
      "  --results-dir DIR      where the CSV, JSON and HTML reports go (default bench/results)",
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
      if (!ALL_ENGINES.contains(engine)) {
        throw new IllegalArgumentException("unknown engine '" + engine
            + "': the engines are quiver, duckdb, calcite and h2");
      }
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1: " + runs);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("--timeout must be positive: " + timeout);
    }
    if (threads.isEmpty()) {
      throw new IllegalArgumentException("--threads names no thread count");
    }
    for (int count : threads) {
      if (count < 1) {
        throw new IllegalArgumentException("--threads must be at least 1: " + count);
      }
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("--queries names no query");
    }
    engines = List.copyOf(engines);
    queries = List.copyOf(queries);
    threads = List.copyOf(threads);
  }

  /** Parses command-line arguments; a leading {@code tpch} is accepted and ignored. */
  public static BenchmarkOptions parse(String... args) {
    Double scaleFactor = null;
    List<String> engines = List.of(QUIVER, DUCKDB);
    Integer runs = null;
    Duration timeout = null;
    List<BenchmarkQuery> queries = BenchmarkQuery.parseList("all");
    List<Integer> threads = List.of(1);
    Format format = Format.MEMORY;
    double h2MaxScaleFactor = 0.1;
    int batchSize = 8192;
    boolean quick = false;
    Path data = Path.of("bench", "data");
    Path results = Path.of("bench", "results");
    List<String> shown = new ArrayList<>();
    int i = 0;
    if (args.length > 0 && args[0].equals("tpch")) {
      i++;
    }
    for (; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--quick")) {
        quick = true;
        shown.add(option);
        continue;
      }
      if (!option.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + option + "'\n" + USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      if (!option.equals("--data-dir") && !option.equals("--results-dir")) {
        shown.add(option);
        shown.add(value);
      }
      try {
        switch (option) {
          case "--sf" -> scaleFactor = Double.parseDouble(value);
          case "--engines" -> engines = splitList(value);
          case "--runs" -> runs = Integer.parseInt(value);
          case "--timeout" -> timeout = Duration.ofMillis(
              Math.round(Double.parseDouble(value) * 1000));
          case "--queries" -> queries = BenchmarkQuery.parseList(value);
          case "--threads", "--duckdb-threads" -> threads = parseThreads(value);
          case "--format" -> format = parseFormat(value);
          case "--h2-max-sf" -> h2MaxScaleFactor = Double.parseDouble(value);
          case "--quiver-batch-size" -> batchSize = Integer.parseInt(value);
          case "--data-dir" -> data = Path.of(value);
          case "--results-dir" -> results = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, not '" + value + "'", e);
      }
    }
    double sf = scaleFactor != null ? scaleFactor : quick ? 0.01 : 1;
    int runCount = runs != null ? runs : quick ? 1 : 5;
    Duration limit = timeout != null ? timeout : Duration.ofSeconds(quick ? 10 : 60);
    String command = "bench/run tpch" + (shown.isEmpty() ? "" : " " + String.join(" ", shown));
    return new BenchmarkOptions(sf, engines, runCount, limit, queries, threads, format,
        h2MaxScaleFactor, batchSize, data, results, command);
  }

  private static List<Integer> parseThreads(String value) {
    List<Integer> counts = new ArrayList<>();
    for (String item : splitList(value)) {
      counts.add(Integer.parseInt(item));
    }
    return counts;
  }

  private static Format parseFormat(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "memory" -> Format.MEMORY;
      case "parquet" -> Format.PARQUET;
      default -> throw new IllegalArgumentException("unknown --format '" + value
          + "': use memory or parquet");
    };
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

  /** Whether {@code engine} ({@code quiver}, {@code duckdb}, ...) takes part. */
  public boolean runs(String engine) {
    return engines.contains(engine);
  }

  /**
   * The measured engine instances in order: {@code quiver}, {@code duckdb-t1},
   * {@code duckdb-t2}, {@code calcite}, {@code h2} (DuckDB once per thread count).
   */
  public List<String> engineRuns() {
    List<String> names = new ArrayList<>();
    for (String engine : engines) {
      if (engine.equals(DUCKDB)) {
        for (int count : threads) {
          names.add(duckDbName(count));
        }
      } else {
        names.add(engine);
      }
    }
    return names;
  }

  /** {@code duckdb-t<threads>}. */
  public static String duckDbName(int threads) {
    return DUCKDB + "-t" + threads;
  }

  /**
   * The engine whose results the others are checked against: DuckDB with the first thread
   * count, or null when DuckDB does not run.
   */
  public String referenceEngine() {
    return runs(DUCKDB) ? duckDbName(threads.get(0)) : null;
  }

  /** Whether any query reads the Parquet or CSV copies. */
  public boolean needsFiles() {
    if (format == Format.PARQUET) {
      return true;
    }
    for (BenchmarkQuery query : queries) {
      if (query.needsFiles()) {
        return true;
      }
    }
    return false;
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
