package io.quiver.engine.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 22 TPC-H queries, written from the specification (revision 3) with its validation
 * substitution parameters, read from the test resources {@code tpch/q01.sql ... tpch/q22.sql}.
 *
 * <p>Changes from the specification's text, all meaning-preserving: {@code interval '90' day
 * (3)} is written {@code interval '90' day}; Q15's view is a WITH clause; Q11's column alias
 * {@code value} is quoted because VALUE is a reserved word. Q11's FRACTION is the validation
 * value 0.0001 whatever the scale factor.
 */
public final class TpchQueries {
  /** Number of TPC-H queries. */
  public static final int COUNT = 22;

  /** ORDER BY columns of each query, as 0-based result column indexes (index 0 = Q1). */
  private static final int[][] ORDER_KEYS = {
      {0, 1},        // Q1  l_returnflag, l_linestatus
      {0, 2, 1, 3},  // Q2  s_acctbal desc, n_name, s_name, p_partkey
      {1, 2},        // Q3  revenue desc, o_orderdate
      {0},           // Q4  o_orderpriority
      {1},           // Q5  revenue desc
      {},            // Q6  one row
      {0, 1, 2},     // Q7  supp_nation, cust_nation, l_year
      {0},           // Q8  o_year
      {0, 1},        // Q9  nation, o_year desc
      {2},           // Q10 revenue desc
      {1},           // Q11 value desc
      {0},           // Q12 l_shipmode
      {1, 0},        // Q13 custdist desc, c_count desc
      {},            // Q14 one row
      {0},           // Q15 s_suppkey
      {3, 0, 1, 2},  // Q16 supplier_cnt desc, p_brand, p_type, p_size
      {},            // Q17 one row
      {4, 3},        // Q18 o_totalprice desc, o_orderdate
      {},            // Q19 one row
      {0},           // Q20 s_name
      {1, 0},        // Q21 numwait desc, s_name
      {0},           // Q22 cntrycode
  };

  private TpchQueries() {}

  /** Query {@code number} (1 to 22). */
  public static TpchQuery query(int number) {
    if (number < 1 || number > COUNT) {
      throw new IllegalArgumentException("TPC-H queries are numbered 1 to 22: " + number);
    }
    String sql = stripCommentLines(resource(String.format("tpch/q%02d.sql", number)));
    List<Integer> keys = new ArrayList<>();
    for (int key : ORDER_KEYS[number - 1]) {
      keys.add(key);
    }
    boolean limited = sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\blimit\\s+\\d+\\s*$");
    return new TpchQuery(number, sql, List.copyOf(keys), limited);
  }

  /** All 22 queries in order. */
  public static List<TpchQuery> all() {
    List<TpchQuery> queries = new ArrayList<>();
    for (int number = 1; number <= COUNT; number++) {
      queries.add(query(number));
    }
    return queries;
  }

  /**
   * Queries from a list such as {@code "1,3,5-7"}; {@code "all"} or an empty text means all 22.
   */
  public static List<TpchQuery> parseList(String list) {
    String text = list == null ? "" : list.trim();
    if (text.isEmpty() || text.equalsIgnoreCase("all")) {
      return all();
    }
    List<TpchQuery> queries = new ArrayList<>();
    for (String item : text.split(",")) {
      String part = item.trim().toLowerCase(java.util.Locale.ROOT).replace("q", "");
      int dash = part.indexOf('-');
      try {
        if (dash > 0) {
          int from = Integer.parseInt(part.substring(0, dash).trim());
          int to = Integer.parseInt(part.substring(dash + 1).trim());
          for (int number = from; number <= to; number++) {
            queries.add(query(number));
          }
        } else {
          queries.add(query(Integer.parseInt(part)));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a query number or range: '" + item
            + "' (write e.g. 1,3,5-7 or all)", e);
      }
    }
    return queries;
  }

  private static String resource(String path) {
    try (InputStream in = TpchQueries.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  private static String stripCommentLines(String text) {
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    return sql.toString().strip();
  }
}
