package io.quiver.engine.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import io.trino.tpch.TpchTable;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpchDataTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void rowCountsAtScaleFactorOneHundredthMatchDbgen() {
    try (TpchDataSet data = TpchData.generate(0.01, allocator)) {
      assertThat(data.tableNames()).containsExactly("part", "supplier", "partsupp", "customer",
          "orders", "lineitem", "nation", "region");
      assertThat(Map.of(
          "part", data.rowCount("part"), "supplier", data.rowCount("supplier"),
          "partsupp", data.rowCount("partsupp"), "customer", data.rowCount("customer"),
          "orders", data.rowCount("orders"), "lineitem", data.rowCount("lineitem"),
          "nation", data.rowCount("nation"), "region", data.rowCount("region")))
          .containsExactlyInAnyOrderEntriesOf(Map.of("part", 2_000L, "supplier", 100L,
              "partsupp", 8_000L, "customer", 1_500L, "orders", 15_000L, "lineitem", 60_175L,
              "nation", 25L, "region", 5L));
    }
  }

  @Test
  void columnsHaveTheSpecificationsTypesAndAreNotNull() {
    List<Field> fields = TpchSchema.arrowSchema(TpchTable.LINE_ITEM).getFields();
    assertThat(fields).extracting(Field::getName).startsWith("l_orderkey", "l_partkey");
    assertThat(fields).allSatisfy(field -> assertThat(field.isNullable()).isFalse());
    assertThat(fields.get(0).getType()).isEqualTo(new ArrowType.Int(64, true));
    assertThat(fields.get(1).getType()).isEqualTo(new ArrowType.Int(32, true));
    assertThat(fields.get(5).getType()).isEqualTo(new ArrowType.Decimal(15, 2, 128));
    assertThat(fields.get(10).getType()).isEqualTo(new ArrowType.Date(
        org.apache.arrow.vector.types.DateUnit.DAY));
    assertThat(fields.get(15).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThat(TpchSchema.createTableSql(TpchTable.ORDERS)).isEqualTo("CREATE TABLE orders ("
        + "o_orderkey BIGINT NOT NULL, o_custkey INTEGER NOT NULL, o_orderstatus VARCHAR NOT NULL,"
        + " o_totalprice DECIMAL(15,2) NOT NULL, o_orderdate DATE NOT NULL,"
        + " o_orderpriority VARCHAR NOT NULL, o_clerk VARCHAR NOT NULL,"
        + " o_shippriority INTEGER NOT NULL, o_comment VARCHAR NOT NULL)");
  }

  @Test
  void firstLineitemRowHasDbgensValues() {
    List<VectorSchemaRoot> batches = TpchData.generate(TpchTable.LINE_ITEM, 0.01, 10_000,
        allocator);
    try {
      assertThat(batches).hasSize(7);
      assertThat(batches.get(6).getRowCount()).isEqualTo(175);
      VectorSchemaRoot first = batches.get(0);
      assertThat(((BigIntVector) first.getVector("l_orderkey")).get(0)).isEqualTo(1L);
      assertThat(((IntVector) first.getVector("l_partkey")).get(0)).isEqualTo(1552);
      assertThat(((IntVector) first.getVector("l_suppkey")).get(0)).isEqualTo(93);
      assertThat(((IntVector) first.getVector("l_linenumber")).get(0)).isEqualTo(1);
      assertThat(((DecimalVector) first.getVector("l_quantity")).getObject(0))
          .isEqualTo(new BigDecimal("17.00"));
      assertThat(((DecimalVector) first.getVector("l_extendedprice")).getObject(0))
          .isEqualTo(new BigDecimal("24710.35"));
      assertThat(((DecimalVector) first.getVector("l_discount")).getObject(0))
          .isEqualTo(new BigDecimal("0.04"));
      assertThat(LocalDate.ofEpochDay(((DateDayVector) first.getVector("l_shipdate")).get(0)))
          .isEqualTo(LocalDate.of(1996, 3, 13));
      assertThat(new String(((VarCharVector) first.getVector("l_shipinstruct")).get(0),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("DELIVER IN PERSON");
    } finally {
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  @Test
  void readerHandsOutFreshBuffersForEveryBatch() throws Exception {
    try (TpchTableReader reader = new TpchTableReader(TpchTable.NATION, 0.01, 10, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertThat(reader.loadNextBatch()).isTrue();
      IntVector keys = (IntVector) root.getVector("n_nationkey");
      long firstAddress = keys.getDataBufferAddress();
      var kept = keys.getTransferPair(allocator);
      kept.splitAndTransfer(0, 10);
      try (IntVector firstBatch = (IntVector) kept.getTo()) {
        assertThat(reader.loadNextBatch()).isTrue();
        assertThat(keys.getDataBufferAddress()).isNotEqualTo(firstAddress);
        assertThat(firstBatch.get(9)).isEqualTo(9);
        assertThat(keys.get(0)).isEqualTo(10);
      }
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(root.getRowCount()).isEqualTo(5);
      assertThat(reader.loadNextBatch()).isFalse();
      assertThat(reader.rowsGenerated()).isEqualTo(25);
    }
  }

  @Test
  void writesCsvWithHeaderAndRfc4180Quoting(@TempDir Path directory) throws Exception {
    try (TpchDataSet data = TpchData.generate(0.01, allocator)) {
      TpchData.writeCsv(data, directory);
      List<String> lines = Files.readAllLines(directory.resolve("lineitem.csv"));
      assertThat(lines).hasSize(60_176);
      assertThat(lines.get(0)).startsWith("l_orderkey,l_partkey,l_suppkey,l_linenumber,");
      assertThat(lines.get(1)).isEqualTo("1,1552,93,1,17.00,24710.35,0.04,0.02,N,O,1996-03-13,"
          + "1996-02-12,1996-03-22,DELIVER IN PERSON,TRUCK,egular courts above the");
      StringWriter region = new StringWriter();
      TpchCsvWriter.write(data.batches("region"), region);
      assertThat(region.toString()).startsWith("r_regionkey,r_name,r_comment\r\n0,AFRICA,");
    }
    StringBuilder field = new StringBuilder();
    TpchCsvWriter.appendField("a, \"b\"", field);
    field.append('|');
    TpchCsvWriter.appendField("plain text", field);
    assertThat(field.toString()).isEqualTo("\"a, \"\"b\"\"\"|plain text");
  }
}
