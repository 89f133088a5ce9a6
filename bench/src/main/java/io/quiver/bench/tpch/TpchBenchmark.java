package io.quiver.bench.tpch;

import io.quiver.engine.tpch.ResultComparator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TPC-H benchmark: Quiver next to DuckDB (once per thread count), Calcite's own execution
 * and H2 on the same generated data.
 *
 * <p>Data is generated once per scale factor into a cache of Arrow IPC files, and copied once
 * into Parquet and CSV when a query needs them. For each query: one warm-up run per engine, then
 * the measured runs interleaved (A, B, C, A, B, C, ...), each with a time limit. Every engine's
 * results are compared with the reference (DuckDB with the first thread count); a difference
 * makes the query WRONG for that engine and is never reported as a time. Run it with
 * {@code bench/run tpch --sf 1}.
 */
public final class TpchBenchmark {
  private final BenchmarkOptions options;
  private final Consumer<String> log;

  /** A benchmark with {@code options} that reports progress to {@code log}. */
  public TpchBenchmark(BenchmarkOptions options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** Generates or loads the data, runs every query on every engine and returns the report. */
  public BenchmarkReport run() throws Exception {
    BenchmarkReport report = new BenchmarkReport(options, Instant.now());
    TpchDataCache cache = new TpchDataCache(options.dataDirectory(), options.scaleFactor());
    if (!cache.isComplete()) {
      log.accept("generating TPC-H SF " + options.scaleFactorName() + " into "
          + cache.directory());
    }
    cache.ensure(log);
    TpchFileCache files = null;
    if (options.needsFiles()) {
      files = new TpchFileCache(cache);
      if (!files.isComplete()) {
        log.accept("writing the Parquet and CSV copies of SF " + options.scaleFactorName());
      }
      files.ensure(log);
    }
    TpchDataSource data = new TpchDataSource(cache, files, options.format());
    List<BenchmarkEngine> engines = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    QuiverEngine quiver = null;
    try {
      DuckDbEngine firstDuckDb = null;
      for (String name : options.engines()) {
        List<BenchmarkEngine> created = new ArrayList<>();
        switch (name) {
          case BenchmarkOptions.QUIVER -> {
            quiver = new QuiverEngine(options.quiverBatchSize());
            created.add(quiver);
          }
          case BenchmarkOptions.DUCKDB -> {
            for (int threads : options.threads()) {
              DuckDbEngine duckdb = firstDuckDb == null ? new DuckDbEngine(threads)
                  : new DuckDbEngine(threads, firstDuckDb);
              if (firstDuckDb == null) {
                firstDuckDb = duckdb;
              }
              created.add(duckdb);
            }
          }
          case BenchmarkOptions.CALCITE -> created.add(new CalciteEngine());
          case BenchmarkOptions.H2 -> {
            if (options.scaleFactor() > options.h2MaxScaleFactor()) {
              skipped.put(name, "H2 runs only up to SF "
                  + BenchmarkOptions.scaleFactorName(options.h2MaxScaleFactor())
                  + " (--h2-max-sf): it is slow");
              log.accept("h2 skipped: " + skipped.get(name));
            } else {
              created.add(new H2Engine());
            }
          }
          default -> throw new IllegalStateException("unknown engine " + name);
        }
        for (BenchmarkEngine engine : created) {
          engines.add(engine);
          long start = System.nanoTime();
          engine.load(data);
          double seconds = (System.nanoTime() - start) / 1e9;
          report.loadSeconds(engine.name(), seconds);
          log.accept(String.format(Locale.ROOT, "%s ready (SF %s, %s) in %.1f s", engine.name(),
              options.scaleFactorName(), options.format().name().toLowerCase(Locale.ROOT),
              seconds));
        }
      }
      HeapPeaks.reset();
      for (BenchmarkQuery query : options.queries()) {
        QueryMeasurement measurement = measure(query, engines, skipped);
        report.add(measurement);
        log.accept(progressLine(measurement));
        // Rewritten after every query, so a run that dies (killed, out of memory) keeps what
        // it measured.
        report.write(options.resultsDirectory());
      }
      report.peakHeapBytes(HeapPeaks.peakBytes());
      report.noteEndLoadAverage();
      for (BenchmarkEngine engine : engines) {
        report.engineFacts(engine.name(), engine.describe());
      }
      for (Map.Entry<String, String> entry : skipped.entrySet()) {
        report.engineFacts(entry.getKey(), "skipped: " + entry.getValue());
      }
      if (quiver != null) {
        report.peakArrowBytes(quiver.peakArrowBytes());
      }
    } finally {
      for (BenchmarkEngine engine : engines) {
        engine.close();
      }
    }
    return report;
  }

  private QueryMeasurement measure(BenchmarkQuery query, List<BenchmarkEngine> engines,
      Map<String, String> skippedEngines) {
    QueryMeasurement measurement = new QueryMeasurement(query, options.engineRuns());
    String reference = options.referenceEngine();
    Map<String, String> sql = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : skippedEngines.entrySet()) {
      measurement.engine(entry.getKey()).fail(RunStatus.SKIPPED, entry.getValue());
    }
    for (BenchmarkEngine engine : engines) {
      try {
        sql.put(engine.name(), engine.sql(query));
      } catch (UnsupportedQueryException e) {
        measurement.engine(engine.name()).fail(RunStatus.SKIPPED, e.getMessage());
      }
    }
    // Warm-up: the reference first, so that every other result can be checked at once.
    List<BenchmarkEngine> ordered = new ArrayList<>();
    for (BenchmarkEngine engine : engines) {
      if (engine.name().equals(reference)) {
        ordered.add(0, engine);
      } else {
        ordered.add(engine);
      }
    }
    List<List<Object>> expected = null;
    for (BenchmarkEngine engine : ordered) {
      EngineMeasurement engineMeasurement = measurement.engine(engine.name());
      if (!engineMeasurement.ok()) {
        continue;
      }
      List<List<Object>> rows = runOnce(engine, sql.get(engine.name()), engineMeasurement,
          false);
      if (engine.name().equals(reference)) {
        expected = rows;
        if (rows != null) {
          engineMeasurement.markChecked();
        }
      } else if (rows != null && expected != null) {
        check(query, expected, rows, engineMeasurement);
      }
    }
    for (int run = 0; run < options.runs(); run++) {
      for (BenchmarkEngine engine : engines) {
        EngineMeasurement engineMeasurement = measurement.engine(engine.name());
        if (!engineMeasurement.ok()) {
          continue;
        }
        List<List<Object>> rows = runOnce(engine, sql.get(engine.name()), engineMeasurement,
            true);
        if (rows != null && expected != null) {
          check(query, expected, rows, engineMeasurement);
        }
      }
    }
    return measurement;
  }

  /** One run; records its time when {@code measured}, or the failure. Null when it failed. */
  private List<List<Object>> runOnce(BenchmarkEngine engine, String sql,
      EngineMeasurement measurement, boolean measured) {
    long start = System.nanoTime();
    try {
      List<List<Object>> rows = engine.run(sql, options.timeout());
      long elapsed = System.nanoTime() - start;
      if (measured) {
        measurement.addRun(elapsed);
      }
      return rows;
    } catch (QueryTimeoutException e) {
      measurement.fail(RunStatus.TIMEOUT, e.getMessage());
    } catch (Exception | Error e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      measurement.fail(RunStatus.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return null;
  }

  private static void check(BenchmarkQuery query, List<List<Object>> expected,
      List<List<Object>> actual, EngineMeasurement engine) {
    engine.markChecked();
    Optional<String> difference = ResultComparator.compare(query.name(),
        query.orderKeyColumns(), query.limited(), expected, actual);
    difference.ifPresent(text -> engine.fail(RunStatus.WRONG, text));
  }

  private static String progressLine(QueryMeasurement measurement) {
    StringBuilder line = new StringBuilder(measurement.query().name()).append(':');
    for (EngineMeasurement engine : measurement.engines()) {
      line.append(' ').append(engine.engine()).append(' ');
      if (engine.ok()) {
        line.append(String.format(Locale.ROOT, "%.1f ms", engine.medianMillis()));
      } else if (engine.status() == RunStatus.ERROR || engine.status() == RunStatus.WRONG) {
        line.append(engine.status()).append(" (")
            .append(BenchmarkReport.firstLines(engine.detail(), 1)).append(')');
      } else {
        line.append(engine.status());
      }
    }
    return line.toString();
  }
}
