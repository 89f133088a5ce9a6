package io.quiver.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.source.csv.CsvFormat;
import io.quiver.engine.source.json.NdjsonFormat;
import io.quiver.engine.source.parquet.ParquetFormat;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row estimates file tables give the planner for join ordering. */
class FileTableRowEstimateTest {
  @TempDir
  Path directory;

  private static long estimate(FileFormat format, String path, String options) {
    TableArguments arguments = new TableArguments() {
      @Override
      public List<Object> values() {
        return List.of(path);
      }

      @Override
      public String options() {
        return options;
      }
    };
    try (TableSource source = new FileTableFunction(format).open(arguments)) {
      return source.estimatedRowCount();
    }
  }

  @Test
  void parquetCountsComeFromTheFooters() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      statement.execute("COPY (SELECT i FROM range(0, 1234) t(i)) TO '"
          + directory.resolve("a.parquet") + "' (FORMAT parquet)");
      statement.execute("COPY (SELECT i FROM range(0, 66) t(i)) TO '"
          + directory.resolve("b.parquet") + "' (FORMAT parquet)");
    }
    ParquetFormat parquet = new ParquetFormat();
    assertThat(estimate(parquet, directory.resolve("a.parquet").toString(), null))
        .isEqualTo(1234);
    assertThat(estimate(parquet, directory + "/*.parquet", null)).isEqualTo(1300);
    assertThat(estimate(parquet, directory + "/*.parquet", "{\"limit\": 100}")).isEqualTo(100);
  }

  @Test
  void textFilesAreSampledAndScaled() throws IOException {
    Path small = Files.writeString(directory.resolve("s.csv"), "a,b\n1,x\n2,y\n3,z");
    assertThat(estimate(new CsvFormat(), small.toString(), null)).isEqualTo(3);
    assertThat(estimate(new CsvFormat(), small.toString(), "{\"has_header\": false}"))
        .isEqualTo(4);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      lines.append("{\"n\": ").append(i % 10).append("}\n"); // 10 bytes per line
    }
    Path big = Files.writeString(directory.resolve("big.json"), lines);
    assertThat(estimate(new NdjsonFormat(), big.toString(), null))
        .isBetween(190_000L, 210_000L);
    Path compressed = Files.write(directory.resolve("c.csv.gz"), gzip("a\n1\n"));
    assertThat(estimate(new CsvFormat(), compressed.toString(), null)).isEqualTo(-1);
  }

  private static byte[] gzip(String text) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
