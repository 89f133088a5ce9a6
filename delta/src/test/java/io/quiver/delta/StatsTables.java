package io.quiver.delta;

import io.quiver.engine.source.DuckDbParquet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Delta table written by hand for the scan tests: version 0 of a table partitioned by
 * {@code p} (string) with columns {@code id} (long), {@code v} (string), {@code d} (double),
 * four Parquet data files written by DuckDB ({@code id} 0-99 and 100-199 under {@code p=a},
 * 200-299 and 300-399 under {@code p=b}; {@code v} is {@code 'v' || id}, {@code d} is
 * {@code id * 1.5}) and add actions carrying each file's min/max/null-count statistics.
 */
final class StatsTables {
  /** The data files' paths as the log writes them, in id order. */
  static final List<String> FILES = List.of("p=a/part-0.parquet", "p=a/part-1.parquet",
      "p=b/part-2.parquet", "p=b/part-3.parquet");
  static final int ROWS_PER_FILE = 100;

  private StatsTables() {}

  /** Writes the table into {@code root} (created) and returns it. */
  static Path write(Path root) {
    try {
      Files.createDirectories(root.resolve("_delta_log"));
      List<String> log = new ArrayList<>();
      log.add("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}");
      String schema = "{\"type\":\"struct\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"v\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"d\",\"type\":\"double\",\"nullable\":true,\"metadata\":{}},"
          + "{\"name\":\"p\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}";
      log.add("{\"metaData\":{\"id\":\"stats-table\",\"format\":{\"provider\":\"parquet\","
          + "\"options\":{}},\"schemaString\":" + quote(schema) + ",\"partitionColumns\":"
          + "[\"p\"],\"configuration\":{},\"createdTime\":0}}");
      for (int f = 0; f < FILES.size(); f++) {
        String path = FILES.get(f);
        String partition = path.substring(2, 3);
        long first = (long) f * ROWS_PER_FILE;
        long last = first + ROWS_PER_FILE - 1;
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        DuckDbParquet.write(file, "SELECT range AS id, 'v' || range AS v, range * 1.5 AS d"
            + " FROM range(" + first + ", " + (last + 1) + ")", "");
        List<String> strings = new ArrayList<>();
        for (long id = first; id <= last; id++) {
          strings.add("v" + id);
        }
        strings.sort(null);
        String stats = "{\"numRecords\":" + ROWS_PER_FILE + ",\"minValues\":{\"id\":" + first
            + ",\"v\":\"" + strings.get(0) + "\",\"d\":" + first * 1.5 + "},\"maxValues\":"
            + "{\"id\":" + last + ",\"v\":\"" + strings.get(strings.size() - 1) + "\",\"d\":"
            + last * 1.5 + "},\"nullCount\":{\"id\":0,\"v\":0,\"d\":0}}";
        log.add("{\"add\":{\"path\":\"" + path + "\",\"partitionValues\":{\"p\":\"" + partition
            + "\"},\"size\":" + Files.size(file) + ",\"modificationTime\":0,"
            + "\"dataChange\":true,\"stats\":" + quote(stats) + "}}");
      }
      Files.write(root.resolve("_delta_log/00000000000000000000.json"), log,
          StandardCharsets.UTF_8);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
