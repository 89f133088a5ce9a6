package io.quiver.engine.source.json;

import static io.quiver.engine.source.text.TextFormatTesting.options;
import static io.quiver.engine.source.text.TextFormatTesting.read;
import static io.quiver.engine.source.text.TextFormatTesting.readAll;
import static io.quiver.engine.source.text.TextFormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.text.TextFormatTesting;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

class JsonNdjsonFormatTest {
  private final NdjsonFormat format = new NdjsonFormat();
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

  private Path file(String text) {
    return write(directory.resolve("data.json"), text);
  }

  private List<List<Object>> rows(String text, Object... overrides) {
    return readAll(format, file(text), options(format, null, overrides), allocator);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void flatInferenceAndWidening() {
    String text = "{\"a\":1,\"b\":1.5,\"c\":true,\"d\":\"x\",\"e\":null,\"f\":1}\n"
        + "{\"a\":2,\"b\":2,\"c\":false,\"d\":\"y\",\"f\":\"s\"}\r\n"
        + "\n"
        + "{\"f\":2.5,\"extra\":[1],\"a\":3}";
    Schema schema = format.schema(file(text), options(format, null));
    assertThat(schema.getFields()).extracting(Field::getName)
        .containsExactly("a", "b", "c", "d", "e", "f", "extra");
    assertThat(schema.getFields()).extracting(Field::getType).startsWith(
        new ArrowType.Int(64, true), new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
        ArrowType.Bool.INSTANCE, ArrowType.Utf8.INSTANCE, ArrowType.Utf8.INSTANCE,
        ArrowType.Utf8.INSTANCE);
    List<List<Object>> rows = rows(text);
    assertThat(rows.get(0)).startsWith(1L, 1.5, true, "x", null, "1");
    assertThat(rows.get(1)).startsWith(2L, 2.0, false, "y", null, "s");
    assertThat(rows.get(2)).startsWith(3L, null, null, null, null, "2.5");
    assertThat(rows.get(2).get(6)).isEqualTo(List.of(1L));
  }

  @Test
  void nestedStructsAndLists() {
    String text = "{\"id\":1,\"p\":{\"x\":1,\"tags\":[\"a\",\"b\"]},\"l\":[{\"k\":1},{\"k\":2}]}\n"
        + "{\"id\":2,\"p\":{\"tags\":[]},\"l\":null}\n"
        + "{\"id\":3,\"p\":null,\"l\":[null,{\"k\":3,\"z\":9}]}\n";
    Schema schema = format.schema(file(text), options(format, null));
    Field p = schema.getFields().get(1);
    assertThat(p.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
    assertThat(p.getChildren()).extracting(Field::getName).containsExactly("x", "tags");
    assertThat(p.getChildren().get(1).getType()).isEqualTo(ArrowType.List.INSTANCE);
    List<List<Object>> rows = rows(text);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get(1).toString()).isEqualTo("{\"x\":1,\"tags\":[\"a\",\"b\"]}");
    assertThat(rows.get(0).get(2).toString()).isEqualTo("[{\"k\":1},{\"k\":2}]");
    assertThat(rows.get(1).get(1).toString()).isEqualTo("{\"tags\":[]}");
    assertThat(rows.get(1).get(2)).isNull();
    assertThat(rows.get(2).get(1)).isNull();
    assertThat(rows.get(2).get(2).toString()).isEqualTo("[null,{\"k\":3,\"z\":9}]");
  }

  @Test
  void datesAndTimestampsInStrings() {
    String text = "{\"d\":\"2024-03-01\",\"t\":\"2024-03-01\",\"s\":\"2024-03-01\"}\n"
        + "{\"d\":null,\"t\":\"2024-03-02T10:00:00.5\",\"s\":\"later\"}\n";
    Schema schema = format.schema(file(text), options(format, null));
    assertThat(schema.getFields()).extracting(Field::getType).containsExactly(
        new ArrowType.Date(DateUnit.DAY), new ArrowType.Timestamp(TimeUnit.MICROSECOND, null),
        ArrowType.Utf8.INSTANCE);
    assertThat(rows(text)).containsExactly(
        row(19783, LocalDateTime.of(2024, 3, 1, 0, 0), "2024-03-01"),
        row(null, LocalDateTime.of(2024, 3, 2, 10, 0, 0, 500_000_000), "later"));
  }

  @Test
  void nestedValueInVarcharColumnKeepsItsJson() {
    assertThat(rows("{\"a\":\"x\"}\n{\"a\":{\"b\":[1,2]}}\n"))
        .containsExactly(row("x"), row("{\"b\":[1,2]}"));
  }

  @Test
  void givenSchema() {
    Schema given = new Schema(List.of(
        new Field("i", FieldType.nullable(new ArrowType.Int(32, true)), null),
        new Field("d", FieldType.nullable(new ArrowType.Decimal(10, 2, 128)), null),
        new Field("day", FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null),
        new Field("ts", FieldType.nullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            null),
        new Field("missing", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    Path file = file("{\"i\":7,\"d\":1.005,\"day\":\"2024-03-01\",\"ts\":\"2024-03-01 10:00:00\","
        + "\"unknown\":{\"deep\":[1]}}\n");
    ScanOptions options = options(format, given);
    assertThat(format.schema(file, options)).isEqualTo(given);
    assertThat(readAll(format, file, options, allocator)).containsExactly(row(7,
        new BigDecimal("1.01"), 19783, LocalDateTime.of(2024, 3, 1, 10, 0), null));
    Path bad = write(directory.resolve("bad.json"), "{\"i\":7}\n{\"i\":\"seven\"}\n");
    assertThatThrownBy(() -> readAll(format, bad, options, allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("bad.json", "line 2", "column", "key i",
              "seven");
        });
  }

  @Test
  void inferMaxRecords() {
    String text = "{\"a\":1}\n{\"a\":2}\n{\"a\":\"x\"}\n";
    assertThat(format.schema(file(text), options(format, null, "schema_infer_max_records", 2L))
        .getFields().get(0).getType()).isEqualTo(new ArrowType.Int(64, true));
    assertThatThrownBy(() -> rows(text, "schema_infer_max_records", 2L))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("line 3", "key a", "schema_infer_max_records");
        });
  }

  @Test
  void projectionLimitAndTinyBlocks() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("{\"id\":").append(i).append(",\"s\":\"v").append(i)
          .append("\",\"n\":{\"x\":[").append(i).append("]}}\n");
    }
    Path file = write(directory.resolve("many.jsonl"), text.toString());
    ScanOptions options = options(format, null);
    Schema schema = format.schema(file, options);
    List<List<Object>> rows = read(format, file, schema,
        new ScanRequest(new int[] {1}, List.of(), 1500, 400), options, allocator);
    assertThat(rows).hasSize(1500);
    assertThat(rows.get(1499)).containsExactly("v1499");
    List<List<Object>> all = readAll(format, file, options, allocator);
    for (int blockSize : new int[] {1, 5, 33}) {
      NdjsonFormat small = new NdjsonFormat(blockSize, 1 << 20);
      assertThat(readAll(small, file, options, allocator).toString()).isEqualTo(all.toString());
    }
  }

  @Test
  void emptyProjectionCountsRows() {
    Path file = file("{\"a\":1}\n\n{\"a\":2}\n{\"b\":3}\n");
    ScanOptions options = options(format, null);
    Schema schema = format.schema(file, options);
    assertThat(read(format, file, schema, ScanRequest.of(new int[0], 2), options, allocator))
        .hasSize(3);
  }

  @Test
  void onBadRowSkipsOrNullsLinesThatCannotBeRead() {
    Schema schema = new Schema(List.of(
        new Field("a", FieldType.nullable(new ArrowType.Int(64, true)), null),
        new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
        new Field("l", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
            new Field("item", FieldType.nullable(new ArrowType.Int(64, true)), null)))));
    Path file = file("{\"a\":1,\"s\":\"x\",\"l\":[1,2]}\n"
        + "{\"s\":\"yyyyyyyy\",\"a\":\"oops\",\"l\":[3]}\n"
        + "{\"s\":\"zzzzzzzz\",\"l\":[4,5,\"bad\"]}\n"
        + "not json\n"
        + "[1]\n"
        + "{\"a\":5,\"s\":\"w\",\"l\":[]}\n");
    assertThat(readAll(format, file, options(format, schema, "on_bad_row", "skip"), allocator))
        .containsExactly(row(1L, "x", List.of(1L, 2L)), row(5L, "w", List.of()));
    assertThat(readAll(format, file, options(format, schema, "on_bad_row", "null"), allocator))
        .containsExactly(row(1L, "x", List.of(1L, 2L)), row(null, null, null),
            row(null, null, null), row(null, null, null), row(null, null, null),
            row(5L, "w", List.of()));
    assertThatThrownBy(() -> readAll(format, file, options(format, schema), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.json", "line 2");
        });
    assertThatThrownBy(() -> readAll(format, file, options(format, schema, "on_bad_row",
        "ignore"), allocator)).isInstanceOfSatisfying(QuiverException.class, e ->
            assertThat(e.getMessage()).contains("on_bad_row", "'ignore'", "skip"));
  }

  @Test
  void deepNestingIsADataError() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n";
    assertThatThrownBy(() -> rows(deep))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.json", "line 1", "not valid JSON");
        });
  }

  @Test
  void byteOrderMarkIsSkipped() {
    assertThat(rows("\uFEFF{\"a\":1}\n{\"a\":2}\n")).containsExactly(row(1L), row(2L));
  }

  @Test
  void emptyFileIsADataError() {
    assertThatThrownBy(() -> rows("\n{}\n"))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.json", "no JSON object");
        });
  }

  @Test
  void compression() {
    byte[] bytes = "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8);
    Path gz = write(directory.resolve("d.json.gz"), TextFormatTesting.gzip(bytes));
    Path zst = write(directory.resolve("d.json.zst"), TextFormatTesting.zstd(bytes));
    assertThat(readAll(format, gz, options(format, null), allocator))
        .containsExactly(row(1L), row(2L));
    assertThat(readAll(format, zst, options(format, null), allocator))
        .containsExactly(row(1L), row(2L));
    byte[] big = TextFormatTesting.gzip("{\"a\":1}\n".repeat(20000)
        .getBytes(StandardCharsets.UTF_8));
    Path cut = write(directory.resolve("cut.json.gz"), Arrays.copyOf(big, big.length / 2));
    assertThatThrownBy(() -> readAll(format, cut, options(format, null), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("cut.json.gz", "gzip");
        });
  }

  @Test
  void badJson() {
    assertThatThrownBy(() -> rows("{\"a\":1}\n{\"a\":2,,}\n"))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
          assertThat(e.getMessage()).contains("data.json", "line 2", "column", "not valid JSON");
        });
    assertThatThrownBy(() -> rows("{\"a\":1}\n[1,2]\n"))
        .isInstanceOfSatisfying(QuiverException.class,
            e -> assertThat(e.getMessage()).contains("line 2", "expected a JSON object"));
    assertThatThrownBy(() -> rows("{\"a\":1} {\"a\":2}\n"))
        .isInstanceOfSatisfying(QuiverException.class,
            e -> assertThat(e.getMessage()).contains("line 1", "more JSON after the object"));
    assertThatThrownBy(() -> rows("not json at all\n"))
        .isInstanceOfSatisfying(QuiverException.class,
            e -> assertThat(e.getMessage()).contains("line 1", "not valid JSON"));
    assertThatThrownBy(() -> rows("{\"a\":1}\n{\"a\":\"unterminated}\n"))
        .isInstanceOfSatisfying(QuiverException.class,
            e -> assertThat(e.getMessage()).contains("line 2", "not valid JSON"));
  }

  @Test
  void seededCorruption() {
    StringBuilder text = new StringBuilder();
    Random data = new Random(3);
    for (int i = 0; i < 150; i++) {
      text.append("{\"id\":").append(i).append(",\"v\":").append(data.nextDouble())
          .append(",\"s\":\"x\\\"").append(i).append("\",\"o\":{\"a\":[1,2,{\"b\":null}],\"t\":")
          .append(data.nextBoolean()).append("}}\n");
    }
    byte[] plain = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] gzip = TextFormatTesting.gzip(plain);
    byte[] zstd = TextFormatTesting.zstd(plain);
    NdjsonFormat small = new NdjsonFormat(64, 1 << 16);
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      int variant = seed % 3;
      byte[] corrupt = corrupt(variant == 0 ? plain : variant == 1 ? gzip : zstd, random);
      String name = "corrupt" + seed + (variant == 0 ? ".json" : variant == 1 ? ".json.gz"
          : ".json.zst");
      Path file = write(directory.resolve(name), corrupt);
      NdjsonFormat reader = seed % 2 == 0 ? format : small;
      final int current = seed;
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try {
          readAll(reader, file, options(reader, null), allocator);
        } catch (QuiverException e) {
          assertThat(e.kind()).as("seed %d: %s", current, e.getMessage())
              .isIn(ErrorKind.DATA, ErrorKind.IO);
        }
      }, "seed " + seed);
      assertThat(allocator.getAllocatedMemory()).as("seed %d", seed).isZero();
    }
  }

  private static byte[] corrupt(byte[] source, Random random) {
    byte[] bytes = source.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int position = random.nextInt(bytes.length);
      bytes[position] = random.nextInt(4) == 0 ? (byte) "\"\n,\\{}[]:".charAt(random.nextInt(9))
          : (byte) random.nextInt(256);
    }
    if (random.nextInt(3) == 0) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    return bytes;
  }
}
