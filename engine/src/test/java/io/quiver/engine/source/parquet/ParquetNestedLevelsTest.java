package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.source.parquet.ParquetTestFiles.Chunk;
import io.quiver.engine.source.parquet.ParquetTestFiles.Page;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.SchemaElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repetition and definition levels on hand-built pages: records spanning pages, and every kind
 * of bad level data (levels above their maximum, a record that does not start at repetition
 * level 0, leaves that disagree on records, cut-short streams, repetition into a null list)
 * ending in a DATA error that names the file, row group and column.
 */
class ParquetNestedLevelsTest {
  private static final FieldRepetitionType OPTIONAL = FieldRepetitionType.OPTIONAL;
  private static final FieldRepetitionType REQUIRED = FieldRepetitionType.REQUIRED;
  private static final FieldRepetitionType REPEATED = FieldRepetitionType.REPEATED;

  @TempDir
  Path directory;
  private RootAllocator allocator;
  private final ParquetFormat format = new ParquetFormat();

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** {@code optional group l (LIST) { repeated group list { optional int32 element } }}. */
  private static List<SchemaElement> listOfInts() {
    return List.of(ParquetTestFiles.root(1),
        ParquetTestFiles.group("l", OPTIONAL, ConvertedType.LIST, 1),
        ParquetTestFiles.group("list", REPEATED, null, 1),
        ParquetTestFiles.int32("element", OPTIONAL));
  }

  private static int[] ints(int... values) {
    return values;
  }

  private static List<Object> list(Object... values) {
    List<Object> out = new ArrayList<>();
    for (Object value : values) {
      out.add(value instanceof Integer number ? BigDecimal.valueOf(number) : value);
    }
    return out;
  }

  /** The first column of every row, as nested Java values. */
  private List<Object> read(Path file, int batchSize) {
    Schema schema = format.schema(file, null);
    List<Object> values = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, ScanRequest.of(new int[] {0}, batchSize),
        null, allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          for (int r = 0; r < owned.getRowCount(); r++) {
            values.add(ParquetConformanceTest.nestedValue(owned.getVector(0), r));
          }
        }
      }
    }
    return values;
  }

  private QuiverException readFails(Path file) {
    QuiverException error = catchThrowableOfType(QuiverException.class, () -> read(file, 2));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains(file.getFileName().toString())
        .contains("row group 0").contains("column ");
    return error;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 100})
  void aRecordSpansTwoPages(int batchSize) throws Exception {
    // Rows [1, 2, 3, 4, 5], null, [], [null, 7]; the first record ends on the second page.
    Path file = ParquetTestFiles.write(directory.resolve("span.parquet"), listOfInts(), 4,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 1, 1), ints(3, 3, 3), ints(1, 2, 3), false),
            new Page(ints(1, 1, 0, 0, 0, 1), ints(3, 3, 0, 1, 2, 3), ints(4, 5, 7), false)))));
    assertThat(read(file, batchSize)).containsExactly(list(1, 2, 3, 4, 5), null, list(),
        list(null, 7));
  }

  @Test
  void pagesV2CarryRepetitionLevelsBeforeDefinitionLevels() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("v2.parquet"), listOfInts(), 3,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 1, 0), ints(3, 2, 0), ints(9), true),
            new Page(ints(0, 1, 1), ints(1 + 2, 3, 3), ints(1, 2, 3), true)))));
    assertThat(read(file, 2)).containsExactly(list(9, null), null, list(1, 2, 3));
  }

  @Test
  void repetitionLevelAboveTheMaximum() throws Exception {
    // A list of lists: maximum repetition level 2 in 2 bits, so 3 can be written.
    List<SchemaElement> schema = List.of(ParquetTestFiles.root(1),
        ParquetTestFiles.group("l", OPTIONAL, ConvertedType.LIST, 1),
        ParquetTestFiles.group("list", REPEATED, null, 1),
        ParquetTestFiles.group("element", OPTIONAL, ConvertedType.LIST, 1),
        ParquetTestFiles.group("list", REPEATED, null, 1),
        ParquetTestFiles.int32("element", OPTIONAL));
    Path file = ParquetTestFiles.write(directory.resolve("rep.parquet"), schema, 1,
        List.of(new Chunk("l.list.element.list.element", 2, 3, List.of(
            new Page(ints(0, 3), ints(5, 5), ints(1, 2), false)))));
    assertThat(readFails(file).getMessage()).contains("repetition level 3")
        .contains("maximum 2");
  }

  @Test
  void definitionLevelAboveTheMaximum() throws Exception {
    // A required list of optional ints: maximum definition level 2 in 2 bits.
    List<SchemaElement> schema = List.of(ParquetTestFiles.root(1),
        ParquetTestFiles.group("l", REQUIRED, ConvertedType.LIST, 1),
        ParquetTestFiles.group("list", REPEATED, null, 1),
        ParquetTestFiles.int32("element", OPTIONAL));
    Path file = ParquetTestFiles.write(directory.resolve("def.parquet"), schema, 1,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 1), ints(2, 3), ints(1, 2), false)))));
    assertThat(readFails(file).getMessage()).contains("definition level 3")
        .contains("maximum 2");
  }

  @Test
  void firstRepetitionLevelMustBeZero() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("first.parquet"), listOfInts(), 1,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(1, 1), ints(3, 3), ints(1, 2), false)))));
    assertThat(readFails(file).getMessage()).contains("must start");
  }

  @Test
  void repetitionIntoANullListIsCorrupt() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("intonull.parquet"), listOfInts(), 1,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 1), ints(0, 3), ints(5), false)))));
    assertThat(readFails(file).getMessage()).contains("null or empty");
  }

  /** A list of struct {a, b}: two leaves that must agree. */
  private static List<SchemaElement> listOfStructs() {
    return List.of(ParquetTestFiles.root(1),
        ParquetTestFiles.group("l", OPTIONAL, ConvertedType.LIST, 1),
        ParquetTestFiles.group("list", REPEATED, null, 1),
        ParquetTestFiles.group("element", OPTIONAL, null, 2),
        ParquetTestFiles.int32("a", OPTIONAL),
        ParquetTestFiles.int32("b", OPTIONAL));
  }

  @Test
  void listOfStructsFromTwoLeaves() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("structs.parquet"), listOfStructs(), 2,
        List.of(new Chunk("l.list.element.a", 1, 3, List.of(
                new Page(ints(0, 1, 1, 0), ints(4, 2, 3, 0), ints(1), false))),
            new Chunk("l.list.element.b", 1, 3, List.of(
                new Page(ints(0, 1, 1, 0), ints(3, 2, 4, 0), ints(8), false)))));
    java.util.Map<String, Object> first = new java.util.LinkedHashMap<>();
    first.put("a", BigDecimal.ONE);
    first.put("b", null);
    java.util.Map<String, Object> third = new java.util.LinkedHashMap<>();
    third.put("a", null);
    third.put("b", BigDecimal.valueOf(8));
    assertThat(read(file, 10)).containsExactly(Arrays.asList(first, null, third), null);
  }

  @Test
  void leavesWithFewerRecordsThanTheRowGroup() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("fewer.parquet"), listOfStructs(), 3,
        List.of(new Chunk("l.list.element.a", 1, 3, List.of(
                new Page(ints(0, 0, 0), ints(4, 4, 4), ints(1, 2, 3), false))),
            new Chunk("l.list.element.b", 1, 3, List.of(
                new Page(ints(0, 0, 0), ints(4, 4, 4), ints(1, 2, 3), false),
                new Page(ints(), ints(), ints(), false)))));
    // Records [1, 2], [3], [4] in a, but only [1, 2], [3] in b.
    Path shorter = ParquetTestFiles.write(directory.resolve("shorter.parquet"), listOfStructs(),
        3, List.of(new Chunk("l.list.element.a", 1, 3, List.of(
                new Page(ints(0, 1, 0, 0), ints(4, 4, 4, 4), ints(1, 2, 3, 4), false))),
            new Chunk("l.list.element.b", 1, 3, List.of(
                new Page(ints(0, 1, 0), ints(4, 4, 4), ints(1, 2, 3), false)))));
    assertThat(readFails(shorter).getMessage()).contains("l.list.element.b")
        .contains("ends after 2 records");
    assertThat(read(file, 2)).hasSize(3);
  }

  @Test
  void leavesWithMoreRecordsThanTheRowGroup() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("more.parquet"), listOfInts(), 2,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 0, 0), ints(3, 3, 3), ints(1, 2, 3), false)))));
    assertThat(readFails(file).getMessage()).contains("more records than the row group");
  }

  @Test
  void leavesDisagreeOnListLengths() throws Exception {
    Path file = ParquetTestFiles.write(directory.resolve("lengths.parquet"), listOfStructs(), 1,
        List.of(new Chunk("l.list.element.a", 1, 3, List.of(
                new Page(ints(0, 1), ints(4, 4), ints(1, 2), false))),
            new Chunk("l.list.element.b", 1, 3, List.of(
                new Page(ints(0), ints(4), ints(1), false)))));
    assertThat(readFails(file).getMessage()).contains("disagree");
  }

  @Test
  void cutShortRepetitionLevels() throws Exception {
    // The page states 4 values, but its repetition levels hold one RLE run of 2.
    ByteArrayOutputStream shortRun = new ByteArrayOutputStream();
    ParquetTestEncodings.rleRun(shortRun, 2, 0, 1);
    Path file = ParquetTestFiles.write(directory.resolve("cut.parquet"), listOfInts(), 4,
        List.of(new Chunk("l.list.element", 1, 2, List.of(
            new Page(ints(0, 0, 0, 0), ints(3, 3, 3, 3), ints(1, 2, 3, 4), false,
                shortRun.toByteArray())))));
    assertThat(readFails(file).getMessage()).contains("RLE/bit-packed data ends");
  }

  @Test
  void legacyShapes() throws Exception {
    // A LIST whose repeated field is a primitive: the repeated field is the (required) item.
    Path twoLevel = ParquetTestFiles.write(directory.resolve("two_level.parquet"),
        List.of(ParquetTestFiles.root(1),
            ParquetTestFiles.group("l", OPTIONAL, ConvertedType.LIST, 1),
            ParquetTestFiles.int32("element", REPEATED)), 3,
        List.of(new Chunk("l.element", 1, 2, List.of(
            new Page(ints(0, 1, 0, 0), ints(2, 2, 0, 1), ints(1, 2), false)))));
    assertThat(read(twoLevel, 2)).containsExactly(list(1, 2), null, list());

    // A repeated group named <list>_tuple is the item, even with one field.
    Path tuple = ParquetTestFiles.write(directory.resolve("tuple.parquet"),
        List.of(ParquetTestFiles.root(1),
            ParquetTestFiles.group("l", OPTIONAL, ConvertedType.LIST, 1),
            ParquetTestFiles.group("l_tuple", REPEATED, null, 1),
            ParquetTestFiles.int32("x", OPTIONAL)), 2,
        List.of(new Chunk("l.l_tuple.x", 1, 2, List.of(
            new Page(ints(0, 1, 0), ints(3, 2, 1), ints(1), false)))));
    java.util.Map<String, Object> withNull = new java.util.LinkedHashMap<>();
    withNull.put("x", null);
    assertThat(read(tuple, 5)).containsExactly(
        list(java.util.Map.of("x", BigDecimal.ONE), withNull), list());

    // A repeated key/value group annotated MAP_KEY_VALUE without a MAP group: a non-null map.
    SchemaElement keyValue = ParquetTestFiles.group("kv", REPEATED,
        ConvertedType.MAP_KEY_VALUE, 2);
    Path legacyMap = ParquetTestFiles.write(directory.resolve("kv.parquet"),
        List.of(ParquetTestFiles.root(1), keyValue, ParquetTestFiles.int32("key", REQUIRED),
            ParquetTestFiles.int32("value", OPTIONAL)), 2,
        List.of(new Chunk("kv.key", 1, 1, List.of(
                new Page(ints(0, 1, 0), ints(1, 1, 0), ints(1, 2), false))),
            new Chunk("kv.value", 1, 2, List.of(
                new Page(ints(0, 1, 0), ints(2, 1, 0), ints(10), false)))));
    assertThat(format.schema(legacyMap, null).getFields().get(0).getType())
        .isInstanceOf(org.apache.arrow.vector.types.pojo.ArrowType.Map.class);
    java.util.Map<String, Object> first = new java.util.LinkedHashMap<>();
    first.put("1", BigDecimal.TEN);
    first.put("2", null);
    assertThat(read(legacyMap, 1)).containsExactly(first, java.util.Map.of());
  }

  @Test
  void unsupportedShapesNameTheirPath() throws Exception {
    // A LIST group with two repeated fields is no list shape the spec defines.
    List<SchemaElement> schema = List.of(ParquetTestFiles.root(2),
        ParquetTestFiles.int32("id", REQUIRED),
        ParquetTestFiles.group("odd", OPTIONAL, ConvertedType.LIST, 2),
        ParquetTestFiles.int32("a", REPEATED),
        ParquetTestFiles.int32("b", REPEATED));
    Path file = ParquetTestFiles.write(directory.resolve("odd.parquet"), schema, 1,
        List.of(new Chunk("id", 0, 0, List.of(new Page(ints(0), ints(0), ints(1), false))),
            new Chunk("odd.a", 1, 1, List.of(new Page(ints(0), ints(0), ints(), false))),
            new Chunk("odd.b", 1, 1, List.of(new Page(ints(0), ints(0), ints(), false)))));
    Schema arrow = format.schema(file, null);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> format.scan(file, arrow, ScanRequest.of(new int[] {1}, 10), null, allocator));
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(error.getMessage()).contains("odd").contains("LIST group odd has 2 fields");
    assertThat(read(file, 10)).containsExactly(BigDecimal.ONE);
  }
}
