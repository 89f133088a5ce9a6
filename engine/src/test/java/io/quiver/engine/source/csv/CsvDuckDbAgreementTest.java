package io.quiver.engine.source.csv;

import static io.quiver.engine.source.text.TextFormatTesting.options;
import static io.quiver.engine.source.text.TextFormatTesting.readAll;
import static io.quiver.engine.source.text.TextFormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

/** Quiver's CSV reader and DuckDB's read_csv agree on generated files (types and values). */
class CsvDuckDbAgreementTest {
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
      StringBuilder text = new StringBuilder("id,amount,name,day,at,flag,maybe\n");
      for (int i = 0; i < 3000; i++) {
        text.append(random.nextLong() / (1L << random.nextInt(60))).append(',')
            .append(random.nextInt(2000000) / Math.pow(10, random.nextInt(4))).append(',')
            .append(name(random)).append(',')
            .append(LocalDate.ofEpochDay(random.nextInt(40000) - 10000)).append(',')
            .append(LocalDateTime.of(2000 + random.nextInt(30), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                random.nextInt(60), random.nextInt(1000000) * 1000).toString().replace('T', ' '))
            .append(',').append(random.nextBoolean()).append(',')
            .append(random.nextInt(5) == 0 ? "" : String.valueOf(random.nextInt(100)))
            .append('\n');
      }
      Path file = write(directory.resolve("gen" + seed + ".csv"), text.toString());
      CsvFormat format = new CsvFormat();
      Schema schema = format.schema(file, options(format, null));
      List<List<Object>> ours = readAll(format, file, options(format, null), allocator);
      List<String> types = new ArrayList<>();
      List<List<Object>> theirs = new ArrayList<>();
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT * FROM read_csv('" + file
              + "', delim = ',', quote = '\"', escape = '\"', header = true)")) {
        int columns = result.getMetaData().getColumnCount();
        for (int c = 1; c <= columns; c++) {
          types.add(result.getMetaData().getColumnTypeName(c));
        }
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            Object value = result.getObject(c);
            if (types.get(c - 1).equals("DATE") && value != null) {
              value = result.getObject(c, LocalDate.class);
            } else if (types.get(c - 1).equals("TIMESTAMP") && value != null) {
              value = result.getObject(c, LocalDateTime.class);
            }
            row.add(value);
          }
          theirs.add(row);
        }
      }
      assertThat(types).containsExactly("BIGINT", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP",
          "BOOLEAN", "BIGINT");
      assertThat(schema.getFields()).extracting(Field::getName)
          .containsExactly("id", "amount", "name", "day", "at", "flag", "maybe");
      assertThat(ours).hasSameSizeAs(theirs);
      for (int row = 0; row < ours.size(); row++) {
        List<Object> normalised = new ArrayList<>(ours.get(row));
        Object day = normalised.get(3);
        normalised.set(3, day == null ? null : LocalDate.ofEpochDay((Integer) day));
        assertThat(normalised).as("seed %d row %d", seed, row).isEqualTo(theirs.get(row));
      }
    }
  }

  private static String name(Random random) {
    String[] parts = {"plain", "with, comma", "say \"hi\"", "ünïcödé", "line\nbreak", "x"};
    String value = parts[random.nextInt(parts.length)] + random.nextInt(100);
    boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n");
    return needsQuotes || random.nextInt(4) == 0
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
