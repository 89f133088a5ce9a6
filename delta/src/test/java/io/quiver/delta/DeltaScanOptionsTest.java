package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static io.quiver.delta.StatsTables.quote;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.delta.DeltaScanHarness.Scanned;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ColumnPredicate.Operator;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code delta_scan}'s provider options and scan config through SQL: {@code table_uri},
 * {@code storage_options}, {@code files}, the protocol requirements, {@code file_column_name},
 * {@code schema_ipc}, {@code wrap_partition_values}, {@code schema_force_view_types}. Every test
 * ends with the allocator empty ({@link SessionTestBase}).
 */
class DeltaScanOptionsTest extends StatsTableTestBase {
  private static final String DV_TABLE = "delta-golden/dv-partitioned-with-checkpoint";

  private List<List<Object>> scan(String select, String options) {
    return rows(select.replace("{t}", "delta_scan(" + literal(table) + ", '" + options
        + "')"));
  }

  private long count(Path path, String options) {
    return (Long) rows("SELECT count(*) FROM delta_scan(" + literal(path) + ", '" + options
        + "')").get(0).get(0);
  }

  private QuiverException failure(Path path, String options) {
    return failure("SELECT * FROM delta_scan(" + literal(path) + ", '" + options + "')");
  }

  private static String context(QuiverException error) {
    return String.join(" > ", error.context());
  }

  private static String config(String keys) {
    return "{\"scan_config\": {\"scan_config_version\": 1" + (keys.isEmpty() ? "" : ", " + keys)
        + "}}";
  }

  // table_uri

  @Test
  void tableUriReplacesANullArgument() {
    assertThat(rows("SELECT count(*) FROM delta_scan(CAST(NULL AS VARCHAR), '{\"table_uri\": "
        + quote(table.toString()) + "}')")).containsExactly(List.of(400L));
  }

  @Test
  void tableUriEqualToTheArgument() {
    assertThat(count(table, "{\"table_uri\": " + quote(table.toString()) + "}")).isEqualTo(400);
    assertThat(count(table, "{\"table_uri\": " + quote("file:" + table) + "}")).isEqualTo(400);
  }

  @Test
  void tableUriNamingAnotherTableIsDataError() {
    QuiverException error = failure(table, "{\"table_uri\": \"/elsewhere/t\"}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("/elsewhere/t").contains(table.toString());
    assertThat(context(error)).contains("delta_scan('" + table + "')");
  }

  // storage_options

  @Test
  void emptyStorageOptionsAreAccepted() {
    assertThat(count(table, "{\"storage_options\": {}}")).isEqualTo(400);
  }

  @Test
  void anyStorageOptionIsUnsupported() {
    QuiverException error = failure(table,
        "{\"storage_options\": {\"aws_region\": \"us-east-1\"}}");
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(error.detail()).contains("aws_region").contains("local file system");
    assertThat(context(error)).contains(table.toString()).contains("latest version");
  }

  // files

  @Test
  void filesRestrictTheScan() {
    String absolute = table.resolve("p=b/part-3.parquet").toString();
    assertThat(count(table, "{\"files\": [\"p=a/part-0.parquet\"]}")).isEqualTo(100);
    assertThat(count(table, "{\"files\": [" + quote(absolute) + "]}")).isEqualTo(100);
    assertThat(count(table, "{\"files\": [" + quote("file:" + absolute)
        + ", \"p=a/part-1.parquet\"]}")).isEqualTo(200);
    assertThat(count(table, "{\"files\": []}")).isZero();
    assertThat(scan("SELECT min(id), max(id) FROM {t}",
        "{\"files\": [\"p=b/part-2.parquet\"]}"))
        .containsExactly(List.of(200L, 299L));
  }

  @Test
  void filesAndPredicatesTogether() {
    String options = "{\"files\": [\"p=a/part-0.parquet\", \"p=b/part-3.parquet\"]}";
    assertThat(scan("SELECT count(*) FROM {t} WHERE id >= 50", options))
        .containsExactly(List.of(150L));
    Scanned scanned = harness.scan(table, options, List.of(new ColumnPredicate(0,
        Operator.GREATER_THAN_OR_EQUAL, List.of(300L))), -1);
    assertThat(scanned.filesOpened()).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotActiveIsDataErrorNamingItAndTheVersion() {
    QuiverException error = failure(table, "{\"files\": [\"p=a/part-0.parquet\","
        + " \"p=c/part-9.parquet\"]}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("p=c/part-9.parquet").contains("version 0")
        .doesNotContain("part-0");
    assertThat(context(error)).contains(table.toString()).contains("version 0");
  }

  // protocol requirements

  @Test
  void protocolRequirementsTheTableMeets() {
    assertThat(count(table, "{\"min_reader_version\": 1, \"min_writer_version\": 2,"
        + " \"required_writer_features\": [\"appendOnly\", \"invariants\"]}")).isEqualTo(400);
    Path dv = table(DV_TABLE);
    assertThat(count(dv, "{\"min_reader_version\": 3, \"min_writer_version\": 7,"
        + " \"required_reader_features\": [\"deletionVectors\"],"
        + " \"required_writer_features\": [\"deletionVectors\"]}"))
        .isEqualTo(count(dv, "{}"));
  }

  @Test
  void aLowerReaderVersionIsDataErrorNamingTheProtocol() {
    QuiverException error = failure(table, "{\"min_reader_version\": 2}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("min_reader_version 2")
        .contains("reader version 1, writer version 2");
    assertThat(context(error)).contains(table.toString()).contains("version 0");
  }

  @Test
  void aLowerWriterVersionIsDataError() {
    Path dv = table(DV_TABLE);
    QuiverException error = failure(dv, "{\"version\": 2, \"min_writer_version\": 8}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("min_writer_version 8")
        .contains("reader version 3, writer version 7").contains("deletionVectors");
    assertThat(context(error)).contains(dv.toString()).contains("version 2");
  }

  @Test
  void missingFeaturesAreDataErrorsNamingThem() {
    QuiverException error = failure(table, "{\"required_reader_features\":"
        + " [\"deletionVectors\"], \"required_writer_features\": [\"appendOnly\","
        + " \"rowTracking\"]}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("required_reader_features [deletionVectors]")
        .contains("required_writer_features [rowTracking]");
  }

  // file_column_name

  @Test
  void fileColumnHoldsEachRowsDataFile() {
    String options = config("\"file_column_name\": \"source_file\"");
    List<Object> files = new ArrayList<>();
    for (List<Object> row : scan("SELECT DISTINCT source_file FROM {t} ORDER BY 1", options)) {
      files.add(row.get(0));
    }
    assertThat(files).containsExactlyElementsOf(StatsTables.FILES);
    assertThat(scan("SELECT count(*), min(id) FROM {t}"
        + " WHERE source_file = 'p=b/part-2.parquet'", options))
        .containsExactly(List.of(100L, 200L));
    assertThat(scan("SELECT * FROM {t} WHERE id = 5", options))
        .containsExactly(List.of(5L, "v5", 7.5, "a", "p=a/part-0.parquet"));
  }

  @Test
  void fileColumnValuesAreAcceptedByFiles() {
    for (String file : StatsTables.FILES) {
      assertThat(count(table, "{\"files\": [" + quote(file) + "]}")).as(file).isEqualTo(100);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "ID", "p"})
  void fileColumnNamedLikeATableColumnIsDataError(String name) {
    QuiverException error = failure(table, config("\"file_column_name\": \"" + name + "\""));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("file_column_name '" + name + "'");
    assertThat(context(error)).contains(table.toString()).contains("version 0");
  }

  // schema_ipc

  private static String schemaIpc(Field... fields) {
    return "\"schema_ipc\": \"" + HexFormat.of().formatHex(DeltaScanConfig.ipc(
        new Schema(List.of(fields)))) + "\"";
  }

  private static Field field(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  @Test
  void schemaIpcSelectsAndOrdersColumns() {
    String options = config(schemaIpc(field("v", ArrowType.Utf8.INSTANCE),
        field("ID", new ArrowType.Int(64, true))) + ", \"file_column_name\": \"f\"");
    assertThat(scan("SELECT * FROM {t} WHERE \"ID\" = 301", options))
        .containsExactly(List.of("v301", 301L, "p=b/part-3.parquet"));
    assertThat(scan("SELECT count(*) FROM {t} WHERE \"ID\" >= 350", options))
        .containsExactly(List.of(50L));
    // the predicate's column index is the layout's (ID is column 1): still one file opened
    Scanned scanned = harness.scan(table, options, List.of(new ColumnPredicate(1,
        Operator.GREATER_THAN_OR_EQUAL, List.of(350L))), -1);
    assertThat(scanned.filesOpened()).isEqualTo(1);
    assertThat(scanned.rows()).isEqualTo(100);
  }

  @Test
  void schemaIpcWithAnotherTypeIsDataErrorNamingBothTypes() {
    QuiverException error = failure(table, config(schemaIpc(
        field("id", new ArrowType.Int(32, true)))));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("'id'").contains("Int(32, true)")
        .contains("Int(64, true)");
    assertThat(context(error)).contains(table.toString());
  }

  @Test
  void schemaIpcWithAColumnTheTableLacksIsDataError() {
    QuiverException error = failure(table, config(schemaIpc(
        field("missing", ArrowType.Utf8.INSTANCE))));
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("'missing'").contains("[id, v, d, p]");
  }

  // wrap_partition_values and schema_force_view_types

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void wrapPartitionValuesSharesOneVectorPerFile(boolean wrap) {
    DeltaTableSource source = harness.open(table.toString(), "{\"files\":"
        + " [\"p=a/part-0.parquet\"], \"scan_config\": {\"scan_config_version\": 1,"
        + " \"wrap_partition_values\": " + wrap + ", \"file_column_name\": \"f\"}}");
    try (BufferAllocator allocator = session.allocator().newChildAllocator("wrap", 0,
            Long.MAX_VALUE);
        TableScan scan = source.scan(new ScanRequest(new int[] {3, 4, 0}, List.of(), -1,
            BATCH), allocator)) {
      VectorSchemaRoot first = scan.next();
      VectorSchemaRoot second = scan.next();
      try {
        assertThat(first.getRowCount()).isEqualTo(BATCH);
        assertThat(second.getRowCount()).isEqualTo(BATCH);
        for (VectorSchemaRoot batch : List.of(first, second)) {
          for (int row = 0; row < batch.getRowCount(); row++) {
            assertThat(batch.getVector(0).getObject(row).toString()).isEqualTo("a");
            assertThat(batch.getVector(1).getObject(row).toString())
                .isEqualTo("p=a/part-0.parquet");
          }
        }
        for (int column = 0; column < 2; column++) {
          VarCharVector a = (VarCharVector) first.getVector(column);
          VarCharVector b = (VarCharVector) second.getVector(column);
          assertThat(a.getDataBuffer().memoryAddress() == b.getDataBuffer().memoryAddress())
              .as("column %d shared", column).isEqualTo(wrap);
        }
        // the table column is never shared
        assertThat(first.getVector(2).getDataBuffer().memoryAddress())
            .isNotEqualTo(second.getVector(2).getDataBuffer().memoryAddress());
      } finally {
        first.close();
        second.close();
      }
      long rows = 2L * BATCH;
      for (VectorSchemaRoot batch = scan.next(); batch != null; batch = scan.next()) {
        rows += batch.getRowCount();
        batch.close();
      }
      assertThat(rows).isEqualTo(100);
    }
  }

  @Test
  void wrapPartitionValuesDoesNotChangeResults() {
    String select = "SELECT * FROM {t} ORDER BY id";
    assertThat(scan(select, config("\"wrap_partition_values\": true, \"file_column_name\":"
        + " \"f\""))).hasSize(400).isEqualTo(scan(select, config("\"wrap_partition_values\":"
        + " false, \"file_column_name\": \"f\"")));
  }

  @Test
  void batchesMayOutliveTheirScan() {
    DeltaTableSource source = harness.open(table.toString(), config(""));
    try (BufferAllocator allocator = session.allocator().newChildAllocator("outlive", 0,
        Long.MAX_VALUE)) {
      VectorSchemaRoot kept;
      try (TableScan scan = source.scan(new ScanRequest(new int[] {3}, List.of(), -1, BATCH),
          allocator)) {
        kept = scan.next();
      }
      try (VectorSchemaRoot batch = kept) {
        assertThat(batch.getVector(0).getObject(BATCH - 1).toString()).isEqualTo("a");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void schemaForceViewTypesIsAcceptedAndChangesNothing(boolean force) {
    String options = config("\"schema_force_view_types\": " + force);
    assertThat(DeltaScanOptions.parse(options).scanConfig().toJson())
        .isEqualTo("{\"scan_config_version\":1,\"schema_force_view_types\":" + force + "}");
    DeltaTableSource source = harness.open(table.toString(), options);
    assertThat(source.schema().findField("v").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
    assertThat(scan("SELECT * FROM {t} ORDER BY id", options))
        .isEqualTo(rows("SELECT * FROM delta_scan(" + literal(table) + ") ORDER BY id"));
  }
}
