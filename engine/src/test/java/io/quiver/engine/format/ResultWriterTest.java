package io.quiver.engine.format;

import static io.quiver.engine.format.TestBatches.BIGINT;
import static io.quiver.engine.format.TestBatches.BOOLEAN;
import static io.quiver.engine.format.TestBatches.DATE;
import static io.quiver.engine.format.TestBatches.DOUBLE;
import static io.quiver.engine.format.TestBatches.INTEGER;
import static io.quiver.engine.format.TestBatches.REAL;
import static io.quiver.engine.format.TestBatches.SMALLINT;
import static io.quiver.engine.format.TestBatches.TIMESTAMP;
import static io.quiver.engine.format.TestBatches.TINYINT;
import static io.quiver.engine.format.TestBatches.VARCHAR;
import static io.quiver.engine.format.TestBatches.batch;
import static io.quiver.engine.format.TestBatches.column;
import static io.quiver.engine.format.TestBatches.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.engine.QueryResult;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultWriterTest {
  private BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    batches.forEach(VectorSchemaRoot::close);
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private VectorSchemaRoot keep(VectorSchemaRoot batch) {
    batches.add(batch);
    return batch;
  }

  /** One row of every type with ordinary values, one row of nulls, one row of edge values. */
  private VectorSchemaRoot everyType() {
    return keep(batch(
        column(allocator, "flag", BOOLEAN, true, null, false),
        column(allocator, "tiny", TINYINT, 1, null, -128),
        column(allocator, "small", SMALLINT, 2, null, -32768),
        column(allocator, "int", INTEGER, 3, null, Integer.MIN_VALUE),
        column(allocator, "big", BIGINT, 4L, null, Long.MAX_VALUE),
        column(allocator, "real", REAL, 1.5f, null, 1.1f),
        column(allocator, "double", DOUBLE, 2.0, null, -0.25),
        column(allocator, "amount", decimal(12, 2), new BigDecimal("12.50"), null,
            new BigDecimal("-1234567890.05")),
        column(allocator, "day", DATE, LocalDate.of(2024, 1, 15), null, LocalDate.of(1969, 12, 31)),
        column(allocator, "at", TIMESTAMP, LocalDateTime.of(2024, 1, 15, 10, 30), null,
            LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1000))));
  }

  /** Text values that need care: empty, separators, quotes, line breaks, unicode, spaces. */
  private VectorSchemaRoot awkwardText() {
    return keep(batch(
        column(allocator, "id", INTEGER, 1, 2, 3, 4, 5, 6, 7),
        column(allocator, "text", VARCHAR, "plain", "", null, "a,b", "say \"hi\"",
            "two\nlines", "日本 café"),
        column(allocator, "padded", VARCHAR, " lead", "trail ", "in side", "tab\t", "\r", "x",
            "NULL")));
  }

  private String render(ResultFormat format, VectorSchemaRoot... parts) {
    try (QueryResult result =
        QueryResult.ofBatches(allocator, parts[0].getSchema(), List.of(parts))) {
      StringBuilder out = new StringBuilder();
      ResultWriter.write(result, format, out);
      return out.toString();
    }
  }

  @Test
  void csvOfEveryType() {
    assertThat(render(ResultFormat.CSV, everyType())).isEqualTo("""
        flag,tiny,small,int,big,real,double,amount,day,at
        true,1,2,3,4,1.5,2.0,12.50,2024-01-15,2024-01-15 10:30:00
        ,,,,,,,,,
        false,-128,-32768,-2147483648,9223372036854775807,1.1,-0.25,-1234567890.05,\
        1969-12-31,1999-12-31 23:59:59.000001
        """);
  }

  @Test
  void csvQuotesOnlyWhereNeeded() {
    assertThat(render(ResultFormat.CSV, awkwardText())).isEqualTo(
        "id,text,padded\n"
            + "1,plain,\" lead\"\n"
            + "2,\"\",\"trail \"\n"
            + "3,,in side\n"
            + "4,\"a,b\",\"tab\t\"\n"
            + "5,\"say \"\"hi\"\"\",\"\r\"\n"
            + "6,\"two\nlines\",x\n"
            + "7,日本 café,NULL\n");
  }

  @Test
  void csvQuotesColumnNamesThatNeedIt() {
    VectorSchemaRoot batch = keep(batch(column(allocator, "a,b", INTEGER, 1),
        column(allocator, "", INTEGER, 2)));
    assertThat(render(ResultFormat.CSV, batch)).isEqualTo("\"a,b\",\"\"\n1,2\n");
  }

  @Test
  void jsonOfEveryType() {
    assertThat(render(ResultFormat.JSON, everyType())).isEqualTo("""
        [
          {"flag":true,"tiny":1,"small":2,"int":3,"big":4,"real":1.5,"double":2.0,\
        "amount":12.50,"day":"2024-01-15","at":"2024-01-15 10:30:00"},
          {"flag":null,"tiny":null,"small":null,"int":null,"big":null,"real":null,\
        "double":null,"amount":null,"day":null,"at":null},
          {"flag":false,"tiny":-128,"small":-32768,"int":-2147483648,\
        "big":9223372036854775807,"real":1.1,"double":-0.25,"amount":-1234567890.05,\
        "day":"1969-12-31","at":"1999-12-31 23:59:59.000001"}
        ]
        """);
  }

  @Test
  void jsonEscapesStringsAndParsesBack() throws IOException {
    String json = render(ResultFormat.JSON, awkwardText());
    assertThat(json).startsWith("[\n  {\"id\":1,\"text\":\"plain\",\"padded\":\" lead\"},\n")
        .contains("{\"id\":5,\"text\":\"say \\\"hi\\\"\",\"padded\":\"\\r\"}")
        .contains("{\"id\":6,\"text\":\"two\\nlines\",\"padded\":\"x\"}")
        .contains("{\"id\":3,\"text\":null,\"padded\":\"in side\"}")
        .endsWith("\n]\n");
    JsonNode rows = new ObjectMapper().readTree(json);
    assertThat(rows.size()).isEqualTo(7);
    assertThat(rows.get(1).get("text").asText()).isEmpty();
    assertThat(rows.get(3).get("text").asText()).isEqualTo("a,b");
    assertThat(rows.get(3).get("padded").asText()).isEqualTo("tab\t");
    assertThat(rows.get(6).get("text").asText()).isEqualTo("日本 café");
  }

  @Test
  void jsonKeepsDecimalScaleAndSpecialDoubles() throws IOException {
    VectorSchemaRoot batch = keep(batch(
        column(allocator, "d", decimal(38, 10), new BigDecimal("0E-10"),
            new BigDecimal("12345678901234567890.1234567890")),
        column(allocator, "x", DOUBLE, Double.NaN, Double.NEGATIVE_INFINITY)));
    assertThat(render(ResultFormat.JSON, batch)).isEqualTo("""
        [
          {"d":0.0000000000,"x":"NaN"},
          {"d":12345678901234567890.1234567890,"x":"-Infinity"}
        ]
        """);
  }

  @Test
  void tableOfEveryType() {
    assertThat(render(ResultFormat.TABLE, everyType())).isEqualTo("""
        +-------+------+--------+-------------+---------------------+------+--------+\
        ----------------+------------+----------------------------+
        | flag  | tiny |  small |         int |                 big | real | double |\
                 amount | day        | at                         |
        +-------+------+--------+-------------+---------------------+------+--------+\
        ----------------+------------+----------------------------+
        | true  |    1 |      2 |           3 |                   4 |  1.5 |    2.0 |\
                  12.50 | 2024-01-15 | 2024-01-15 10:30:00        |
        | NULL  | NULL |   NULL |        NULL |                NULL | NULL |   NULL |\
                   NULL | NULL       | NULL                       |
        | false | -128 | -32768 | -2147483648 | 9223372036854775807 |  1.1 |  -0.25 |\
         -1234567890.05 | 1969-12-31 | 1999-12-31 23:59:59.000001 |
        +-------+------+--------+-------------+---------------------+------+--------+\
        ----------------+------------+----------------------------+
        (3 rows)
        """);
  }

  @Test
  void tableEscapesControlCharactersAndAlignsWideCharacters() {
    assertThat(render(ResultFormat.TABLE, awkwardText())).isEqualTo("""
        +----+------------+---------+
        | id | text       | padded  |
        +----+------------+---------+
        |  1 | plain      |  lead   |
        |  2 |            | trail   |
        |  3 | NULL       | in side |
        |  4 | a,b        | tab\\t   |
        |  5 | say "hi"   | \\r      |
        |  6 | two\\nlines | x       |
        |  7 | 日本 café  | NULL    |
        +----+------------+---------+
        (7 rows)
        """);
  }

  @Test
  void everyBatchIsRenderedInOrder() {
    VectorSchemaRoot first = keep(batch(column(allocator, "n", BIGINT, 1L, 2L)));
    VectorSchemaRoot empty = keep(batch(column(allocator, "n", BIGINT)));
    VectorSchemaRoot last = keep(batch(column(allocator, "n", BIGINT, 3L)));
    assertThat(render(ResultFormat.CSV, first, empty, last)).isEqualTo("n\n1\n2\n3\n");
    assertThat(render(ResultFormat.JSON, first, empty, last))
        .isEqualTo("[\n  {\"n\":1},\n  {\"n\":2},\n  {\"n\":3}\n]\n");
    assertThat(render(ResultFormat.TABLE, first, empty, last)).isEqualTo("""
        +---+
        | n |
        +---+
        | 1 |
        | 2 |
        | 3 |
        +---+
        (3 rows)
        """);
  }

  @Test
  void emptyResults() {
    VectorSchemaRoot empty = keep(batch(column(allocator, "name", VARCHAR),
        column(allocator, "n", INTEGER)));
    assertThat(render(ResultFormat.CSV, empty)).isEqualTo("name,n\n");
    assertThat(render(ResultFormat.JSON, empty)).isEqualTo("[]\n");
    assertThat(render(ResultFormat.TABLE, empty)).isEqualTo("""
        +------+---+
        | name | n |
        +------+---+
        +------+---+
        (0 rows)
        """);
  }

  @Test
  void oneRowIsSingular() {
    VectorSchemaRoot one = keep(batch(column(allocator, "n", INTEGER, 7)));
    assertThat(render(ResultFormat.TABLE, one)).endsWith("| 7 |\n+---+\n(1 row)\n");
  }

  @Test
  void tablePrintsAtMostItsCapAndSaysHowManyRowsItLeftOut() {
    List<VectorSchemaRoot> parts = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      parts.add(keep(batch(column(allocator, "n", INTEGER, 4 * b, 4 * b + 1, 4 * b + 2,
          4 * b + 3))));
    }
    try (QueryResult result = QueryResult.ofBatches(allocator, parts.get(0).getSchema(), parts)) {
      StringBuilder out = new StringBuilder();
      ResultWriter.write(result, ResultFormat.TABLE, out, 5);
      assertThat(out.toString()).isEqualTo("""
          +---+
          | n |
          +---+
          | 0 |
          | 1 |
          | 2 |
          | 3 |
          | 4 |
          +---+
          (12 rows, 7 not shown: only the first 5 are printed)
          """);
    }
  }

  @Test
  void csvAndJsonReachTheOutputBeforeTheNextBatchIsRead() {
    VectorSchemaRoot first = keep(batch(column(allocator, "n", INTEGER, 1)));
    VectorSchemaRoot second = keep(batch(column(allocator, "n", INTEGER, 2)));
    for (ResultFormat format : List.of(ResultFormat.CSV, ResultFormat.JSON)) {
      try (QueryResult result = QueryResult.ofBatches(allocator, first.getSchema(),
          List.of(first, second))) {
        List<Long> rowsReadAtEachWrite = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Appendable spy = new Appendable() {
          @Override
          public Appendable append(CharSequence csq) {
            rowsReadAtEachWrite.add(result.rowsRead());
            text.append(csq);
            return this;
          }

          @Override
          public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
          }

          @Override
          public Appendable append(char c) {
            return append(String.valueOf(c));
          }
        };
        ResultWriter.write(result, format, spy);
        assertThat(rowsReadAtEachWrite).as(format.name()).contains(1L);
        assertThat(text.toString()).contains("1").contains("2");
      }
    }
  }

  @Test
  void outputFailureIsAnIoError() {
    VectorSchemaRoot one = keep(batch(column(allocator, "n", INTEGER, 7)));
    Appendable broken = new Appendable() {
      @Override
      public Appendable append(CharSequence csq) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public Appendable append(CharSequence csq, int start, int end) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public Appendable append(char c) throws IOException {
        throw new IOException("disk full");
      }
    };
    try (QueryResult result = QueryResult.ofBatches(allocator, one.getSchema(), List.of(one))) {
      assertThatThrownBy(() -> ResultWriter.write(result, ResultFormat.CSV, broken))
          .isInstanceOfSatisfying(QuiverException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.IO))
          .hasMessageContaining("disk full");
    }
  }

  @Test
  void queryResultRenderersCloseTheResult() {
    VectorSchemaRoot one = keep(batch(column(allocator, "n", INTEGER, 7)));
    QueryResult result = QueryResult.ofBatches(allocator, one.getSchema(), List.of(one));
    assertThat(result.toCsv()).isEqualTo("n\n7\n");
    QueryResult again = QueryResult.ofBatches(allocator, one.getSchema(), List.of(one));
    assertThat(again.render(ResultFormat.JSON)).isEqualTo("[\n  {\"n\":7}\n]\n");
  }
}
