package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.copy;
import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad tables and bad options for {@code delta_scan}: each is a QuiverException of the right kind
 * whose context names the call (with the table URI) and the version; no Arrow memory is left
 * behind ({@link SessionTestBase}).
 */
class DeltaBadInputTest extends SessionTestBase {
  private static final String TABLE = "delta-golden/basic-with-inserts-merge";

  @TempDir
  Path temp;

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(100).build();
    DeltaFunctions.register(session);
    return session;
  }

  private QuiverException failure(Path table, String options) {
    String call = "SELECT * FROM delta_scan(" + literal(table)
        + (options == null ? "" : ", '" + options + "'") + ")";
    return super.failure(call);
  }

  private static void assertContext(QuiverException error, Path table, String version) {
    assertThat(String.join(" > ", error.context())).contains(table.toString())
        .contains(version);
  }

  @Test
  void folderWithoutDeltaLog() throws IOException {
    Files.writeString(temp.resolve("x.parquet"), "not really");
    QuiverException error = failure(temp, null);
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("_delta_log");
    assertContext(error, temp, "latest version");
  }

  @Test
  void missingFolder() {
    Path missing = temp.resolve("nope");
    QuiverException error = failure(missing, null);
    assertThat(error.kind()).isEqualTo(ErrorKind.IO);
    assertContext(error, missing, "latest version");
  }

  @Test
  void otherSchemesAreUnsupported() {
    QuiverException error = failure("SELECT * FROM delta_scan('s3://bucket/table')");
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertThat(String.join(" > ", error.context())).contains("s3://bucket/table");
  }

  @Test
  void corruptJsonCommit() throws IOException {
    Path table = copy(TABLE, temp.resolve("t"));
    Files.writeString(table.resolve("_delta_log/00000000000000000001.json"),
        "{\"add\": {\"path\": \"x\", truncated", StandardCharsets.UTF_8);
    QuiverException error = failure(table, null);
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertContext(error, table, "latest version");
  }

  @Test
  void missingDataFile() throws IOException {
    Path table = copy(TABLE, temp.resolve("t"));
    try (Stream<Path> files = Files.list(table)) {
      Path data = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.delete(data);
    }
    QuiverException error = failure(table, "{\"version\": 1}");
    assertThat(error.kind()).isEqualTo(ErrorKind.IO);
    assertContext(error, table, "version 1");
    assertThat(String.join(" > ", error.context())).contains(".parquet");
  }

  @Test
  void versionOutsideTheHistoryNamesTheRange() {
    Path table = table(TABLE);
    QuiverException error = failure(table, "{\"version\": 7}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("available versions are 0 to 1");
    assertContext(error, table, "version 7");
  }

  @Test
  void timestampOutsideTheHistoryNamesTheRange() {
    Path table = table(TABLE);
    QuiverException error = failure(table, "{\"timestamp\": \"1990-01-01T00:00:00Z\"}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("available range").contains("version 0")
        .contains("version 1");
    assertContext(error, table, "timestamp 1990-01-01T00:00:00Z");
  }

  @Test
  void timestampResolvesToTheLatestCommitAtOrBeforeIt() {
    Path table = table(TABLE);
    // far after every commit is outside the history too (Kernel does not return the last one)
    QuiverException error = failure(table, "{\"timestamp\": \"2999-01-01\"}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"version\": 1, \"timestamp\": \"2024-01-01T00:00:00Z\"}",
    "{\"version\": -1}",
    "{\"version\": \"1\"}",
    "{\"version\": 1.5}",
    "{\"timestamp\": 5}",
    "{\"timestamp\": \"yesterday\"}",
    "{\"verison\": 1}",
    "[1]",
    "{\"version\": 1"})
  void malformedOptionsAreDataErrors(String options) {
    Path table = table(TABLE);
    QuiverException error = failure(table, options);
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(String.join(" > ", error.context())).contains(table.toString());
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    QuiverException error = failure(table(TABLE), "{\"verison\": 1}");
    assertThat(error.detail()).contains("verison").contains("[table_uri, version, timestamp,"
        + " storage_options, files, min_reader_version, min_writer_version,"
        + " required_reader_features, required_writer_features, scan_config]");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"table_uri\": 5}",
    "{\"storage_options\": []}",
    "{\"storage_options\": {\"region\": 1}}",
    "{\"files\": \"part-0.parquet\"}",
    "{\"files\": [1]}",
    "{\"files\": [\"\"]}",
    "{\"min_reader_version\": -1}",
    "{\"min_reader_version\": \"3\"}",
    "{\"min_writer_version\": 2.5}",
    "{\"required_reader_features\": \"deletionVectors\"}",
    "{\"required_writer_features\": [true]}",
    "{\"scan_config\": 1}",
    "{\"scan_config\": [1]}",
    "{\"scan_config\": \"not json\"}",
    "{\"scan_config\": \"{\\\"scan_config_version\\\": 1\"}",
    "{\"scan_config\": {}}",
    "{\"scan_config\": {\"scan_config_version\": 2}}",
    "{\"scan_config\": {\"scan_config_version\": 1, \"extra\": 1}}",
    "{\"scan_config\": {\"scan_config_version\": 1, \"enable_parquet_pushdown\": \"no\"}}",
    "{\"scan_config\": {\"scan_config_version\": 1, \"file_column_name\": []}}",
    "{\"scan_config\": {\"scan_config_version\": 1, \"schema_ipc\": \"zz\"}}",
    "{\"version\": 1, \"timestamp\": \"2024-01-01\","
        + " \"scan_config\": {\"scan_config_version\": 1}}",
    "{\"version\": 1, \"version\": 0}",
    "{\"files\": [\"part-0.parquet\"]"})
  void malformedProviderOptionsAreDataErrors(String options) {
    Path table = table(TABLE);
    QuiverException error = failure(table, options);
    assertThat(error.kind()).as(options).isEqualTo(ErrorKind.DATA);
    assertContext(error, table, "latest version");
  }

  @Test
  void scanConfigVersionErrorsNameTheSupportedVersions() {
    Path table = table(TABLE);
    assertThat(failure(table, "{\"scan_config\": {\"file_column_name\": \"f\"}}").detail())
        .contains("scan_config_version is required; supported: [1]");
    assertThat(failure(table, "{\"scan_config\": {\"scan_config_version\": 7}}").detail())
        .contains("unsupported scan_config_version 7; supported: [1]");
    assertThat(failure(table, "{\"scan_config\": {\"scan_config_version\": 1, \"x\": 1}}")
        .detail()).contains("unknown scan_config key 'x'").contains("scan_config_version")
        .contains("schema_ipc");
  }

  @Test
  void storageOptionsOfAnotherStoreAreUnsupported() {
    Path table = table(TABLE);
    QuiverException error = failure(table,
        "{\"version\": 0, \"storage_options\": {\"AWS_ENDPOINT_URL\": \"http://x\"}}");
    assertThat(error.kind()).isEqualTo(ErrorKind.UNSUPPORTED);
    assertContext(error, table, "version 0");
  }

  @Test
  void unknownFileNamesTheFileAndTheVersion() {
    Path table = table(TABLE);
    QuiverException error = failure(table, "{\"version\": 0, \"files\": [\"nope.parquet\"]}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("nope.parquet").contains("version 0");
    assertContext(error, table, "version 0");
  }

  @Test
  void unmetProtocolRequirementsNameTheProtocolAndVersion() {
    Path table = table(TABLE);
    QuiverException error = failure(table, "{\"version\": 1, \"min_reader_version\": 3,"
        + " \"required_writer_features\": [\"columnMapping\"]}");
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains("min_reader_version 3").contains("columnMapping")
        .contains("reader version 1");
    assertContext(error, table, "version 1");
    QuiverException latest = failure(table, "{\"min_writer_version\": 7}");
    assertContext(latest, table, "version 1");
  }

  @Test
  void versionAndTimestampTogether() {
    QuiverException error = failure(table(TABLE),
        "{\"version\": 1, \"timestamp\": \"2024-01-01T00:00:00Z\"}");
    assertThat(error.detail()).contains("together");
  }
}
