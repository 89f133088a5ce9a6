package io.quiver.engine.source.parquet;

import static io.quiver.engine.source.parquet.PageIndexTestFiles.allColumns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.source.parquet.PageIndexTestFiles.Scan;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.format.BoundaryOrder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page index that does not fit its file is a DATA error naming the file, the row group and
 * the column, whose message points at {@code parquet_pruning=false} (the pinned behaviour: a
 * bad index is never ignored, since a wrong one would drop rows). The index is read only when
 * predicates are pushed with pruning on, so the same file reads without them. Unknown Thrift
 * fields are skipped. On the hand-built file of {@link PageIndexTestFiles} (columns a, b, c).
 */
class ParquetPageIndexCorruptionTest {
  @TempDir
  Path directory;
  private RootAllocator allocator;
  private Path source;
  private long appendAt;

  @BeforeEach
  void open() throws Exception {
    allocator = new RootAllocator();
    source = PageIndexTestFiles.handBuilt(directory);
    appendAt = PageIndexTestFiles.footerStart(source);
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private Path edited(String name, Consumer<FileMetaData> edit, byte[] appended)
      throws Exception {
    return PageIndexTestFiles.withFooter(source, directory.resolve(name), edit, appended);
  }

  /** A copy whose column {@code column} has {@code index} as its offset index. */
  private Path withOffsetIndex(String name, int column, byte[] index) throws Exception {
    return edited(name, metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(column);
      chunk.setOffset_index_offset(appendAt);
      chunk.setOffset_index_length(index.length);
    }, index);
  }

  /** A copy whose column {@code column} has {@code index} as its column index. */
  private Path withColumnIndex(String name, int column, byte[] index) throws Exception {
    return edited(name, metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(column);
      chunk.setColumn_index_offset(appendAt);
      chunk.setColumn_index_length(index.length);
    }, index);
  }

  private Scan scan(Path file, List<ColumnPredicate> predicates, boolean pruning) {
    return PageIndexTestFiles.scan(allocator, file, allColumns(3), predicates, pruning, 64, -1);
  }

  private QuiverException failure(Path file, ColumnPredicate predicate, String expected,
      String column) {
    List<ColumnPredicate> predicates = List.of(predicate);
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> scan(file, predicates, true));
    assertThat(error).as(file.getFileName().toString()).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains(expected).contains("parquet_pruning=false");
    assertThat(error.context()).containsExactly("file " + file, "row group 0",
        "column " + column);
    // Without pruning, or without predicates, the page index is not read: the file reads.
    assertThat(scan(file, predicates, false).rows()).hasSize(PageIndexTestFiles.HAND_ROWS);
    assertThat(scan(file, List.of(), true).rows()).hasSize(PageIndexTestFiles.HAND_ROWS);
    return error;
  }

  private static ColumnPredicate aEquals(long value) {
    return new ColumnPredicate(0, Operator.EQUAL, List.of(value));
  }

  @Test
  void theHandBuiltFileSkipsPages() {
    Scan scan = scan(source, List.of(aEquals(55)), true);
    assertThat(scan.rows()).hasSize(10);
    assertThat(scan.pagesSkipped()).isPositive();
  }

  @Test
  void anIndexOutsideTheFileIsADataError() throws Exception {
    long end = Files.size(source);
    Path beyond = edited("beyond.parquet", metadata -> metadata.getRow_groups().get(0)
        .getColumns().get(0).setOffset_index_offset(end + 100), new byte[0]);
    failure(beyond, aEquals(55), "the offset index needs bytes", "a");
    Path negative = edited("negative.parquet", metadata -> metadata.getRow_groups().get(0)
        .getColumns().get(0).setOffset_index_length(-5), new byte[0]);
    failure(negative, aEquals(55), "states a length of -5 bytes", "a");
    Path huge = edited("huge.parquet", metadata -> metadata.getRow_groups().get(0)
        .getColumns().get(1).setColumn_index_length(Integer.MAX_VALUE), new byte[0]);
    failure(huge, new ColumnPredicate(1, Operator.GREATER_THAN, List.of(150L)),
        "column index at byte", "b");
  }

  @Test
  void aTruncatedIndexIsADataError() throws Exception {
    Path truncated = edited("truncated.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(1);
      chunk.setColumn_index_length(chunk.getColumn_index_length() / 2);
    }, new byte[0]);
    failure(truncated, new ColumnPredicate(1, Operator.GREATER_THAN, List.of(150L)),
        "corrupt column index", "b");
    byte[] index = PageIndexTestFiles.serialized(PageIndexTestFiles.offsetIndex(source, 2));
    Path cut = withOffsetIndex("cut.parquet", 2, Arrays.copyOf(index, index.length - 3));
    failure(cut, aEquals(55), "corrupt offset index", "c");
  }

  @Test
  void garbageAndTheWrongStructureAreDataErrors() throws Exception {
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xFF);
    failure(withOffsetIndex("garbage.parquet", 0, garbage), aEquals(55),
        "corrupt offset index", "a");
    // A column index where the offset index should be.
    Path wrongType = edited("wrong_type.parquet", metadata -> {
      ColumnChunk chunk = metadata.getRow_groups().get(0).getColumns().get(0);
      chunk.setOffset_index_offset(chunk.getColumn_index_offset());
      chunk.setOffset_index_length(chunk.getColumn_index_length());
    }, new byte[0]);
    failure(wrongType, aEquals(55), "offset index", "a");
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    byte[] known = PageIndexTestFiles.serialized(PageIndexTestFiles.offsetIndex(source, 0));
    assertThat(known[known.length - 1]).isZero(); // the struct's stop byte
    // Field 15 (14 after field 1), type i32 (compact type 5), value 1 (zigzag 2), then stop.
    byte[] extended = Arrays.copyOf(known, known.length + 2);
    extended[known.length - 1] = (byte) 0xE5;
    extended[known.length] = 2;
    extended[known.length + 1] = 0;
    Scan scan = scan(withOffsetIndex("unknown_field.parquet", 0, extended),
        List.of(aEquals(55)), true);
    assertThat(scan.rows()).hasSize(10);
    assertThat(scan.pagesSkipped()).isPositive();
  }

  @Test
  void pagesOutOfOrderOrOutsideTheirChunkAreDataErrors() throws Exception {
    List<PageLocation> real = PageIndexTestFiles.offsetIndex(source, 0).getPage_locations();
    List<PageLocation> backwards = new ArrayList<>(real);
    backwards.set(2, new PageLocation(real.get(2).getOffset(),
        real.get(2).getCompressed_page_size(), 5));
    failure(withOffsetIndex("backwards.parquet", 0, PageIndexTestFiles.serialized(
        new OffsetIndex(backwards))), aEquals(55), "page 2 starts at row 5", "a");
    List<PageLocation> late = new ArrayList<>(real);
    late.set(0, new PageLocation(real.get(0).getOffset(), real.get(0).getCompressed_page_size(),
        1));
    failure(withOffsetIndex("late.parquet", 0, PageIndexTestFiles.serialized(
        new OffsetIndex(late))), aEquals(55), "page 0 starts at row 1", "a");
    // On a projected column that is not filtered on.
    List<PageLocation> outside = new ArrayList<>(
        PageIndexTestFiles.offsetIndex(source, 2).getPage_locations());
    outside.set(1, new PageLocation(appendAt + 10_000, 100, 33));
    failure(withOffsetIndex("outside.parquet", 2, PageIndexTestFiles.serialized(
        new OffsetIndex(outside))), aEquals(55), "outside the column chunk", "c");
    failure(withOffsetIndex("empty.parquet", 0, PageIndexTestFiles.serialized(
        new OffsetIndex(List.of()))), aEquals(55), "lists no page", "a");
  }

  @Test
  void aColumnIndexThatDisagreesWithTheOffsetIndexIsADataError() throws Exception {
    ColumnIndex shortIndex = new ColumnIndex(List.of(false), List.of(ByteBuffer.allocate(4)),
        List.of(ByteBuffer.allocate(4)), BoundaryOrder.UNORDERED);
    byte[] bytes = PageIndexTestFiles.serialized(shortIndex);
    Path counts = withColumnIndex("counts.parquet", 0, bytes);
    failure(counts, aEquals(55), "describes 1 pages", "a");
    ColumnIndex real = PageIndexTestFiles.columnIndex(source, 1);
    List<Long> nulls = new ArrayList<>(real.getNull_counts());
    nulls.set(3, 8L); // page 3 of b holds 7 rows
    real.setNull_counts(nulls);
    byte[] tooMany = PageIndexTestFiles.serialized(real);
    Path nullCounts = withColumnIndex("null_counts.parquet", 1, tooMany);
    failure(nullCounts, new ColumnPredicate(1, Operator.IS_NOT_NULL, List.of()),
        "page 3 holds 8 nulls in 7 rows", "b");
  }

  @Test
  void aPageWhoseValueCountDisagreesWithTheIndexIsADataError() throws Exception {
    // The second page said to start one row later: the first page's header then holds one
    // value less than the index gives it.
    List<PageLocation> shifted = new ArrayList<>();
    for (PageLocation location : PageIndexTestFiles.offsetIndex(source, 0).getPage_locations()) {
      shifted.add(new PageLocation(location.getOffset(), location.getCompressed_page_size(),
          location.getFirst_row_index() + (shifted.size() == 1 ? 1 : 0)));
    }
    Path file = withOffsetIndex("shifted.parquet", 0, PageIndexTestFiles.serialized(
        new OffsetIndex(shifted)));
    failure(file, aEquals(3), "offset index gives it rows 0..11", "a");
  }

  @Test
  void anIntegerBoundOfTheWrongWidthNeverSkips() throws Exception {
    ColumnIndex real = PageIndexTestFiles.columnIndex(source, 0);
    List<ByteBuffer> wide = new ArrayList<>();
    for (int i = 0; i < real.getMin_valuesSize(); i++) {
      wide.add(ByteBuffer.wrap(new byte[8]).order(ByteOrder.LITTLE_ENDIAN));
    }
    real.setMin_values(wide);
    real.setMax_values(wide);
    byte[] bytes = PageIndexTestFiles.serialized(real);
    Path file = withColumnIndex("wide.parquet", 0, bytes);
    Scan scan = scan(file, List.of(aEquals(55)), true);
    assertThat(scan.rows()).hasSize(PageIndexTestFiles.HAND_ROWS);
    assertThat(scan.rowsSkipped()).isZero();
  }
}
