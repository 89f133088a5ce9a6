package io.quiver.bench.tpch;

import io.quiver.engine.tpch.TpchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every engine's measurement of one query. */
public final class QueryMeasurement {
  private final TpchQuery query;
  private final Map<String, EngineMeasurement> engines = new LinkedHashMap<>();

  QueryMeasurement(TpchQuery query, List<String> engineNames) {
    this.query = query;
    for (String engine : engineNames) {
      engines.put(engine, new EngineMeasurement(engine));
    }
  }

  public TpchQuery query() {
    return query;
  }

  /** The measurement of {@code engine}. */
  public EngineMeasurement engine(String engine) {
    return engines.get(engine);
  }

  public List<EngineMeasurement> engines() {
    return List.copyOf(engines.values());
  }

  /** Whether every engine finished every run (and Quiver's results matched). */
  public boolean allOk() {
    for (EngineMeasurement measurement : engines.values()) {
      if (!measurement.ok()) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code OK}, {@code OK unchecked} (Quiver ran but DuckDB gave no result to compare with), or
   * each failure such as {@code quiver WRONG}.
   */
  public String statusText() {
    if (allOk()) {
      EngineMeasurement quiver = engines.get(BenchmarkOptions.QUIVER);
      return quiver != null && !quiver.checked() ? "OK unchecked" : "OK";
    }
    List<String> failures = new ArrayList<>();
    for (EngineMeasurement measurement : engines.values()) {
      if (!measurement.ok()) {
        failures.add(measurement.engine() + " " + measurement.status());
      }
    }
    return String.join(", ", failures);
  }
}
