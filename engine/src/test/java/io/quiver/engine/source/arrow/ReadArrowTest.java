package io.quiver.engine.source.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.engine.QueryResult;
import io.quiver.engine.source.ArrowTestFiles;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_arrow through SQL: both IPC formats, dictionaries, path forms, the common options. */
class ReadArrowTest extends SessionTestBase {
  @TempDir
  Path directory;

  @Override
  protected QuiverSession newSession() {
    return QuiverSession.builder().batchSize(4).build();
  }

  private static String quote(Object path) {
    return path.toString().replace("'", "''");
  }

  @Test
  void readsTheFileFormatWithDictionaryColumnsAcrossBatches() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("a.arrow"), true, 0, 10, 3, true);
    assertThat(rows("SELECT id, name, color FROM read_arrow('" + quote(file)
        + "') ORDER BY id")).hasSize(10).startsWith(List.of(0L, "n0", "red"),
        List.of(1L, "n1", "green"));
    assertThat(rows("SELECT color, COUNT(*) FROM read_arrow('" + quote(file)
        + "') GROUP BY color ORDER BY color")).containsExactly(List.of("blue", 3L),
        List.of("green", 3L), List.of("red", 4L));
  }

  @Test
  void readsTheStreamFormat() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("s.arrows"), false, 5, 7, 2, true);
    assertThat(rows("SELECT SUM(id), COUNT(*), MIN(color) FROM read_arrow('" + quote(file)
        + "')")).containsExactly(List.of(56L, 7L, "blue"));
  }

  @Test
  void directoryGlobAndJsonArrayOfPathsInSortedOrder() throws IOException {
    ArrowTestFiles.write(directory.resolve("d/b.arrow"), true, 10, 2, 2, false);
    ArrowTestFiles.write(directory.resolve("d/a.arrow"), false, 0, 2, 2, false);
    ArrowTestFiles.write(directory.resolve("d/sub/c.arrow"), true, 20, 2, 2, false);
    Files.writeString(directory.resolve("d/notes.txt"), "ignored");
    Files.writeString(directory.resolve("d/_SUCCESS"), "");
    String dir = quote(directory.resolve("d"));
    assertThat(rows("SELECT id FROM read_arrow('" + dir + "')")).containsExactly(
        List.of(0L), List.of(1L), List.of(10L), List.of(11L), List.of(20L), List.of(21L));
    assertThat(rows("SELECT id FROM read_arrow('" + dir + "/*.arrow')")).containsExactly(
        List.of(0L), List.of(1L), List.of(10L), List.of(11L));
    assertThat(rows("SELECT COUNT(*) FROM read_arrow('" + dir + "/**.arrow')"))
        .containsExactly(List.of(6L));
    String list = "[\"" + dir + "/sub/c.arrow\", \"" + dir + "/a.arrow\"]";
    assertThat(rows("SELECT id FROM read_arrow('" + list + "')")).containsExactly(
        List.of(20L), List.of(21L), List.of(0L), List.of(1L));
  }

  @Test
  void hivePartitionsAreTypedColumnsAndPruneFiles() throws IOException {
    ArrowTestFiles.write(directory.resolve("t/yr=2023/region=eu/f.arrow"), true, 0, 3, 2,
        false);
    ArrowTestFiles.write(directory.resolve("t/yr=2024/region=us/f.arrow"), true, 100, 2, 2,
        false);
    ArrowTestFiles.write(directory.resolve("t/yr=2024/region=eu/f.arrow"), true, 200, 1, 2,
        false);
    String glob = quote(directory.resolve("t")) + "/**/yr=*/*/*.arrow";
    String options = "{\"table_partition_cols\": [\"yr\", \"region\"], \"filename\": true}";
    assertThat(rows("SELECT yr, region, COUNT(*) FROM read_arrow('" + glob + "', '"
        + options
        + "') GROUP BY yr, region ORDER BY yr, region")).containsExactly(
        List.of(2023L, "eu", 3L), List.of(2024L, "eu", 1L), List.of(2024L, "us", 2L));
    assertThat(rows("SELECT id, filename FROM read_arrow('" + glob + "', '" + options
        + "') WHERE yr = 2024 AND region = 'eu'")).containsExactly(List.of(200L,
        directory.resolve("t/yr=2024/region=eu/f.arrow").toString()));
    assertThat(rows("SELECT SUM(id) FROM read_arrow('" + quote(directory.resolve("t"))
        + "', '{\"table_partition_cols\": [\"yr:VARCHAR\"]}') WHERE yr > '2023'"))
        .containsExactly(List.of(401L));
    QuiverException missing = failure("SELECT * FROM read_arrow('" + glob
        + "', '{\"table_partition_cols\": [\"month\"]}')");
    assertThat(missing.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(missing.getMessage()).contains("month=");
  }

  @Test
  void unionByNameReadsMissingColumnsAsNull() throws IOException {
    ArrowTestFiles.write(directory.resolve("u/1.arrow"), true, 0, 2, 2, false);
    ArrowTestFiles.write(directory.resolve("u/2.arrow"), true, 5, 1, 2, true);
    String dir = quote(directory.resolve("u"));
    assertThat(rows("SELECT id, color FROM read_arrow('" + dir
        + "', '{\"union_by_name\": true}') ORDER BY id")).containsExactly(
        Arrays.asList(0L, null), Arrays.asList(1L, null), List.of(5L, "blue"));
    ArrowTestFiles.write(directory.resolve("v/1.arrow"), true, 0, 2, 2, true);
    ArrowTestFiles.write(directory.resolve("v/2.arrow"), true, 5, 1, 2, false);
    QuiverException error = failure("SELECT * FROM read_arrow('"
        + quote(directory.resolve("v")) + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("color").contains("union_by_name")
        .contains("2.arrow");
  }

  @Test
  void limitOptionAndSqlLimitStopEarly() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("l.arrow"), true, 0, 50, 4, false);
    assertThat(rows("SELECT COUNT(*) FROM read_arrow('" + quote(file)
        + "', '{\"limit\": 7}')")).containsExactly(List.of(7L));
    assertThat(rows("SELECT id FROM read_arrow('" + quote(file) + "') LIMIT 3")).hasSize(3);
    assertThat(rows("SELECT COUNT(*) FROM read_arrow('" + quote(file)
        + "', '{\"limit\": 0}')")).containsExactly(List.of(0L));
  }

  @Test
  void schemaIpcSelectsColumnsByNameAndConvertsTheirTypes() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("s.arrow"), true, 0, 3, 4, false);
    Schema given = new Schema(List.of(
        new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null)));
    assertThat(rows("SELECT * FROM read_arrow('" + quote(file) + "', '{\"schema_ipc\": \""
        + hex(given) + "\"}')")).containsExactly(List.of(0L), List.of(1L), List.of(2L));
    Schema text = new Schema(List.of(
        new Field("id", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    assertThat(rows("SELECT * FROM read_arrow('" + quote(file) + "', '{\"schema_ipc\": \""
        + hex(text) + "\"}')")).containsExactly(List.of("0"), List.of("1"), List.of("2"));
    Schema number = new Schema(List.of(
        new Field("name", FieldType.nullable(new ArrowType.Int(64, true)), null)));
    QuiverException error = failure("SELECT * FROM read_arrow('" + quote(file)
        + "', '{\"schema_ipc\": \"" + hex(number) + "\"}')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("column name").contains("s.arrow")
        .contains("BIGINT");
  }

  private static String hex(Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
    return HexFormat.of().formatHex(out.toByteArray());
  }

  @Test
  void badOptionsThroughSql() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("o.arrow"), true, 0, 1, 1, false);
    QuiverException notJson = failure("SELECT * FROM read_arrow('" + quote(file)
        + "', '{limit: 1}')");
    assertThat(notJson.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(notJson.getMessage()).contains("not valid JSON").contains("line 1, column")
        .contains("read_arrow");
    QuiverException unknown = failure("SELECT * FROM read_arrow('" + quote(file)
        + "', '{\"delimiter\": \",\"}')");
    assertThat(unknown.getMessage()).contains("unknown option 'delimiter'").contains("limit");
    QuiverException type = failure("SELECT * FROM read_arrow('" + quote(file)
        + "', '{\"filename\": 1}')");
    assertThat(type.getMessage()).contains("'filename'").contains("boolean");
  }

  @Test
  void missingAndEmptyPathsAreIoErrorsNamingThePath() throws IOException {
    QuiverException missing = failure("SELECT * FROM read_arrow('"
        + quote(directory.resolve("none.arrow")) + "')");
    assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
    assertThat(missing.getMessage()).contains("none.arrow");
    Files.createDirectories(directory.resolve("empty"));
    QuiverException empty = failure("SELECT * FROM read_arrow('"
        + quote(directory.resolve("empty")) + "')");
    assertThat(empty.kind()).isEqualTo(ErrorKind.IO);
    assertThat(empty.getMessage()).contains("empty").contains(".arrow");
    QuiverException glob = failure("SELECT * FROM read_arrow('"
        + quote(directory.resolve("empty")) + "/*.arrow')");
    assertThat(glob.kind()).isEqualTo(ErrorKind.IO);
    assertThat(glob.getMessage()).contains("matches no file");
    QuiverException badList = failure("SELECT * FROM read_arrow('[\"a.arrow\",')");
    assertThat(badList.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(badList.getMessage()).contains("JSON array");
  }

  @Test
  void notAnArrowFileIsADataErrorNamingTheFile() throws IOException {
    Path file = directory.resolve("text.arrow");
    Files.writeString(file, "id,name\n1,a\n");
    QuiverException error = failure("SELECT * FROM read_arrow('" + quote(file) + "')");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("text.arrow");
  }

  @Test
  void partitionPredicatesSkipWholeFiles() throws IOException {
    ArrowTestFiles.write(directory.resolve("p/k=1/f.arrow"), true, 0, 2, 2, false);
    Files.createDirectories(directory.resolve("p/k=2"));
    Files.writeString(directory.resolve("p/k=2/f.arrow").toAbsolutePath(), "corrupt",
        java.nio.file.StandardOpenOption.CREATE_NEW);
    String call = "read_arrow('" + quote(directory.resolve("p")) + "/*/*.arrow',"
        + " '{\"table_partition_cols\": [\"k\"]}')";
    assertThat(rows("SELECT id FROM " + call + " WHERE k = 1")).containsExactly(List.of(0L),
        List.of(1L));
    assertThat(rows("SELECT id FROM " + call + " WHERE k IN (0, 1)")).hasSize(2);
    QuiverException error = failure("SELECT id FROM " + call + " WHERE k >= 1");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("k=2");
  }

  @Test
  void declaredPartitionTypesAreCheckedAndFileExtensionSelectsFiles() throws IOException {
    ArrowTestFiles.write(directory.resolve("q/dt=2024-01-02/f.dat"), true, 0, 1, 1, false);
    ArrowTestFiles.write(directory.resolve("q/dt=oops/f.dat"), true, 1, 1, 1, false);
    String dir = quote(directory.resolve("q"));
    QuiverException noFiles = failure("SELECT * FROM read_arrow('" + dir + "')");
    assertThat(noFiles.kind()).isEqualTo(ErrorKind.IO);
    assertThat(noFiles.getMessage()).contains("file_extension");
    QuiverException badValue = failure("SELECT * FROM read_arrow('" + dir
        + "', '{\"file_extension\":"
        + " \".dat\", \"table_partition_cols\": [\"dt:DATE\"]}')");
    assertThat(badValue.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(badValue.getMessage()).contains("'oops'").contains("DATE");
    assertThat(rows("SELECT dt, id FROM read_arrow('" + dir + "', '{\"file_extension\":"
        + " \".dat\", \"table_partition_cols\": [\"dt\"]}') ORDER BY id")).containsExactly(
        List.of("2024-01-02", 0L), List.of("oops", 1L));
  }

  @Test
  void aViewOverReadArrowReadsTheFilesWhenQueried() throws IOException {
    Path file = ArrowTestFiles.write(directory.resolve("view.arrow"), true, 0, 3, 2, true);
    try (QueryResult created = session.sql("CREATE VIEW colors AS SELECT id, color FROM"
        + " read_arrow('" + quote(file) + "')")) {
      assertThat(created.returnsRows()).isFalse();
    }
    assertThat(rows("SELECT color FROM colors WHERE id = 2"))
        .containsExactly(List.of("blue"));
  }
}
