package io.quiver.engine.source.csv;

import static io.quiver.engine.source.text.TextFormatTesting.options;
import static io.quiver.engine.source.text.TextFormatTesting.read;
import static io.quiver.engine.source.text.TextFormatTesting.readAll;
import static io.quiver.engine.source.text.TextFormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.text.TextFormatTesting;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {
  private final CsvFormat format = new CsvFormat();
  private BufferAllocator allocator;
  @TempDir
  Path directory;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private List<List<Object>> rows(String text, Object... overrides) {
    Path file = write(directory.resolve("data.csv"), text);
    return readAll(format, file, options(format, null, overrides), allocator);
  }

  private Schema schema(String text, Object... overrides) {
    Path file = write(directory.resolve("data.csv"), text);
    return format.schema(file, options(format, null, overrides));
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static ArrowType typeOf(Schema schema, int column) {
    return schema.getFields().get(column).getType();
  }

  @Test
  void infersEachType() {
    String text = "b,i,d,f,dt,ts,s,n\n"
        + "true,1,1.50,1.5,2024-01-31,2024-01-31 10:11:12,x,\n"
        + "FALSE,-20,-2.25,2e3,1999-12-01,2024-02-01T00:00:00.123456,y,\n";
    Schema schema = schema(text);
    assertThat(schema.getFields()).extracting(Field::getName)
        .containsExactly("b", "i", "d", "f", "dt", "ts", "s", "n");
    assertThat(typeOf(schema, 0)).isEqualTo(ArrowType.Bool.INSTANCE);
    assertThat(typeOf(schema, 1)).isEqualTo(new ArrowType.Int(64, true));
    assertThat(typeOf(schema, 2)).isEqualTo(new ArrowType.Decimal(18, 2, 128));
    assertThat(typeOf(schema, 3))
        .isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    assertThat(typeOf(schema, 4)).isEqualTo(new ArrowType.Date(DateUnit.DAY));
    assertThat(typeOf(schema, 5)).isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
    assertThat(typeOf(schema, 6)).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThat(typeOf(schema, 7)).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThat(rows(text)).containsExactly(
        row(true, 1L, new BigDecimal("1.50"), 1.5, LocalDate.of(2024, 1, 31).atStartOfDay()
            .toLocalDate().toEpochDay() == 19753 ? 19753 : -1, LocalDateTime.of(2024, 1, 31, 10,
            11, 12), "x", null),
        row(false, -20L, new BigDecimal("-2.25"), 2000.0, (int) LocalDate.of(1999, 12, 1)
            .toEpochDay(), LocalDateTime.of(2024, 2, 1, 0, 0, 0, 123_456_000), "y", null));
  }

  @Test
  void mixedTypesWiden() {
    Schema schema = schema("a,b,c,d\n1,1.5,2024-01-01,1\n2.25,2,2024-01-01 10:00:00,x\n");
    assertThat(typeOf(schema, 0))
        .isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    assertThat(typeOf(schema, 1))
        .isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    assertThat(typeOf(schema, 2)).isEqualTo(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
    assertThat(typeOf(schema, 3)).isEqualTo(ArrowType.Utf8.INSTANCE);
  }

  @Test
  void headerNames() {
    Schema schema = schema("a,,a,A\n1,2,3,4\n");
    assertThat(schema.getFields()).extracting(Field::getName)
        .containsExactly("a", "column1", "a_1", "A_2");
    schema = schema("1,2\n3,4\n", "has_header", false);
    assertThat(schema.getFields()).extracting(Field::getName).containsExactly("column0", "column1");
    assertThat(rows("1,2\n3,4\n", "has_header", false)).containsExactly(row(1L, 2L), row(3L, 4L));
  }

  @Test
  void quoting() {
    String text = "a,b\r\n"
        + "\"x,y\",\"he said \"\"hi\"\"\"\r\n"
        + "\"\",\r\n"
        + "\"multi\nline\",plain\"quote\r\n"
        + "last,\"no newline at end\"";
    assertThat(rows(text)).containsExactly(
        row("x,y", "he said \"hi\""),
        row("", null),
        row("multi\nline", "plain\"quote"),
        row("last", "no newline at end"));
  }

  @Test
  void trailingDelimiterAndBlankLines() {
    assertThat(rows("a,b\n1,\n\n2,3\n\r\n")).containsExactly(row(1L, null), row(2L, 3L));
  }

  @Test
  void delimiterQuoteEscapeComment() {
    String text = "# a comment\na;b\n'x;1';'it\\'s'\n# another\ny;z\n";
    assertThat(rows(text, "delimiter", ";", "quote", "'", "escape", "\\", "comment", "#"))
        .containsExactly(row("x;1", "it's"), row("y", "z"));
    assertThat(rows("a\tb\n1\t2\n", "delimiter", "\t")).containsExactly(row(1L, 2L));
    assertThat(rows("a\n'it''s'\n", "quote", "'")).containsExactly(row("it's"));
  }

  @Test
  void nullString() {
    assertThat(rows("a,b\nNA,x\n3,NA\n4,\"NA\"\n5,\n", "null_string", "NA"))
        .containsExactly(row(null, "x"), row(3L, null), row(4L, "NA"), row(5L, null));
    assertThat(schema("a,b\nNA,x\n3,NA\n", "null_string", "NA").getFields().get(0).getType())
        .isEqualTo(new ArrowType.Int(64, true));
  }

  @Test
  void newlinesInValuesFalseIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> rows("a,b\n1,\"open\nclose\"\n", "newlines_in_values", false))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.csv", "line 2", "newlines_in_values");
        });
  }

  @Test
  void inferMaxRecordsLimitsInference() {
    String text = "a\n1\n2\nx\n";
    assertThat(schema(text, "schema_infer_max_records", 2L).getFields().get(0).getType())
        .isEqualTo(new ArrowType.Int(64, true));
    assertThat(schema(text).getFields().get(0).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThatThrownBy(() -> rows(text, "schema_infer_max_records", 2L))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("line 4", "column a (field 1)", "'x'",
              "schema_infer_max_records");
        });
  }

  @Test
  void compression() {
    byte[] bytes = "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8);
    List<List<Object>> expected = List.of(row(1L, "x"), row(2L, "y"));
    Path gz = write(directory.resolve("d.csv.gz"), TextFormatTesting.gzip(bytes));
    assertThat(readAll(format, gz, options(format, null), allocator)).isEqualTo(expected);
    Path zst = write(directory.resolve("d.csv.zst"), TextFormatTesting.zstd(bytes));
    assertThat(readAll(format, zst, options(format, null), allocator)).isEqualTo(expected);
    Path named = write(directory.resolve("d.data"), TextFormatTesting.zstd(bytes));
    assertThat(readAll(format, named, options(format, null, "compression", "zstd"), allocator))
        .isEqualTo(expected);
    Path plain = write(directory.resolve("plain.gz"), bytes);
    assertThat(readAll(format, plain, options(format, null, "compression", "none"), allocator))
        .isEqualTo(expected);
  }

  @Test
  void onBadRow() {
    String text = "a,b\n1,x\n2\nzz,y\n3,z,extra\n4,w\n";
    assertThat(rows(text, "on_bad_row", "skip", "schema_infer_max_records", 1L)).containsExactly(row(1L, "x"), row(4L, "w"));
    assertThat(rows(text, "on_bad_row", "null", "schema_infer_max_records", 1L)).containsExactly(
        row(1L, "x"), row(2L, null), row(null, "y"), row(3L, "z"), row(4L, "w"));
    assertThatThrownBy(() -> rows(text, "on_bad_row", "error", "schema_infer_max_records", 1L))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.csv", "line 3", "expected 2 fields, found 1");
        });
    assertThatThrownBy(() -> rows(text, "on_bad_row", "maybe"))
        .isInstanceOfSatisfying(QuiverException.class,
            e -> assertThat(e.getMessage()).contains("error, skip or null"));
  }

  @Test
  void skippedRowLeavesNoTraceInEarlierColumns() {
    String text = "s,n,t\nx,1,p\nlonger text,zz,q\n,2,\nw,4,r\n";
    for (int blockSize : new int[] {1, 4096}) {
      CsvFormat reader = new CsvFormat(blockSize, 1 << 20);
      Path file = write(directory.resolve("skip.csv"), text);
      assertThat(readAll(reader, file, options(reader, null, "on_bad_row", "skip",
          "schema_infer_max_records", 1L), allocator))
          .containsExactly(row("x", 1L, "p"), row(null, 2L, null), row("w", 4L, "r"));
    }
  }

  @Test
  void givenSchemaConvertsValues() {
    Schema given = new Schema(List.of(
        new Field("i", FieldType.nullable(new ArrowType.Int(32, true)), null),
        new Field("d", FieldType.nullable(new ArrowType.Decimal(10, 2, 128)), null),
        new Field("w", FieldType.nullable(new ArrowType.Decimal(30, 3, 128)), null),
        new Field("t", FieldType.nullable(new ArrowType.Time(TimeUnit.MICROSECOND, 64)), null),
        new Field("r", FieldType.nullable(new ArrowType.FloatingPoint(
            FloatingPointPrecision.SINGLE)), null),
        new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    Path file = write(directory.resolve("given.csv"),
        "i,d,w,t,r,s\n7,1.005,123456789012345678901.5,10:20:30.5,0.5,42\n");
    ScanOptions options = options(format, given);
    assertThat(format.schema(file, options)).isEqualTo(given);
    assertThat(readAll(format, file, options, allocator)).containsExactly(row(7,
        new BigDecimal("1.01"), new BigDecimal("123456789012345678901.500"),
        37_230_500_000L, 0.5f, "42"));
    Path bad = write(directory.resolve("bad.csv"), "i,d,w,t,r,s\n99999999999,1,1,10:00,1,x\n");
    assertThatThrownBy(() -> readAll(format, bad, options, allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("bad.csv", "line 2", "column i (field 1)",
              "'99999999999'", "schema_ipc");
        });
  }

  @Test
  void aGivenSchemaMatchesTheHeaderByNameOrByPosition() {
    Path file = write(directory.resolve("h.csv"), "id,Name,score\n1,ann,2.5\n2,bob,\n");
    Schema reordered = new Schema(List.of(
        new Field("score", FieldType.nullable(new ArrowType.FloatingPoint(
            FloatingPointPrecision.DOUBLE)), null),
        new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    assertThat(readAll(format, file, options(format, reordered), allocator))
        .containsExactly(row(2.5, "ann"), row(null, "bob"));
    Schema renamed = new Schema(List.of(
        new Field("a", FieldType.nullable(new ArrowType.Int(64, true)), null),
        new Field("b", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
        new Field("c", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    assertThat(readAll(format, file, options(format, renamed), allocator))
        .containsExactly(row(1L, "ann", "2.5"), row(2L, "bob", null));
    Schema partly = new Schema(List.of(
        new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null),
        new Field("missing", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    assertThatThrownBy(() -> readAll(format, file, options(format, partly), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("h.csv", "[missing]", "[id, Name, score]",
              "has_header");
        });
    // A bad value names the schema's column and the file's field.
    Path bad = write(directory.resolve("hb.csv"), "id,Name,score\n1,ann,high\n");
    assertThatThrownBy(() -> readAll(format, bad, options(format, reordered), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e ->
            assertThat(e.getMessage()).contains("column score (field 3)", "'high'"));
  }

  @Test
  void projectionAndLimit() {
    StringBuilder text = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 5000; i++) {
      text.append(i).append(",x").append(i).append(',').append(i % 2 == 0).append('\n');
    }
    Path file = write(directory.resolve("p.csv"), text.toString());
    ScanOptions options = options(format, null);
    Schema schema = format.schema(file, options);
    List<List<Object>> rows = read(format, file, schema,
        new ScanRequest(new int[] {2, 0}, List.of(), 1234, 500), options, allocator);
    assertThat(rows).hasSize(1234);
    assertThat(rows.get(1233)).containsExactly(false, 1233L);
  }

  @Test
  void emptyProjectionCountsRows() {
    Path file = write(directory.resolve("count.csv"), "a,b\n1,2\n3,4\n5,6\n");
    ScanOptions options = options(format, null);
    Schema schema = format.schema(file, options);
    assertThat(read(format, file, schema, ScanRequest.of(new int[0], 2), options, allocator))
        .hasSize(3);
  }

  @Test
  void recordsCrossTinyBlocks() {
    StringBuilder text = new StringBuilder("id,name,note\r\n");
    for (int i = 0; i < 300; i++) {
      text.append(i).append(",\"n").append(i).append(" \"\"q\"\"\",\"line\nbreak ").append(i)
          .append("\"\r\n");
    }
    Path file = write(directory.resolve("blocks.csv"), text.toString());
    ScanOptions options = options(format, null);
    List<List<Object>> expected = readAll(format, file, options, allocator);
    assertThat(expected).hasSize(300);
    assertThat(expected.get(299)).containsExactly(299L, "n299 \"q\"", "line\nbreak 299");
    for (int blockSize : new int[] {1, 2, 3, 7, 64}) {
      CsvFormat small = new CsvFormat(blockSize, 1 << 20);
      assertThat(readAll(small, file, options, allocator)).as("block %d", blockSize)
          .isEqualTo(expected);
    }
  }

  @Test
  void recordLongerThanTheBoundIsAnError() {
    Path file = write(directory.resolve("long.csv"), "a\n\"" + "x".repeat(5000) + "\"\n");
    CsvFormat small = new CsvFormat(16, 1024);
    assertThatThrownBy(() -> readAll(small, file, options(small, null), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("long.csv", "longer than 1024 bytes");
        });
  }

  @Test
  void badOptionValues() {
    for (Object[] bad : new Object[][] {{"delimiter", ";;"}, {"quote", ""}, {"delimiter", "\""},
        {"compression", "lz4"}, {"schema_infer_max_records", 0L}}) {
      assertThatThrownBy(() -> schema("a\n1\n", bad))
          .as("%s", Arrays.toString(bad))
          .isInstanceOfSatisfying(QuiverException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
            assertThat(e.getMessage()).contains((String) bad[0]);
          });
    }
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] text = "\uFEFFa,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    for (int blockSize : new int[] {1, 2, 4096}) {
      CsvFormat reader = new CsvFormat(blockSize, 1 << 20);
      Path file = write(directory.resolve("bom.csv"), text);
      assertThat(reader.schema(file, options(reader, null)).getFields())
          .extracting(Field::getName).containsExactly("a", "b");
      assertThat(readAll(reader, file, options(reader, null), allocator))
          .containsExactly(row(1L, 2L));
    }
  }

  @Test
  void emptyFile() {
    assertThatThrownBy(() -> schema(""))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.csv", "is empty", "no header");
        });
    assertThat(rows("a,b\n")).isEmpty();
  }
}
