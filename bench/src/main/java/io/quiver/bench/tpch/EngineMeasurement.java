package io.quiver.bench.tpch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One engine's runs of one query: the measured times and how it ended. */
public final class EngineMeasurement {
  private final String engine;
  private final List<Long> nanos = new ArrayList<>();
  private RunStatus status = RunStatus.OK;
  private String detail = "";
  private boolean checked;

  EngineMeasurement(String engine) {
    this.engine = engine;
  }

  public String engine() {
    return engine;
  }

  public RunStatus status() {
    return status;
  }

  /** The error text, the first difference from DuckDB, or empty. */
  public String detail() {
    return detail;
  }

  /** Whether the results were compared with DuckDB's. */
  public boolean checked() {
    return checked;
  }

  void markChecked() {
    checked = true;
  }

  void addRun(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  void fail(RunStatus failure, String text) {
    status = failure;
    detail = text == null ? "" : text;
    nanos.clear();
  }

  /** True while runs should go on. */
  boolean ok() {
    return status == RunStatus.OK;
  }

  /** Measured run times in milliseconds, in run order; empty unless OK. */
  public List<Double> timesMillis() {
    List<Double> millis = new ArrayList<>();
    for (long time : nanos) {
      millis.add(time / 1e6);
    }
    return millis;
  }

  /** Median run time in milliseconds, or NaN when there is none. */
  public double medianMillis() {
    if (status != RunStatus.OK || nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    return median / 1e6;
  }

  /** Fastest run in milliseconds, or NaN. */
  public double minMillis() {
    return status != RunStatus.OK || nanos.isEmpty() ? Double.NaN
        : Collections.min(nanos) / 1e6;
  }

  /** Slowest run in milliseconds, or NaN. */
  public double maxMillis() {
    return status != RunStatus.OK || nanos.isEmpty() ? Double.NaN
        : Collections.max(nanos) / 1e6;
  }
}
