package io.quiver.delta.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.FileReadRequest;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.quiver.engine.source.parquet.ParquetFileReader;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of Quiver's Kernel engine on their own: the java.nio file-system client as Kernel
 * 4.2 defines it, Kernel path strings, and the Parquet handler's column matching by field id,
 * missing columns as nulls and the row-index column.
 */
class DeltaKernelEngineTest {
  @TempDir
  Path temp;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
    allocator.close();
  }

  @Test
  void listFromReturnsFilesAtOrAfterTheNameSorted() throws IOException {
    for (String name : List.of("00000000000000000002.json", "00000000000000000000.json",
        "00000000000000000001.json", "_last_checkpoint")) {
      Files.writeString(temp.resolve(name), "x");
    }
    Files.createDirectory(temp.resolve("00000000000000000003.json.folder"));
    NioFileSystemClient client = new NioFileSystemClient();
    List<String> names = new ArrayList<>();
    try (CloseableIterator<FileStatus> files = client.listFrom(
        LocalPaths.toKernelPath(temp.resolve("00000000000000000001.json")))) {
      while (files.hasNext()) {
        FileStatus status = files.next();
        assertThat(status.getPath()).startsWith("file:/");
        assertThat(status.getSize()).isEqualTo(1);
        names.add(Path.of(status.getPath().substring(5)).getFileName().toString());
      }
    }
    assertThat(names).containsExactly("00000000000000000001.json", "00000000000000000002.json",
        "_last_checkpoint");
  }

  @Test
  void listFromAMissingFolderIsFileNotFound() {
    NioFileSystemClient client = new NioFileSystemClient();
    assertThatThrownBy(() -> client.listFrom("file:" + temp.resolve("none/_delta_log/0")))
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void readFilesReadsRanges() throws IOException {
    Path file = temp.resolve("a b.bin");
    Files.writeString(file, "0123456789");
    NioFileSystemClient client = new NioFileSystemClient();
    FileReadRequest request = new FileReadRequest() {
      @Override
      public String getPath() {
        return "file:" + file;
      }

      @Override
      public int getStartOffset() {
        return 3;
      }

      @Override
      public int getReadLength() {
        return 4;
      }
    };
    try (CloseableIterator<ByteArrayInputStream> read = client.readFiles(
        NioFileSystemClient.iterator(List.of(request)))) {
      assertThat(new String(read.next().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("3456");
    }
    assertThat(client.resolvePath(file.toString())).isEqualTo("file:" + file);
    assertThat(client.mkdirs("file:" + temp.resolve("x/y"))).isTrue();
  }

  @Test
  void kernelPathStrings() {
    assertThat(LocalPaths.toPath("file:///tmp/a")).isEqualTo(Path.of("/tmp/a"));
    assertThat(LocalPaths.toPath("file:/tmp/a b/c%20d")).isEqualTo(Path.of("/tmp/a b/c%20d"));
    assertThat(LocalPaths.toPath("file://localhost/tmp")).isEqualTo(Path.of("/tmp"));
    assertThat(LocalPaths.toPath("/tmp/x")).isEqualTo(Path.of("/tmp/x"));
    assertThatThrownBy(() -> LocalPaths.toPath("s3://bucket/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parquetColumnsByFieldIdMissingAsNullsAndRowIndex() throws IOException {
    Path table = io.quiver.delta.DeltaTestTables.table("delta-kernel-tables/column-mapping-id");
    Path data;
    try (Stream<Path> files = Files.list(table)) {
      data = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst()
          .orElseThrow();
    }
    ParquetFileReader reader = ParquetFileReader.open(data);
    ParquetFileReader.Column column = reader.columns().get(0);
    assertThat(column.fieldId()).as("column mapping id mode writes field ids").isNotNull();
    assertThat(column.field().getType()).isEqualTo(new ArrowType.Int(32, true));
    StructType schema = new StructType()
        .add(new StructField("renamed", IntegerType.INTEGER, true, FieldMetadata.builder()
            .putLong(QuiverParquetHandler.FIELD_ID_KEY, column.fieldId()).build()))
        .add("not_in_file", StringType.STRING)
        .add(StructField.DEFAULT_ROW_INDEX_COLUMN);
    try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, 2)) {
      FileStatus status = FileStatus.of(LocalPaths.toKernelPath(data), Files.size(data), 0);
      for (boolean arrow : new boolean[] {true, false}) {
        long rows = 0;
        try (CloseableIterator<FileReadResult> results = arrow
            ? engine.parquetHandler().readArrowBatches(
                NioFileSystemClient.iterator(List.of(status)), schema)
            : engine.getParquetHandler().readParquetFiles(
                NioFileSystemClient.iterator(List.of(status)), schema, Optional.empty())) {
          while (results.hasNext()) {
            ColumnarBatch batch = results.next().getData();
            ColumnVector values = batch.getColumnVector(0);
            ColumnVector missing = batch.getColumnVector(1);
            ColumnVector index = batch.getColumnVector(2);
            for (int i = 0; i < batch.getSize(); i++) {
              if (!values.isNullAt(i)) {
                values.getInt(i);
              }
              assertThat(missing.isNullAt(i)).isTrue();
              assertThat(index.getLong(i)).isEqualTo(rows + i);
            }
            rows += batch.getSize();
          }
        }
        assertThat(rows).isEqualTo(reader.rowCount()).isPositive();
      }
    }
  }
}
