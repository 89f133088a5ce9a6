package io.quiver.engine.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** DuckDB, the oracle of {@link TpchTest}, loaded with the generated data and asked TPC-H. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbTpchLoaderTest {
  private BufferAllocator allocator;
  private TpchDataSet data;
  private Connection duckdb;

  @BeforeAll
  void load() throws Exception {
    allocator = new RootAllocator();
    data = TpchData.generate(0.01, allocator);
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    DuckDbTpchLoader.load(duckdb, data);
  }

  @AfterAll
  void close() throws Exception {
    duckdb.close();
    data.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void tablesHaveTheGeneratedRowsAndTypes() throws Exception {
    for (String table : data.tableNames()) {
      assertThat(DuckDbQueryRunner.rows(duckdb, "select count(*) from " + table))
          .as(table).containsExactly(List.of(data.rowCount(table)));
    }
    assertThat(DuckDbQueryRunner.rows(duckdb, "select column_name, data_type, is_nullable"
        + " from information_schema.columns where table_name = 'lineitem'"
        + " and column_name in ('l_orderkey', 'l_partkey', 'l_extendedprice', 'l_shipdate',"
        + " 'l_comment') order by column_name"))
        .containsExactly(
            List.of("l_comment", "VARCHAR", "NO"),
            List.of("l_extendedprice", "DECIMAL(15,2)", "NO"),
            List.of("l_orderkey", "BIGINT", "NO"),
            List.of("l_partkey", "INTEGER", "NO"),
            List.of("l_shipdate", "DATE", "NO"));
  }

  @Test
  void decimalsArriveUnchanged() throws Exception {
    BigDecimal arrowSum = BigDecimal.ZERO;
    for (VectorSchemaRoot batch : data.batches("lineitem")) {
      DecimalVector prices = (DecimalVector) batch.getVector("l_extendedprice");
      for (int row = 0; row < batch.getRowCount(); row++) {
        arrowSum = arrowSum.add(prices.getObject(row));
      }
    }
    Object duckSum = DuckDbQueryRunner.rows(duckdb,
        "select sum(l_extendedprice) from lineitem").get(0).get(0);
    assertThat(duckSum).isEqualTo(arrowSum);
    assertThat(DuckDbQueryRunner.rows(duckdb, "select l_extendedprice, l_discount, l_shipdate"
        + " from lineitem where l_orderkey = 1 and l_linenumber = 1"))
        .containsExactly(List.of(new BigDecimal("24710.35"), new BigDecimal("0.04"),
            java.time.LocalDate.of(1996, 3, 13)));
  }

  @Test
  void answersQ1WithFourGroups() throws Exception {
    List<List<Object>> rows = DuckDbQueryRunner.rows(duckdb, TpchQueries.query(1).sql());
    assertThat(rows).extracting(row -> row.get(0) + "" + row.get(1))
        .containsExactly("AF", "NF", "NO", "RF");
    assertThat(rows.get(0)).hasSize(10);
    assertThat(rows.get(0).get(9)).isInstanceOf(Long.class);
  }

  @Test
  void answersEveryQuery() throws Exception {
    for (TpchQuery query : TpchQueries.all()) {
      List<List<Object>> rows = DuckDbQueryRunner.rows(duckdb, query.sql());
      assertThat(rows).as(query.name()).isNotEmpty();
      assertThat(ResultComparator.compare(query, rows, rows)).as(query.name()).isEmpty();
    }
    assertThat(DuckDbQueryRunner.rows(duckdb, TpchQueries.query(4).sql())).hasSize(5);
    assertThat(DuckDbQueryRunner.rows(duckdb, TpchQueries.query(7).sql())).hasSize(4);
    assertThat(DuckDbQueryRunner.rows(duckdb, TpchQueries.query(12).sql())).hasSize(2);
  }
}
