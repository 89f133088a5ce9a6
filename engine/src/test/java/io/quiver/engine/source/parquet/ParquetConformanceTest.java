package io.quiver.engine.source.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every file of Apache parquet-testing either reads and matches DuckDB's read_parquet row by
 * row (floats with a tolerance), or fails with a QuiverException of kind UNSUPPORTED or DATA.
 * Writes the outcome table to {@code docs/parquet-conformance.md} of the engine module.
 */
class ParquetConformanceTest {
  private static final int MAX_ROWS = 200_000;

  static Path dataDirectory() {
    String base = System.getProperty("quiver.conformance.dir", "../shared/conformance");
    return Path.of(base).resolve("parquet-testing").resolve("data");
  }

  @Test
  void everyFileReadsCorrectlyOrFailsClearly() throws Exception {
    Path data = dataDirectory();
    // In CI the corpus is always there: its absence is a failure, not a skip.
    Assertions.assertFalse("true".equals(System.getenv("CI")) && !Files.isDirectory(data),
        "CI=true but the parquet-testing corpus is missing at " + data.toAbsolutePath());
    Assumptions.assumeTrue(Files.isDirectory(data),
        "parquet-testing corpus not found at " + data.toAbsolutePath()
            + " (set -Dquiver.conformance.dir)");
    List<Path> files;
    try (Stream<Path> listing = Files.list(data)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".parquet")
          || p.getFileName().toString().endsWith(".parquet.encrypted")).sorted()
          .collect(Collectors.toList());
    }
    List<String> table = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ParquetFormat format = new ParquetFormat();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = duck.createStatement()) {
        statement.execute("SET threads=1");
        statement.execute("SET TimeZone='UTC'");
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        Outcome outcome;
        try (RootAllocator allocator = new RootAllocator()) {
          outcome = check(format, file, duck, allocator);
          assertThat(allocator.getAllocatedMemory()).as(name).isZero();
        }
        String note = outcome.note.replace(data.toAbsolutePath().normalize().toString(), "data")
            .replace(data.toString(), "data").replace("|", "\\|").replace("\n", " ");
        table.add("| " + name + " | " + outcome.kind + " | " + outcome.rows + " | " + note
            + " |");
        if (outcome.kind.equals("FAIL") || outcome.kind.equals("MISMATCH")) {
          failures.add(name + ": " + outcome.kind + " " + outcome.note);
        }
      }
    }
    writeTable(table, files.size());
    assertThat(failures).isEmpty();
  }

  private record Outcome(String kind, String rows, String note) {}

  private static Outcome check(ParquetFormat format, Path file, Connection duck,
      RootAllocator allocator) {
    List<List<Object>> rows = new ArrayList<>();
    Schema schema;
    try {
      file = file.toAbsolutePath().normalize();
      schema = format.schema(file, null);
      int[] projection = new int[schema.getFields().size()];
      for (int i = 0; i < projection.length; i++) {
        projection[i] = i;
      }
      try (TableScan scan = format.scan(file, schema, ScanRequest.of(projection, 1000), null,
          allocator)) {
        VectorSchemaRoot batch;
        while ((batch = scan.next()) != null) {
          try (VectorSchemaRoot owned = batch) {
            for (int r = 0; r < owned.getRowCount() && rows.size() < MAX_ROWS; r++) {
              List<Object> row = new ArrayList<>();
              for (FieldVector vector : owned.getFieldVectors()) {
                flattenValues(vector, r, row);
              }
              rows.add(row);
            }
          }
        }
      }
    } catch (QuiverException e) {
      String kind = e.kind() == ErrorKind.UNSUPPORTED || e.kind() == ErrorKind.DATA
          ? e.kind().name() : "FAIL";
      return new Outcome(kind, "", shorten(e.getMessage()));
    } catch (RuntimeException | Error e) {
      return new Outcome("FAIL", "", "non-Quiver exception " + e);
    }
    String csvNote = "";
    Path csv = file.resolveSibling(file.getFileName().toString().replace(".parquet",
        "_expect.csv"));
    if (Files.isRegularFile(csv)) {
      String difference = compareWithCsv(csv, rows);
      if (difference != null) {
        return new Outcome("MISMATCH", String.valueOf(rows.size()), difference);
      }
      csvNote = "equal to " + csv.getFileName() + "; ";
    }
    List<List<Object>> expected;
    try {
      expected = duckRows(duck, file, schema);
    } catch (Exception e) {
      return new Outcome(csvNote.isEmpty() ? "READ" : "MATCH", String.valueOf(rows.size()),
          csvNote + "no oracle: DuckDB fails: " + shorten(String.valueOf(e.getMessage())));
    }
    if (expected.size() != rows.size()) {
      return new Outcome("MISMATCH", String.valueOf(rows.size()),
          "DuckDB has " + expected.size() + " rows");
    }
    String overflowNote = "";
    List<Field> leaves = leaves(schema);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < leaves.size(); c++) {
        if (rows.get(r).get(c) instanceof Long micros
            && Math.abs(micros) > Long.MAX_VALUE / 1000) {
          // Beyond the nanosecond range DuckDB's INT96 conversion overflows: no oracle.
          overflowNote = "; row " + r + " column " + leaves.get(c).getName()
              + " (" + micros + " us) is outside DuckDB's nanosecond range, not compared";
          continue;
        }
        if (!same(rows.get(r).get(c), expected.get(r).get(c))) {
          return new Outcome("MISMATCH", String.valueOf(rows.size()), "row " + r + " column "
              + schema.getFields().get(c).getName() + ": Quiver " + rows.get(r).get(c)
              + ", DuckDB " + expected.get(r).get(c));
        }
      }
    }
    return new Outcome("MATCH", String.valueOf(rows.size()),
        csvNote + "equal to DuckDB read_parquet" + overflowNote);
  }

  /** The first difference from a parquet-testing {@code *_expect.csv}, or null. */
  private static String compareWithCsv(Path csv, List<List<Object>> rows) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "cannot read " + csv.getFileName() + ": " + e;
    }
    List<String> records = lines.subList(1, lines.size()).stream()
        .filter(line -> !line.isEmpty()).collect(Collectors.toList());
    if (records.size() != rows.size()) {
      return csv.getFileName() + " has " + records.size() + " rows";
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = splitCsv(records.get(r));
      List<Object> row = rows.get(r);
      if (cells.size() != row.size()) {
        return csv.getFileName() + " row " + r + " has " + cells.size() + " cells";
      }
      for (int c = 0; c < row.size(); c++) {
        Object value = row.get(c);
        String expected = cells.get(c);
        boolean equal;
        if (value == null) {
          equal = expected.isEmpty();
        } else if (value instanceof BigDecimal decimal) {
          equal = !expected.isEmpty() && new BigDecimal(expected).compareTo(decimal) == 0;
        } else if (value instanceof Double number) {
          equal = !expected.isEmpty() && same(number, Double.valueOf(expected));
        } else {
          equal = value.toString().equals(expected);
        }
        if (!equal) {
          return csv.getFileName() + " row " + r + " column " + c + ": Quiver " + value
              + ", expected " + expected;
        }
      }
    }
    return null;
  }

  private static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String shorten(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }

  static boolean same(Object quiver, Object duck) {
    if (quiver == null || duck == null) {
      return quiver == duck;
    }
    if (quiver instanceof List<?> a && duck instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (quiver instanceof java.util.Map<?, ?> a && duck instanceof java.util.Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (Object key : a.keySet()) {
        if (!same(a.get(key), b.get(key))) {
          return false;
        }
      }
      return true;
    }
    if (quiver instanceof Double a && duck instanceof BigDecimal b) {
      return same(a, b.doubleValue());
    }
    if (quiver instanceof Double a && duck instanceof Double b) {
      if (a.isNaN() || b.isNaN()) {
        return a.isNaN() && b.isNaN();
      }
      return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }
    if (quiver instanceof BigDecimal a && duck instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    return quiver.equals(duck);
  }

  /** A Quiver value in the comparison domain. */
  static Object canonical(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    ArrowType type = vector.getField().getType();
    Object value = vector.getObject(row);
    switch (type.getTypeID()) {
      case Int:
        return BigDecimal.valueOf(((Number) value).longValue());
      case Decimal:
        return value;
      case FloatingPoint:
        return ((Number) value).doubleValue();
      case Bool:
        return value;
      case Date:
        return LocalDate.ofEpochDay(((Number) value).longValue());
      case Time:
        return LocalTime.ofNanoOfDay(((Number) value).longValue() * 1000L);
      case Timestamp:
        return ((org.apache.arrow.vector.TimeStampMicroVector) vector).get(row);
      case Utf8:
        return value.toString();
      case Binary:
        return HexFormat.of().withUpperCase().formatHex((byte[]) value);
      default:
        return String.valueOf(value);
    }
  }

  /**
   * A value of a list, map or anything inside one, in the domain of DuckDB's {@code to_json}:
   * lists as Java lists, structs as maps by field name, maps as maps by the key's text,
   * numbers as BigDecimal or Double, dates and times as their ISO text.
   */
  static Object nestedValue(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof org.apache.arrow.vector.complex.MapVector map) {
      org.apache.arrow.vector.complex.StructVector entries =
          (org.apache.arrow.vector.complex.StructVector) map.getDataVector();
      FieldVector key = entries.getChildrenFromFields().get(0);
      FieldVector value = entries.getChildrenFromFields().get(1);
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
        Object keyValue = nestedValue(key, i);
        out.put(keyValue instanceof BigDecimal number ? number.toPlainString()
            : String.valueOf(keyValue), nestedValue(value, i));
      }
      return out;
    }
    if (vector instanceof org.apache.arrow.vector.complex.ListVector list) {
      List<Object> out = new ArrayList<>();
      for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
        out.add(nestedValue(list.getDataVector(), i));
      }
      return out;
    }
    if (vector instanceof org.apache.arrow.vector.complex.StructVector struct) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (FieldVector child : struct.getChildrenFromFields()) {
        out.put(child.getName(), nestedValue(child, row));
      }
      return out;
    }
    Object value = canonical(vector, row);
    return value instanceof LocalDate || value instanceof LocalTime ? value.toString() : value;
  }

  /** A JSON text of DuckDB's {@code to_json} as lists, maps, BigDecimal, String, Boolean. */
  static Object parseJson(String json) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper().enable(
            com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    return numbersAsDecimal(mapper.readValue(json, Object.class));
  }

  private static Object numbersAsDecimal(Object value) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(numbersAsDecimal(item));
      }
      return out;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
        out.put(String.valueOf(entry.getKey()), numbersAsDecimal(entry.getValue()));
      }
      return out;
    }
    if (value instanceof Number number && !(value instanceof BigDecimal)) {
      return new BigDecimal(number.toString());
    }
    return value;
  }

  /** Leaf values of a row, struct fields flattened depth first; lists and maps whole. */
  static void flattenValues(FieldVector vector, int row, List<Object> out) {
    if (vector instanceof org.apache.arrow.vector.complex.StructVector struct) {
      for (FieldVector child : struct.getChildrenFromFields()) {
        if (struct.isNull(row)) {
          int before = out.size();
          flattenValues(child, row, out);
          for (int i = before; i < out.size(); i++) {
            out.set(i, null);
          }
        } else {
          flattenValues(child, row, out);
        }
      }
    } else if (vector instanceof org.apache.arrow.vector.complex.ListVector) {
      out.add(nestedValue(vector, row));
    } else {
      out.add(canonical(vector, row));
    }
  }

  /** The leaf fields of a schema, struct fields flattened depth first, named by their path. */
  static List<Field> leaves(Schema schema) {
    List<Field> leaves = new ArrayList<>();
    for (Field field : schema.getFields()) {
      addLeaves(field, "\"" + field.getName().replace("\"", "\"\"") + "\"", leaves);
    }
    return leaves;
  }

  private static void addLeaves(Field field, String path, List<Field> leaves) {
    if (field.getType() instanceof ArrowType.Struct) {
      for (Field child : field.getChildren()) {
        addLeaves(child, path + ".\"" + child.getName().replace("\"", "\"\"") + "\"", leaves);
      }
    } else {
      leaves.add(new Field(path, field.getFieldType(), field.getChildren()));
    }
  }

  static List<List<Object>> duckRows(Connection duck, Path file, Schema schema)
      throws Exception {
    StringBuilder select = new StringBuilder("SELECT ");
    List<Field> fields = leaves(schema);
    for (int c = 0; c < fields.size(); c++) {
      String column = fields.get(c).getName();
      select.append(c == 0 ? "" : ", ").append(switch (fields.get(c).getType().getTypeID()) {
        case FloatingPoint -> "CAST(" + column + " AS DOUBLE)";
        case Timestamp -> "epoch_us(CAST(" + column + " AS TIMESTAMP))";
        case Binary -> "hex(" + column + ")";
        case List, Map -> "to_json(" + column + ")";
        default -> "CAST(" + column + " AS VARCHAR)";
      });
    }
    select.append(" FROM read_parquet('").append(file.toAbsolutePath().toString()
        .replace("'", "''")).append("')");
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery(select.toString())) {
      while (result.next() && rows.size() < MAX_ROWS) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < fields.size(); c++) {
          Object value = result.getObject(c + 1);
          if (value == null) {
            row.add(null);
            continue;
          }
          row.add(switch (fields.get(c).getType().getTypeID()) {
            case Int, Decimal -> new BigDecimal(value.toString());
            case FloatingPoint -> ((Number) value).doubleValue();
            case Bool -> Boolean.valueOf(value.toString());
            case Date -> LocalDate.parse(value.toString());
            case Time -> LocalTime.parse(value.toString());
            case Timestamp -> ((Number) value).longValue();
            case List, Map -> parseJson(value.toString());
            default -> value.toString();
          });
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void writeTable(List<String> table, int files) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("# Parquet conformance (generated by ParquetConformanceTest)\n\n")
        .append("Every file of Apache parquet-testing `data/` read with `ParquetFormat`, all")
        .append(" columns. MATCH: equal to DuckDB `read_parquet` row by row (floats within")
        .append(" 1e-6 relative); READ: read fully, DuckDB cannot read it; UNSUPPORTED / DATA:")
        .append(" the QuiverException kind and message.\n\n");
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    for (String line : table) {
      counts.merge(line.split(" \\| ")[1], 1L, Long::sum);
    }
    text.append("Files: ").append(files).append(". Outcomes: ").append(counts).append("\n\n");
    text.append("| file | outcome | rows | note |\n|---|---|---|---|\n");
    for (String line : table) {
      text.append(line).append('\n');
    }
    Path out = Path.of("docs", "parquet-conformance.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
  }
}
