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
 * or the failure, ratios of Quiver's median to each peer's, totals, the machine and memory
 * peaks. Renders as a text table and writes CSV, JSON and a self-contained HTML page.
 */
public final class BenchmarkReport {
  private final BenchmarkOptions options;
  private final Instant started;
  private final MachineFacts machine;
  private final List<QueryMeasurement> queries = new ArrayList<>();
  private final Map<String, String> engineFacts = new LinkedHashMap<>();
  private final Map<String, Double> loadSeconds = new LinkedHashMap<>();
  private long peakHeapBytes;
  private long peakArrowBytes = -1;
  private double endLoadAverage = -1;

  BenchmarkReport(BenchmarkOptions options, Instant started) {
    this.options = options;
    this.started = started;
    this.machine = MachineFacts.current();
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

  /** Notes the machine's load average once the queries have run. */
  void noteEndLoadAverage() {
    endLoadAverage = MachineFacts.currentLoadAverage();
  }

  /** The load average over the last minute when the queries ended, or negative. */
  public double endLoadAverage() {
    return endLoadAverage;
  }

  /** The machine's summary with the load average at the end. */
  public String machineSummary() {
    return machine.summary() + (endLoadAverage < 0 ? "" : String.format(Locale.ROOT,
        ", %.1f at the end", endLoadAverage));
  }

  public BenchmarkOptions options() {
    return options;
  }

  public Instant started() {
    return started;
  }

  public MachineFacts machine() {
    return machine;
  }

  public List<QueryMeasurement> queries() {
    return List.copyOf(queries);
  }

  /** Engine facts (version, settings) by engine name, in the order of the run. */
  public Map<String, String> engineFacts() {
    return Map.copyOf(engineFacts);
  }

  /** The measured engines: {@code quiver}, {@code duckdb-t1}, ... */
  public List<String> engines() {
    return options.engineRuns();
  }

  /** The peers Quiver is compared with (every engine but Quiver), or none without Quiver. */
  public List<String> peers() {
    if (!options.runs(BenchmarkOptions.QUIVER)) {
      return List.of();
    }
    List<String> peers = new ArrayList<>(engines());
    peers.remove(BenchmarkOptions.QUIVER);
    return peers;
  }

  /** Quiver's median divided by {@code engine}'s for one query, or NaN. */
  public static double ratio(QueryMeasurement query, String engine) {
    EngineMeasurement quiver = query.engine(BenchmarkOptions.QUIVER);
    EngineMeasurement other = query.engine(engine);
    if (quiver == null || other == null) {
      return Double.NaN;
    }
    return ratio(quiver.medianMillis(), other.medianMillis());
  }

  /**
   * Sum of the medians of {@code engine} over the TPC-H queries every engine that ran finished
   * (the scan queries are reported on their own).
   */
  public double totalMillis(String engine) {
    double total = 0;
    for (QueryMeasurement query : queries) {
      if (counted(query) && query.engine(engine).ok()) {
        total += query.engine(engine).medianMillis();
      }
    }
    return total;
  }

  private static boolean counted(QueryMeasurement query) {
    return query.allOk() && query.query().kind() == BenchmarkQuery.Kind.TPCH;
  }

  /**
   * Over the TPC-H queries both Quiver and {@code engine} finished: {Quiver's sum of medians,
   * the engine's, how many queries}.
   */
  public double[] pairTotals(String engine) {
    double quiver = 0;
    double other = 0;
    int count = 0;
    for (QueryMeasurement query : queries) {
      EngineMeasurement q = query.engine(BenchmarkOptions.QUIVER);
      EngineMeasurement e = query.engine(engine);
      if (query.query().kind() == BenchmarkQuery.Kind.TPCH && q != null && e != null && q.ok()
          && e.ok() && !Double.isNaN(q.medianMillis())
          && !Double.isNaN(e.medianMillis())) {
        quiver += q.medianMillis();
        other += e.medianMillis();
        count++;
      }
    }
    return new double[] {quiver, other, count};
  }

  /** TPC-H queries that every engine that ran finished correctly. */
  public int okCount() {
    int ok = 0;
    for (QueryMeasurement query : queries) {
      if (counted(query)) {
        ok++;
      }
    }
    return ok;
  }

  /** How many TPC-H queries ran (the scan queries aside). */
  public int tpchCount() {
    int count = 0;
    for (QueryMeasurement query : queries) {
      if (query.query().kind() == BenchmarkQuery.Kind.TPCH) {
        count++;
      }
    }
    return count;
  }

  /** One line of settings: scale factor, format, runs, timeout, batch size. */
  public String settingsLine() {
    return String.format(Locale.ROOT,
        "TPC-H SF %s, %s tables: %d measured run%s per query after 1 warm-up, interleaved;"
            + " timeout %d s; Quiver batch %d rows; results checked against %s",
        options.scaleFactorName(), options.format() == BenchmarkOptions.Format.MEMORY
            ? "in-memory" : "Parquet", options.runs(), options.runs() == 1 ? "" : "s",
        options.timeout().toSeconds(), options.quiverBatchSize(),
        options.referenceEngine() == null ? "nothing (DuckDB did not run)"
            : options.referenceEngine());
  }

  /** The report as a text table with a header of settings and a footer of totals. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(settingsLine()).append('\n');
    text.append("machine: ").append(machineSummary()).append('\n');
    text.append("command: ").append(options.commandLine()).append('\n');
    for (Map.Entry<String, String> facts : engineFacts.entrySet()) {
      Double load = loadSeconds.get(facts.getKey());
      text.append(String.format(Locale.ROOT, "  %s: %s%s%n", facts.getKey(), facts.getValue(),
          load == null ? "" : String.format(Locale.ROOT, ", ready in %.1f s", load)));
    }
    text.append('\n');
    List<String> engines = engines();
    List<String> peers = peers();
    StringBuilder header = new StringBuilder(String.format("%-13s", "query"));
    for (String engine : engines) {
      header.append(String.format("%14s", engine + " ms"));
    }
    for (String peer : peers) {
      header.append(String.format("%18s", "quiver/" + peer));
    }
    header.append("  status");
    text.append(header).append('\n');
    for (QueryMeasurement query : queries) {
      StringBuilder line = new StringBuilder(String.format("%-13s", query.query().name()));
      for (String engine : engines) {
        EngineMeasurement measured = query.engine(engine);
        line.append(String.format("%14s", measured.ok() ? millis(measured.medianMillis())
            : measured.status().name()));
      }
      for (String peer : peers) {
        line.append(String.format("%18s", ratioText(ratio(query, peer))));
      }
      line.append("  ").append(query.statusText());
      text.append(line).append('\n');
    }
    StringBuilder total = new StringBuilder(String.format("%-13s", "total"));
    for (String engine : engines) {
      total.append(String.format("%14s", millis(totalMillis(engine))));
    }
    for (String peer : peers) {
      double[] pair = pairTotals(peer);
      total.append(String.format("%18s", ratioText(ratio(pair[0], pair[1]))));
    }
    total.append(String.format("  sum of medians over the %d of %d TPC-H queries every engine"
        + " that ran finished (ratios: over the TPC-H queries both finished)", okCount(),
        tpchCount()));
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
    text.append(String.format(Locale.ROOT, "%n%npeak JVM heap during the queries: %s (sum of the"
        + " heap pools' peaks)%n", Bytes.format(peakHeapBytes)));
    if (peakArrowBytes >= 0) {
      text.append(String.format(Locale.ROOT, "peak Arrow memory of the Quiver session: %s"
          + " (tables included)%n", Bytes.format(peakArrowBytes)));
    }
    return text.toString();
  }

  static String firstLines(String text, int lines) {
    String[] all = text.split("\n", -1);
    String kept = all.length <= lines ? text
        : String.join("\n", java.util.Arrays.copyOf(all, lines)) + " ...";
    return kept.length() <= 400 ? kept : kept.substring(0, 400) + " ...";
  }

  static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  static double ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
      return Double.NaN;
    }
    return numerator / denominator;
  }

  static String ratioText(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  /**
   * One line per query and engine: status, median, min, max, Quiver's median over this
   * engine's, every run, detail.
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder(
        "query,engine,status,median_ms,min_ms,max_ms,quiver_ratio,runs_ms,detail\n");
    for (QueryMeasurement query : queries) {
      for (EngineMeasurement engine : query.engines()) {
        List<String> runs = new ArrayList<>();
        for (double time : engine.timesMillis()) {
          runs.add(String.format(Locale.ROOT, "%.3f", time));
        }
        csv.append(query.query().name()).append(',').append(engine.engine()).append(',')
            .append(engine.status()).append(',').append(csvNumber(engine.medianMillis()))
            .append(',').append(csvNumber(engine.minMillis())).append(',')
            .append(csvNumber(engine.maxMillis())).append(',')
            .append(csvNumber(ratio(query, engine.engine()))).append(',')
            .append(String.join(" ", runs)).append(',').append(csvField(engine.detail()))
            .append('\n');
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

  /** The whole report as a JSON object: settings, machine, per-query results, totals, memory. */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "tpch");
    root.put("started", started.toString());
    root.put("command", options.commandLine());
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("scale_factor", options.scaleFactor());
    settings.put("format", options.format().name().toLowerCase(Locale.ROOT));
    settings.put("engines", engines());
    settings.put("reference_engine", options.referenceEngine());
    settings.put("runs", options.runs());
    settings.put("warmup_runs", 1);
    settings.put("timeout_seconds", options.timeout().toMillis() / 1000.0);
    settings.put("duckdb_threads", options.threads());
    settings.put("h2_max_scale_factor", options.h2MaxScaleFactor());
    settings.put("quiver_batch_size", options.quiverBatchSize());
    root.put("settings", settings);
    Map<String, Object> machineMap = new LinkedHashMap<>(machine.toMap());
    machineMap.put("load_average_at_end", endLoadAverage < 0 ? null : endLoadAverage);
    root.put("machine", machineMap);
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
        measured.put("checked", engine.checked());
        measured.put("median_ms", jsonNumber(engine.medianMillis()));
        measured.put("min_ms", jsonNumber(engine.minMillis()));
        measured.put("max_ms", jsonNumber(engine.maxMillis()));
        measured.put("quiver_ratio", jsonNumber(ratio(query, engine.engine())));
        measured.put("runs_ms", engine.timesMillis());
        measured.put("detail", engine.detail());
        entry.put(engine.engine(), measured);
      }
      results.add(entry);
    }
    root.put("queries", results);
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("queries_ok", okCount());
    totals.put("queries", tpchCount());
    for (String engine : engines()) {
      totals.put(engine + "_ms", totalMillis(engine));
    }
    for (String peer : peers()) {
      double[] pair = pairTotals(peer);
      Map<String, Object> against = new LinkedHashMap<>();
      against.put("queries", (int) pair[2]);
      against.put("quiver_ms", pair[0]);
      against.put(peer + "_ms", pair[1]);
      against.put("quiver_ratio", jsonNumber(ratio(pair[0], pair[1])));
      totals.put("quiver_vs_" + peer, against);
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

  /** The self-contained HTML page (inline CSS and SVG, no network resources). */
  public String toHtml() {
    return HtmlReport.render(this);
  }

  /**
   * Writes (or rewrites) {@code tpch-sf<N>-<start time>.csv}, {@code .json} and {@code .html}
   * into {@code directory} and returns the three paths; the benchmark calls it after every
   * query, so the files hold every query finished so far.
   */
  public List<Path> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
        .format(started);
    String base = "tpch-sf" + options.scaleFactorName() + "-" + stamp;
    Path csv = directory.resolve(base + ".csv");
    Path json = directory.resolve(base + ".json");
    Path html = directory.resolve(base + ".html");
    Files.writeString(csv, toCsv(), StandardCharsets.UTF_8);
    Files.writeString(json, toJson(), StandardCharsets.UTF_8);
    Files.writeString(html, toHtml(), StandardCharsets.UTF_8);
    return List.of(csv, json, html);
  }
}
