package io.quiver.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.source.DuckDbParquet;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema given with schema_ipc over typed files (Parquet written by DuckDB): columns are
 * converted to the given types with CAST semantics, a value that does not convert is a DATA
 * error naming file, column and value, and filters over converted columns stay correct.
 */
class FileSchemaConversionTest extends SessionTestBase {
  @TempDir
  Path directory;

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(3).build();
  }

  private Path parquet(String name, String select) throws Exception {
    return DuckDbParquet.write(directory.resolve(name), select, "");
  }

  private static String base64(Field... fields) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)),
        new Schema(List.of(fields)));
    return "base64:" + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  private String readParquet(Path file, String schema) {
    return "read_parquet('" + file + "', '{\"schema_ipc\": \"" + schema + "\"}')";
  }

  @Test
  void widensNarrowsAndFormatsColumnsToTheGivenTypes() throws Exception {
    Path file = parquet("t.parquet", "SELECT i::INTEGER AS n, (i * 1.5)::DOUBLE AS d,"
        + " (i * 10)::VARCHAR AS s FROM range(1, 8) t(i)");
    String schema = base64(field("n", new ArrowType.Int(64, true)),
        field("d", new ArrowType.Decimal(10, 2, 128)),
        field("s", new ArrowType.Int(32, true)));
    assertThat(rows("SELECT n, d, s FROM " + readParquet(file, schema) + " ORDER BY n"))
        .hasSize(7)
        .startsWith(List.of(1L, new BigDecimal("1.50"), 10), List.of(2L, new BigDecimal("3.00"),
            20));
    // Filters over a converted column compare in the table's type (nothing pushed to the file).
    assertThat(rows("SELECT SUM(s), COUNT(*) FROM " + readParquet(file, schema)
        + " WHERE s > 35 AND n < 7")).containsExactly(List.of(150L, 3L));
    String text = base64(field("n", ArrowType.Utf8.INSTANCE),
        field("d", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
    assertThat(rows("SELECT n, d FROM " + readParquet(file, text) + " WHERE n = '3'"))
        .containsExactly(List.of("3", 4.5f));
  }

  @Test
  void aValueThatDoesNotConvertNamesFileColumnAndValue() throws Exception {
    Path file = parquet("bad.parquet", "SELECT i AS id, CASE WHEN i = 5 THEN 'five' ELSE"
        + " i::VARCHAR END AS v FROM range(0, 9) t(i)");
    QuiverException error = failure("SELECT SUM(v) FROM " + readParquet(file,
        base64(field("id", new ArrowType.Int(64, true)), field("v", new ArrowType.Int(64,
            true)))));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("'five'").contains("column v")
        .contains("bad.parquet").contains("schema_ipc");
    QuiverException overflow = failure("SELECT * FROM " + readParquet(
        parquet("big.parquet", "SELECT 300 AS n"), base64(field("n", new ArrowType.Int(8,
            true)))));
    assertThat(overflow.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(overflow.getMessage()).contains("value 300").contains("column n");
  }

  @Test
  void aTypeCastCannotReachIsRefusedBeforeReading() throws Exception {
    Path file = parquet("l.parquet", "SELECT [1, 2] AS l, 1 AS k");
    QuiverException error = failure("SELECT l FROM " + readParquet(file,
        base64(field("l", new ArrowType.Int(64, true)), field("k", new ArrowType.Int(64,
            true)))));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("column l").contains("l.parquet")
        .contains("cannot be converted");
    // The other column still converts when the list is left out.
    assertThat(rows("SELECT k FROM " + readParquet(file, base64(field("l",
        new ArrowType.Int(64, true)), field("k", ArrowType.Utf8.INSTANCE)))))
        .containsExactly(List.of("1"));
  }
}
