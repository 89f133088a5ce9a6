package io.quiver.bench.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A generated Delta log of many small commits, for snapshot loading: commit 0 holds
 * {@code protocol} (1, 2), {@code metaData} (one column {@code id long}) and one {@code add};
 * every later commit one {@code commitInfo} and one {@code add} of a file of its own
 * ({@code part-NNNNN.parquet}, which is never written: loading a snapshot and listing its files
 * do not open data files). Optionally a classic single-file Parquet checkpoint at one version
 * (written by DuckDB with the column layout of Spark's checkpoints: {@code txn}, {@code add},
 * {@code remove}, {@code metaData}, {@code protocol}) and {@code _last_checkpoint} naming it.
 * Commit files get modification times one second apart.
 */
public final class DeltaCommitLog {
  private static final long START = 1_700_000_000_000L;
  private static final String SCHEMA = "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\","
      + "\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}";

  private DeltaCommitLog() {}

  /**
   * Writes {@code commits} commits (versions 0 to commits - 1) into {@code table}'s
   * {@code _delta_log}, and a checkpoint at {@code checkpointVersion} when it is not negative.
   */
  public static void write(Path table, int commits, long checkpointVersion) {
    if (commits < 1 || checkpointVersion >= commits) {
      throw new IllegalArgumentException("need at least one commit and a checkpoint version"
          + " below the number of commits, got " + commits + " and " + checkpointVersion);
    }
    Path log = table.resolve("_delta_log");
    try {
      Files.createDirectories(log);
      for (int version = 0; version < commits; version++) {
        StringBuilder text = new StringBuilder();
        text.append("{\"commitInfo\":{\"timestamp\":").append(START + version * 1000L)
            .append(",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"Append\"},"
                + "\"isBlindAppend\":true}}\n");
        if (version == 0) {
          text.append("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n");
          text.append("{\"metaData\":{\"id\":\"quiver-bench-log\",\"format\":{\"provider\":"
              + "\"parquet\",\"options\":{}},\"schemaString\":")
              .append(quote(SCHEMA)).append(",\"partitionColumns\":[],\"configuration\":{},"
                  + "\"createdTime\":").append(START).append("}}\n");
        }
        text.append("{\"add\":{\"path\":\"").append(file(version))
            .append("\",\"partitionValues\":{},\"size\":").append(size(version))
            .append(",\"modificationTime\":").append(START + version * 1000L)
            .append(",\"dataChange\":true,\"stats\":").append(quote(stats()))
            .append("}}\n");
        Path commit = log.resolve(String.format("%020d.json", version));
        Files.writeString(commit, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(commit, FileTime.fromMillis(START + version * 1000L));
      }
      if (checkpointVersion >= 0) {
        writeCheckpoint(log, checkpointVersion);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the Delta log in " + log + " failed", e);
    }
  }

  /** The data file of a version's add action. */
  static String file(long version) {
    return String.format("part-%05d.parquet", version);
  }

  /** The size the add action of a version gives its file. */
  static long size(long version) {
    return 1000 + version;
  }

  private static String stats() {
    return "{\"numRecords\":10,\"minValues\":{\"id\":0},\"maxValues\":{\"id\":9},"
        + "\"nullCount\":{\"id\":0}}";
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The checkpoint at {@code version}: protocol, metadata and the adds of versions 0 to it. */
  private static void writeCheckpoint(Path log, long version) throws IOException {
    Path file = log.resolve(String.format("%020d.checkpoint.parquet", version));
    String path = file.toAbsolutePath().toString().replace("'", "''");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE checkpoint ("
          + "txn STRUCT(appId VARCHAR, \"version\" BIGINT, lastUpdated BIGINT),"
          + " \"add\" STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT,"
          + " modificationTime BIGINT, dataChange BOOLEAN, tags MAP(VARCHAR, VARCHAR),"
          + " stats VARCHAR),"
          + " remove STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN,"
          + " extendedFileMetadata BOOLEAN, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT,"
          + " tags MAP(VARCHAR, VARCHAR)),"
          + " metaData STRUCT(id VARCHAR, \"name\" VARCHAR, description VARCHAR,"
          + " format STRUCT(provider VARCHAR, \"options\" MAP(VARCHAR, VARCHAR)),"
          + " schemaString VARCHAR, partitionColumns VARCHAR[],"
          + " \"configuration\" MAP(VARCHAR, VARCHAR), createdTime BIGINT),"
          + " protocol STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER))");
      statement.execute("INSERT INTO checkpoint (protocol) VALUES"
          + " ({'minReaderVersion': 1, 'minWriterVersion': 2})");
      statement.execute("INSERT INTO checkpoint (metaData) VALUES ({'id': 'quiver-bench-log',"
          + " 'name': NULL, 'description': NULL, 'format': {'provider': 'parquet',"
          + " 'options': MAP {}}, 'schemaString': '" + SCHEMA.replace("'", "''") + "',"
          + " 'partitionColumns': []::VARCHAR[], 'configuration': MAP {}, 'createdTime': "
          + START + "})");
      statement.execute("INSERT INTO checkpoint (\"add\") SELECT {'path': printf("
          + "'part-%05d.parquet', i), 'partitionValues': MAP {}, 'size': 1000 + i,"
          + " 'modificationTime': " + START + " + i * 1000, 'dataChange': false,"
          + " 'tags': NULL, 'stats': '" + stats() + "'} FROM range(0, " + (version + 1)
          + ") t(i)");
      statement.execute("COPY checkpoint TO '" + path + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IllegalStateException("writing the checkpoint " + file + " with DuckDB failed",
          e);
    }
    Files.writeString(log.resolve("_last_checkpoint"), "{\"version\":" + version + ",\"size\":"
        + (version + 3) + "}", StandardCharsets.UTF_8);
  }
}
