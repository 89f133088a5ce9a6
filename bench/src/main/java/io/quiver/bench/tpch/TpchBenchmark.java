package io.quiver.bench.tpch;

import io.quiver.engine.tpch.ResultComparator;
import io.quiver.engine.tpch.TpchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TPC-H benchmark: Quiver next to DuckDB on the same generated data.
 *
 * <p>Data is generated once per scale factor into a cache of Arrow IPC files; each engine loads
 * it into memory. For each query: one warm-up run per engine, then the measured runs
 * interleaved (Quiver, DuckDB, Quiver, DuckDB, ...), each with a time limit. Every Quiver
 * result is compared with DuckDB's; a difference makes the query WRONG and is never reported
 * as a time. Run it with {@code bench/run tpch --sf 1}.
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
    List<BenchmarkEngine> engines = new ArrayList<>();
    QuiverEngine quiver = null;
    try {
      for (String name : options.engines()) {
        BenchmarkEngine engine = name.equals(BenchmarkOptions.QUIVER)
            ? new QuiverEngine(options.quiverBatchSize())
            : new DuckDbEngine(options.duckdbThreads());
        engines.add(engine);
        if (engine instanceof QuiverEngine q) {
          quiver = q;
        }
        long start = System.nanoTime();
        engine.load(cache);
        double seconds = (System.nanoTime() - start) / 1e9;
        report.loadSeconds(name, seconds);
        log.accept(String.format("%s loaded SF %s in %.1f s", name, options.scaleFactorName(),
            seconds));
      }
      HeapPeaks.reset();
      for (TpchQuery query : options.queries()) {
        QueryMeasurement measurement = measure(query, engines);
        report.add(measurement);
        log.accept(progressLine(measurement));
      }
      report.peakHeapBytes(HeapPeaks.peakBytes());
      for (BenchmarkEngine engine : engines) {
        report.engineFacts(engine.name(), engine.describe());
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

  private QueryMeasurement measure(TpchQuery query, List<BenchmarkEngine> engines) {
    List<String> names = new ArrayList<>();
    for (BenchmarkEngine engine : engines) {
      names.add(engine.name());
    }
    QueryMeasurement measurement = new QueryMeasurement(query, names);
    List<List<Object>> expected = null;
    List<List<Object>> quiverWarmUp = null;
    for (BenchmarkEngine engine : engines) {
      List<List<Object>> rows = runOnce(engine, query, measurement.engine(engine.name()), false);
      if (engine.name().equals(BenchmarkOptions.DUCKDB)) {
        expected = rows;
      } else {
        quiverWarmUp = rows;
      }
    }
    EngineMeasurement quiver = measurement.engine(BenchmarkOptions.QUIVER);
    if (quiver != null && quiver.ok() && expected != null) {
      check(query, expected, quiverWarmUp, quiver);
    }
    for (int run = 0; run < options.runs(); run++) {
      for (BenchmarkEngine engine : engines) {
        EngineMeasurement engineMeasurement = measurement.engine(engine.name());
        if (!engineMeasurement.ok()) {
          continue;
        }
        List<List<Object>> rows = runOnce(engine, query, engineMeasurement, true);
        if (engineMeasurement == quiver && rows != null && expected != null) {
          check(query, expected, rows, quiver);
        }
      }
    }
    return measurement;
  }

  /** One run; records its time when {@code measured}, or the failure. Null when it failed. */
  private List<List<Object>> runOnce(BenchmarkEngine engine, TpchQuery query,
      EngineMeasurement measurement, boolean measured) {
    long start = System.nanoTime();
    try {
      List<List<Object>> rows = engine.run(query.sql(), options.timeout());
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

  private static void check(TpchQuery query, List<List<Object>> expected,
      List<List<Object>> actual, EngineMeasurement quiver) {
    quiver.markChecked();
    Optional<String> difference = ResultComparator.compare(query, expected, actual);
    difference.ifPresent(text -> quiver.fail(RunStatus.WRONG, text));
  }

  private static String progressLine(QueryMeasurement measurement) {
    StringBuilder line = new StringBuilder(measurement.query().name()).append(':');
    for (EngineMeasurement engine : measurement.engines()) {
      line.append(' ').append(engine.engine()).append(' ');
      if (engine.ok()) {
        line.append(String.format(java.util.Locale.ROOT, "%.1f ms", engine.medianMillis()));
      } else {
        line.append(engine.status());
      }
    }
    return line.toString();
  }
}
