package io.quiver.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.engine.QueryResult;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_csv: inference, RFC 4180 quoting, streaming in batches, and every kind of bad file. */
class ReadCsvTest extends SessionTestBase {
  @TempDir
  Path directory;

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(2).build();
  }

  private String file(String name, String text) throws IOException {
    Path path = directory.resolve(name);
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path.toString().replace("'", "''");
  }

  @Test
  void infersTypesAndReadsQuotedFieldsAcrossBatches() throws IOException {
    String path = file("people.csv", "id,name,score,born,active\r\n"
        + "1,\"Okafor, Chidi\",2.5,1990-04-01,true\r\n"
        + "2,\"say \"\"hi\"\"\",,1985-12-31,false\n"
        + "3,\"two\nlines\",7,,true\n");
    assertThat(rows("SELECT * FROM read_csv('" + path + "') ORDER BY id")).containsExactly(
        List.of(1L, "Okafor, Chidi", 2.5, LocalDate.of(1990, 4, 1), true),
        Arrays.asList(2L, "say \"hi\"", null, LocalDate.of(1985, 12, 31), false),
        Arrays.asList(3L, "two\nlines", 7.0, null, true));
    try (QueryResult described = session.sql("SELECT SUM(id), MAX(name) FROM read_csv('"
        + path + "')")) {
      assertThat(described.toRows()).containsExactly(List.of(6L, "two\nlines"));
    }
  }

  @Test
  void mixedColumnsAreVarcharAndCanBeCast() throws IOException {
    String path = file("mixed.csv", "code,amount\nA1,10.50\n7,3\n");
    assertThat(rows("SELECT code, CAST(amount AS DECIMAL(10,2)) FROM read_csv('" + path
        + "') ORDER BY code")).containsExactly(
        List.of("7", new BigDecimal("3.00")), List.of("A1", new BigDecimal("10.50")));
  }

  @Test
  void missingFileIsAnIoErrorNamingThePath() {
    QuiverException error = failure("SELECT * FROM read_csv('"
        + directory.resolve("none.csv")
        + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.IO);
    assertThat(error.getMessage()).contains("none.csv");
  }

  @Test
  void emptyFileIsADataError() throws IOException {
    String path = file("empty.csv", "");
    QuiverException error = failure("SELECT * FROM read_csv('" + path + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("header");
  }

  @Test
  void truncatedQuotedFieldIsADataErrorWithTheLine() throws IOException {
    String path = file("truncated.csv", "a,b\n1,\"never closed\n");
    QuiverException error = failure("SELECT * FROM read_csv('" + path + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("unterminated quoted field").contains("line 2");
    assertThat(rows("SELECT 1 AS still_working")).containsExactly(List.of(1));
  }

  @Test
  void corruptQuotingIsADataError() throws IOException {
    String path = file("corrupt.csv", "a,b\n1,\"x\"y\n");
    QuiverException error = failure("SELECT * FROM read_csv('" + path + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("after a closing quote");
  }

  @Test
  void valueOfTheWrongTypeAfterTheSampleIsADataErrorNamingColumnAndValue()
      throws IOException {
    StringBuilder text = new StringBuilder("n,label\n");
    for (int i = 0; i < 1000 /* schema_infer_max_records */ + 5; i++) {
      text.append(i).append(",x\n");
    }
    text.append("oops,x\n");
    String path = file("late.csv", text.toString());
    QuiverException error = failure("SELECT SUM(n) FROM read_csv('" + path + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("'oops'").contains("column n");
  }

  @Test
  void nonConstantPathIsAPlanError() {
    QuiverException error = failure(
        "SELECT * FROM (VALUES ('x.csv')) AS p(f), LATERAL TABLE(read_csv(p.f))");
    assertThat(error.kind()).isIn(ErrorKind.PLAN, ErrorKind.PARSE);
  }

  @Test
  void wrongArgumentTypeIsAPlanError() {
    QuiverException error = failure("SELECT * FROM read_csv(42)");
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("read_csv");
  }
}
