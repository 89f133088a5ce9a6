package io.quiver.bench.tpch;

import io.quiver.engine.tpch.TpchQueries;
import io.quiver.engine.tpch.TpchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One query of the benchmark: a TPC-H query over the registered tables, or a scan of one data
 * file ({@code scan_parquet}, {@code scan_csv}: {@code SELECT sum(l_extendedprice), count(*)}
 * over the lineitem file, read directly by each engine).
 *
 * @param name {@code Q1} ... {@code Q22}, {@code scan_parquet} or {@code scan_csv}
 * @param kind what the query reads
 * @param tpch the TPC-H query, or null for a scan
 */
public record BenchmarkQuery(String name, Kind kind, TpchQuery tpch) {
  /** The name of the Parquet scan query. */
  public static final String SCAN_PARQUET = "scan_parquet";
  /** The name of the CSV scan query. */
  public static final String SCAN_CSV = "scan_csv";

  /** What a query reads. */
  public enum Kind {
    /** A TPC-H query over the tables of the run's {@code --format}. */
    TPCH,
    /** {@code SELECT sum(l_extendedprice), count(*)} over {@code lineitem.parquet}. */
    SCAN_PARQUET,
    /** The same over {@code lineitem.csv}. */
    SCAN_CSV
  }

  /** The TPC-H query {@code query}. */
  public static BenchmarkQuery of(TpchQuery query) {
    return new BenchmarkQuery(query.name(), Kind.TPCH, query);
  }

  /** 0-based ORDER BY columns of the result (empty: rows in any order). */
  public List<Integer> orderKeyColumns() {
    return tpch == null ? List.of() : tpch.orderKeyColumns();
  }

  /** Whether the query ends with LIMIT. */
  public boolean limited() {
    return tpch != null && tpch.limited();
  }

  /** Whether the query reads the Parquet or CSV copies of the data. */
  public boolean needsFiles() {
    return kind != Kind.TPCH;
  }

  /**
   * The scan query's SQL over {@code source}, a table expression such as
   * {@code read_parquet('/data/lineitem.parquet')}.
   */
  public static String scanSql(String source) {
    return "SELECT sum(l_extendedprice), count(*) FROM " + source;
  }

  /**
   * Queries from a list such as {@code 1,3,5-7,scan_parquet}; {@code all} (or empty) is the 22
   * TPC-H queries, which {@code tpch} names too.
   */
  public static List<BenchmarkQuery> parseList(String list) {
    String text = list == null ? "" : list.trim();
    List<BenchmarkQuery> queries = new ArrayList<>();
    for (String item : text.split(",")) {
      String part = item.trim().toLowerCase(Locale.ROOT);
      switch (part) {
        case "" -> { }
        case SCAN_PARQUET -> queries.add(new BenchmarkQuery(SCAN_PARQUET, Kind.SCAN_PARQUET,
            null));
        case SCAN_CSV -> queries.add(new BenchmarkQuery(SCAN_CSV, Kind.SCAN_CSV, null));
        case "all", "tpch" -> {
          for (TpchQuery query : TpchQueries.all()) {
            queries.add(of(query));
          }
        }
        default -> {
          for (TpchQuery query : TpchQueries.parseList(part)) {
            queries.add(of(query));
          }
        }
      }
    }
    if (queries.isEmpty()) {
      for (TpchQuery query : TpchQueries.all()) {
        queries.add(of(query));
      }
    }
    return List.copyOf(queries);
  }

  @Override
  public String toString() {
    return name;
  }
}
