package io.quiver.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Hand-written Delta logs for the tests: commit files of JSON action lines. */
final class DeltaLogFiles {
  /** A protocol action (reader 1, writer 2). */
  static final String PROTOCOL = "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}";
  /** A one-column table {@code id long}, not partitioned. */
  static final String SCHEMA = "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[{\\\"name\\\":"
      + "\\\"id\\\",\\\"type\\\":\\\"long\\\",\\\"nullable\\\":true,\\\"metadata\\\":{}}]}";

  private DeltaLogFiles() {}

  /** A metaData action of the {@code id long} table with {@code configuration} (JSON object). */
  static String metadata(String configuration) {
    return "{\"metaData\":{\"id\":\"t\",\"format\":{\"provider\":\"parquet\",\"options\":{}},"
        + "\"schemaString\":\"" + SCHEMA + "\",\"partitionColumns\":[],\"configuration\":"
        + configuration + ",\"createdTime\":1}}";
  }

  /** An add action of a file that need not exist. */
  static String add(String path, long size, String stats) {
    return "{\"add\":{\"path\":\"" + path + "\",\"partitionValues\":{},\"size\":" + size
        + ",\"modificationTime\":1000,\"dataChange\":true"
        + (stats == null ? "" : ",\"stats\":\"" + stats.replace("\"", "\\\"") + "\"") + "}}";
  }

  /** Writes commit {@code version} of the table at {@code table} with its modification time. */
  static Path commit(Path table, long version, long modificationTime, String... actions) {
    try {
      Path log = Files.createDirectories(table.resolve("_delta_log"));
      Path file = log.resolve(String.format("%020d.json", version));
      Files.writeString(file, String.join("\n", actions) + "\n", StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, FileTime.fromMillis(modificationTime));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
