package io.quiver.bench.tpch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one benchmark run: per query and engine the median, minimum and maximum time
 * or the failure, totals over the queries every engine finished, and memory peaks. Renders as a
 * text table and writes CSV and JSON files.
 */
public final class BenchmarkReport {
  private final BenchmarkOptions options;
  private final Instant started;
  private final List<QueryMeasurement> queries = new ArrayList<>();
  private final Map<String, String> engineFacts = new LinkedHashMap<>();
  private final Map<String, Double> loadSeconds = new LinkedHashMap<>();
  private long peakHeapBytes;
  private long peakArrowBytes = -1;

  BenchmarkReport(BenchmarkOptions options, Instant started) {
    this.options = options;
    this.started = started;
  }

  void add(QueryMeasurement measurement) {
    queries.add(measurement);
  }

  void engineFacts(String engine, String facts) {
    engineFacts.put(engine, facts);
  }

  void loadSeconds(String engine, double seconds) {
    loadSeconds.put(engine, seconds);
  }

  void peakHeapBytes(long bytes) {
    peakHeapBytes = bytes;
  }

  void peakArrowBytes(long bytes) {
    peakArrowBytes = bytes;
  }

  public BenchmarkOptions options() {
    return options;
  }

  public List<QueryMeasurement> queries() {
    return List.copyOf(queries);
  }

  /** Sum of the medians of {@code engine} over the queries every engine finished. */
  public double totalMillis(String engine) {
    double total = 0;
    for (QueryMeasurement query : queries) {
      if (query.allOk()) {
        total += query.engine(engine).medianMillis();
      }
    }
    return total;
  }

  /** Queries that every engine finished correctly. */
  public int okCount() {
    int ok = 0;
    for (QueryMeasurement query : queries) {
      if (query.allOk()) {
        ok++;
      }
    }
    return ok;
  }

  private boolean comparesTwo() {
    return options.runs(BenchmarkOptions.QUIVER) && options.runs(BenchmarkOptions.DUCKDB);
  }

  /** The report as a text table with a header of settings and a footer of totals. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT,
        "TPC-H SF %s: %d measured runs per query after 1 warm-up, timeout %d s, "
            + "DuckDB threads %d, Quiver batch %d rows, JVM heap limit %s%n",
        options.scaleFactorName(), options.runs(), options.timeout().toSeconds(),
        options.duckdbThreads(), options.quiverBatchSize(),
        Bytes.format(Runtime.getRuntime().maxMemory())));
    for (Map.Entry<String, String> facts : engineFacts.entrySet()) {
      Double load = loadSeconds.get(facts.getKey());
      text.append(String.format(Locale.ROOT, "  %s: %s%s%n", facts.getKey(), facts.getValue(),
          load == null ? "" : String.format(Locale.ROOT, ", loaded in %.1f s", load)));
    }
    text.append('\n');
    List<String> engines = options.engines();
    StringBuilder header = new StringBuilder(String.format("%-6s", "query"));
    for (String engine : engines) {
      header.append(String.format("%14s", engine + " ms"));
    }
    if (comparesTwo()) {
      header.append(String.format("%16s", "quiver/duckdb"));
    }
    header.append("  status");
    text.append(header).append('\n');
    for (QueryMeasurement query : queries) {
      StringBuilder line = new StringBuilder(String.format("%-6s", query.query().name()));
      for (String engine : engines) {
        line.append(String.format("%14s", millis(query.engine(engine).medianMillis())));
      }
      if (comparesTwo()) {
        line.append(String.format("%16s", ratio(
            query.engine(BenchmarkOptions.QUIVER).medianMillis(),
            query.engine(BenchmarkOptions.DUCKDB).medianMillis())));
      }
      line.append("  ").append(query.statusText());
      text.append(line).append('\n');
    }
    StringBuilder total = new StringBuilder(String.format("%-6s", "total"));
    for (String engine : engines) {
      total.append(String.format("%14s", millis(totalMillis(engine))));
    }
    if (comparesTwo()) {
      total.append(String.format("%16s", ratio(totalMillis(BenchmarkOptions.QUIVER),
          totalMillis(BenchmarkOptions.DUCKDB))));
    }
    total.append(String.format("  sum of medians over the %d of %d queries all engines finished",
        okCount(), queries.size()));
    text.append(total).append('\n');
    for (QueryMeasurement query : queries) {
      for (EngineMeasurement engine : query.engines()) {
        if (!engine.ok()) {
          text.append(String.format("%n%s %s %s: %s", query.query().name(), engine.engine(),
              engine.status(), firstLines(engine.detail(),
                  engine.status() == RunStatus.WRONG ? 3 : 1)));
        }
      }
    }
    text.append(String.format(Locale.ROOT, "%npeak JVM heap during the queries: %s (sum of the"
        + " heap pools' peaks)%n", Bytes.format(peakHeapBytes)));
    if (peakArrowBytes >= 0) {
      text.append(String.format(Locale.ROOT, "peak Arrow memory of the Quiver session: %s"
          + " (tables included)%n", Bytes.format(peakArrowBytes)));
    }
    return text.toString();
  }

  private static String firstLines(String text, int lines) {
    String[] all = text.split("\n", -1);
    String kept = all.length <= lines ? text
        : String.join("\n", java.util.Arrays.copyOf(all, lines)) + " ...";
    return kept.length() <= 400 ? kept : kept.substring(0, 400) + " ...";
  }

  private static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", numerator / denominator);
  }

  /** One line per query and engine: status, median, min, max, every run, detail. */
  public String toCsv() {
    StringBuilder csv = new StringBuilder(
        "query,engine,status,median_ms,min_ms,max_ms,runs_ms,detail\n");
    for (QueryMeasurement query : queries) {
      for (EngineMeasurement engine : query.engines()) {
        List<String> runs = new ArrayList<>();
        for (double time : engine.timesMillis()) {
          runs.add(String.format(Locale.ROOT, "%.3f", time));
        }
        csv.append(query.query().name()).append(',').append(engine.engine()).append(',')
            .append(engine.status()).append(',').append(csvNumber(engine.medianMillis()))
            .append(',').append(csvNumber(engine.minMillis())).append(',')
            .append(csvNumber(engine.maxMillis())).append(',').append(String.join(" ", runs))
            .append(',').append(csvField(engine.detail())).append('\n');
      }
    }
    return csv.toString();
  }

  private static String csvNumber(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String csvField(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  /** The whole report as a JSON object: settings, per-query results, totals, memory. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "tpch");
    root.put("started", started.toString());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("scale_factor", options.scaleFactor());
    settings.put("engines", options.engines());
    settings.put("runs", options.runs());
    settings.put("warmup_runs", 1);
    settings.put("timeout_seconds", options.timeout().toMillis() / 1000.0);
    settings.put("duckdb_threads", options.duckdbThreads());
    settings.put("quiver_batch_size", options.quiverBatchSize());
    settings.put("jvm_max_heap_bytes", Runtime.getRuntime().maxMemory());
    settings.put("java_version", System.getProperty("java.version"));
    settings.put("available_processors", Runtime.getRuntime().availableProcessors());
    root.put("settings", settings);
    root.put("engines", engineFacts);
    root.put("load_seconds", loadSeconds);
    List<Object> results = new ArrayList<>();
    for (QueryMeasurement query : queries) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("query", query.query().name());
      entry.put("status", query.statusText());
      for (EngineMeasurement engine : query.engines()) {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("status", engine.status().name());
        measured.put("checked_against_duckdb", engine.checked());
        measured.put("median_ms", jsonNumber(engine.medianMillis()));
        measured.put("min_ms", jsonNumber(engine.minMillis()));
        measured.put("max_ms", jsonNumber(engine.maxMillis()));
        measured.put("runs_ms", engine.timesMillis());
        measured.put("detail", engine.detail());
        entry.put(engine.engine(), measured);
      }
      results.add(entry);
    }
    root.put("queries", results);
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("queries_ok", okCount());
    totals.put("queries", queries.size());
    for (String engine : options.engines()) {
      totals.put(engine + "_ms", totalMillis(engine));
    }
    if (comparesTwo()) {
      double duckdb = totalMillis(BenchmarkOptions.DUCKDB);
      totals.put("ratio_quiver_duckdb",
          duckdb == 0 ? null : totalMillis(BenchmarkOptions.QUIVER) / duckdb);
    }
    root.put("totals", totals);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("peak_heap_bytes", peakHeapBytes);
    memory.put("peak_arrow_bytes", peakArrowBytes >= 0 ? peakArrowBytes : null);
    root.put("memory", memory);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static Double jsonNumber(double value) {
    return Double.isNaN(value) ? null : value;
  }

  /**
   * Writes {@code tpch-sf<N>-<time>.csv} and {@code .json} into {@code directory} and returns
   * the two paths.
   */
  public List<Path> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
        .format(started);
    String base = "tpch-sf" + options.scaleFactorName() + "-" + stamp;
    Path csv = directory.resolve(base + ".csv");
    Path json = directory.resolve(base + ".json");
    Files.writeString(csv, toCsv(), StandardCharsets.UTF_8);
    Files.writeString(json, toJson(), StandardCharsets.UTF_8);
    return List.of(csv, json);
  }
}
