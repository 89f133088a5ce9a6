package io.quiver.bench.tpch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every engine's measurement of one query. */
public final class QueryMeasurement {
  private final BenchmarkQuery query;
  private final Map<String, EngineMeasurement> engines = new LinkedHashMap<>();

  QueryMeasurement(BenchmarkQuery query, List<String> engineNames) {
    this.query = query;
    for (String engine : engineNames) {
      engines.put(engine, new EngineMeasurement(engine));
    }
  }

  public BenchmarkQuery query() {
    return query;
  }

  /** The measurement of {@code engine}, or null when it did not take part. */
  public EngineMeasurement engine(String engine) {
    return engines.get(engine);
  }

  public List<EngineMeasurement> engines() {
    return List.copyOf(engines.values());
  }

  /** Whether every engine that ran finished every run with matching results (skips aside). */
  public boolean allOk() {
    for (EngineMeasurement measurement : engines.values()) {
      if (!measurement.ok() && measurement.status() != RunStatus.SKIPPED) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code OK}, {@code OK unchecked} (a result could not be compared: the reference did not
   * run or failed), or each failure such as {@code quiver WRONG, h2 TIMEOUT}.
   */
  public String statusText() {
    List<String> failures = new ArrayList<>();
    boolean unchecked = false;
    for (EngineMeasurement measurement : engines.values()) {
      if (measurement.status() == RunStatus.SKIPPED) {
        continue;
      }
      if (!measurement.ok()) {
        failures.add(measurement.engine() + " " + measurement.status());
      } else if (!measurement.checked()) {
        unchecked = true;
      }
    }
    if (failures.isEmpty()) {
      return unchecked ? "OK unchecked" : "OK";
    }
    return String.join(", ", failures);
  }
}
