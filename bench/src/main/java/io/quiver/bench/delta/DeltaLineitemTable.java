package io.quiver.bench.delta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A Delta table over one existing Parquet file (TPC-H {@code lineitem}), for comparing
 * {@code delta_scan} with {@code read_parquet} on the same bytes: the folder holds the file as
 * {@value #DATA_FILE} (a hard link, or a copy where links are not possible) and a hand-written
 * {@code _delta_log/00000000000000000000.json} with {@code commitInfo}, {@code protocol} (1, 2),
 * {@code metaData} (the schema string derived from the file's schema as Quiver reads it, no
 * partitions) and one {@code add} with the file's size and modification time and statistics
 * ({@code numRecords}; {@code minValues}/{@code maxValues} of the number and date columns and
 * {@code nullCount} of every column, computed by DuckDB). Built once: a {@value #MARKER} file
 * names the source (path, size, modification time) and a changed source rebuilds the table.
 */
public final class DeltaLineitemTable {
  /** The data file's name in the table folder. */
  public static final String DATA_FILE = "part-00000-lineitem.snappy.parquet";
  static final String MARKER = "COMPLETE";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaLineitemTable() {}

  /**
   * The Delta table over {@code parquet} in {@code folder}, built unless a complete one of the
   * same source is there.
   */
  public static Path ensure(Path parquet, Path folder) {
    try {
      if (!Files.isRegularFile(parquet)) {
        throw new IllegalStateException(parquet + " is missing: write TPC-H lineitem as Parquet"
            + " first (bench/run tpch --format parquet, or TpchFiles.write)");
      }
      String source = parquet.toAbsolutePath() + " " + Files.size(parquet) + " "
          + Files.getLastModifiedTime(parquet).toMillis() + "\n";
      Path marker = folder.resolve(MARKER);
      if (Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).equals(source)) {
        return folder;
      }
      deleteRecursively(folder);
      Files.createDirectories(folder.resolve("_delta_log"));
      Path data = folder.resolve(DATA_FILE);
      try {
        Files.createLink(data, parquet.toAbsolutePath());
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(parquet, data);
      }
      List<Field> fields = schema(data);
      String log = String.join("\n",
          "{\"commitInfo\":{\"timestamp\":" + System.currentTimeMillis()
              + ",\"operation\":\"WRITE\",\"operationParameters\":{\"mode\":\"ErrorIfExists\"},"
              + "\"isBlindAppend\":true,\"engineInfo\":\"quiver-bench\"}}",
          "{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}",
          JSON.writeValueAsString(JSON.createObjectNode().set("metaData", metaData(fields))),
          JSON.writeValueAsString(JSON.createObjectNode().set("add", add(data, fields))))
          + "\n";
      Files.writeString(folder.resolve("_delta_log/00000000000000000000.json"), log,
          StandardCharsets.UTF_8);
      Files.writeString(marker, source, StandardCharsets.UTF_8);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("building the Delta table in " + folder + " failed", e);
    }
  }

  /** The file's columns as Quiver's {@code read_parquet} types them. */
  private static List<Field> schema(Path file) {
    try (QuiverSession session = QuiverSession.open();
        QueryResult result = session.sql("SELECT * FROM read_parquet('" + sql(file)
            + "') LIMIT 0")) {
      Schema schema = result.schema();
      return schema.getFields();
    }
  }

  private static ObjectNode metaData(List<Field> fields) throws IOException {
    ObjectNode schema = JSON.createObjectNode().put("type", "struct");
    ArrayNode columns = schema.putArray("fields");
    for (Field field : fields) {
      columns.addObject().put("name", field.getName()).put("type", deltaType(field))
          .put("nullable", true).putObject("metadata");
    }
    ObjectNode metaData = JSON.createObjectNode().put("id", "quiver-bench-lineitem");
    metaData.putObject("format").put("provider", "parquet").putObject("options");
    metaData.put("schemaString", JSON.writeValueAsString(schema));
    metaData.putArray("partitionColumns");
    metaData.putObject("configuration");
    metaData.put("createdTime", System.currentTimeMillis());
    return metaData;
  }

  /** The Delta type name of a column. */
  static String deltaType(Field field) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Int integer) {
      switch (integer.getBitWidth()) {
        case 8: return "byte";
        case 16: return "short";
        case 32: return "integer";
        default: return "long";
      }
    }
    if (type instanceof ArrowType.FloatingPoint floating) {
      return floating.getPrecision() == FloatingPointPrecision.SINGLE ? "float" : "double";
    }
    if (type instanceof ArrowType.Decimal decimal) {
      return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
    }
    if (type instanceof ArrowType.Utf8) {
      return "string";
    }
    if (type instanceof ArrowType.Date) {
      return "date";
    }
    if (type instanceof ArrowType.Bool) {
      return "boolean";
    }
    if (type instanceof ArrowType.Timestamp timestamp) {
      return timestamp.getTimezone() == null ? "timestamp_ntz" : "timestamp";
    }
    throw new IllegalStateException("column " + field.getName() + " of type " + type
        + " has no Delta type here");
  }

  /** The add action of the data file, with statistics computed by DuckDB. */
  private static ObjectNode add(Path data, List<Field> fields) throws IOException {
    ObjectNode add = JSON.createObjectNode().put("path", DATA_FILE);
    add.putObject("partitionValues");
    add.put("size", Files.size(data))
        .put("modificationTime", Files.getLastModifiedTime(data).toMillis())
        .put("dataChange", true);
    add.put("stats", JSON.writeValueAsString(stats(data, fields)));
    return add;
  }

  private static ObjectNode stats(Path data, List<Field> fields) {
    List<String> expressions = new ArrayList<>();
    expressions.add("count(*)");
    for (Field field : fields) {
      String column = "\"" + field.getName() + "\"";
      expressions.add("count(*) - count(" + column + ")");
      if (hasMinMax(field)) {
        expressions.add("min(" + column + ")");
        expressions.add("max(" + column + ")");
      }
    }
    String sql = "SELECT " + String.join(", ", expressions) + " FROM read_parquet('"
        + sql(data) + "')";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      ObjectNode stats = JSON.createObjectNode().put("numRecords", result.getLong(1));
      ObjectNode min = stats.putObject("minValues");
      ObjectNode max = stats.putObject("maxValues");
      ObjectNode nulls = stats.putObject("nullCount");
      int index = 2;
      for (Field field : fields) {
        nulls.put(field.getName(), result.getLong(index++));
        if (hasMinMax(field)) {
          put(min, field.getName(), result.getObject(index++));
          put(max, field.getName(), result.getObject(index++));
        }
      }
      return stats;
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed computing statistics: " + sql, e);
    }
  }

  /** Minimum and maximum are kept for numbers and dates (strings would need truncation). */
  private static boolean hasMinMax(Field field) {
    ArrowType type = field.getType();
    return type instanceof ArrowType.Int || type instanceof ArrowType.Decimal
        || type instanceof ArrowType.FloatingPoint || type instanceof ArrowType.Date;
  }

  private static void put(ObjectNode node, String name, Object value) {
    if (value == null) {
      node.putNull(name);
    } else if (value instanceof BigDecimal decimal) {
      node.put(name, decimal);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      node.put(name, ((Number) value).longValue());
    } else if (value instanceof Number number) {
      node.put(name, number.doubleValue());
    } else {
      node.put(name, value.toString());
    }
  }

  static String sql(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
