package io.quiver.engine.source.json;

import static io.quiver.engine.source.text.TextFormatTesting.options;
import static io.quiver.engine.source.text.TextFormatTesting.read;
import static io.quiver.engine.source.text.TextFormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.function.ScanRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quiver's NDJSON reader and DuckDB's read_json agree on generated files. */
class JsonNdjsonDuckDbAgreementTest {
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

  @Test
  void generatedFilesAgree() throws Exception {
    for (int seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        text.append("{\"id\":").append(random.nextInt(1000000) - 500000);
        if (random.nextInt(10) != 0) {
          text.append(",\"v\":").append(random.nextInt(100000) / 100.0);
        }
        text.append(",\"s\":").append(random.nextInt(8) == 0 ? "null"
            : "\"t\\\"" + random.nextInt(50) + "\\u00e9\"");
        text.append(",\"b\":").append(random.nextBoolean());
        text.append(",\"l\":[");
        int count = random.nextInt(4);
        for (int j = 0; j < count; j++) {
          text.append(j == 0 ? "" : ",").append(random.nextInt(10));
        }
        text.append("]}\n");
      }
      Path file = write(directory.resolve("gen" + seed + ".json"), text.toString());
      NdjsonFormat format = new NdjsonFormat();
      Schema schema = format.schema(file, options(format, null));
      List<String> names = schema.getFields().stream().map(Field::getName).toList();
      int[] projection = {names.indexOf("id"), names.indexOf("v"), names.indexOf("s"),
          names.indexOf("b"), names.indexOf("l")};
      List<List<Object>> ours = read(format, file, schema, ScanRequest.of(projection, 1000),
          options(format, null), allocator);
      List<List<Object>> theirs = new ArrayList<>();
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT id, v, s, b, to_json(l)::VARCHAR"
              + " FROM read_json('" + file + "', format = 'newline_delimited')")) {
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= 5; c++) {
            row.add(result.getObject(c));
          }
          theirs.add(row);
        }
      }
      assertThat(ours).hasSameSizeAs(theirs);
      for (int row = 0; row < ours.size(); row++) {
        List<Object> normalised = new ArrayList<>(ours.get(row));
        assertThat(normalised.get(4)).as("seed %d row %d: %s", seed, row, ours.get(row))
            .isNotNull();
        normalised.set(4, normalised.get(4).toString());
        List<Object> expected = new ArrayList<>(theirs.get(row));
        Object id = expected.get(0);
        expected.set(0, id == null ? null : ((Number) id).longValue());
        assertThat(normalised).as("seed %d row %d", seed, row).isEqualTo(expected);
      }
    }
  }
}
