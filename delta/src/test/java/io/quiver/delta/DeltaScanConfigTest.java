package io.quiver.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.TextNode;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code scan_config} payload on its own: parse, defaults, the round trip
 * parse -> toJson -> parse, the canonical text, and every bad payload as a DATA error.
 */
class DeltaScanConfigTest {
  static final Schema SCHEMA = new Schema(List.of(
      new Field("v", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
      new Field("d", FieldType.nullable(new ArrowType.FloatingPoint(
          FloatingPointPrecision.DOUBLE)), null)));
  static final String BASE64 = Base64.getEncoder().encodeToString(DeltaScanConfig.ipc(SCHEMA));

  @Test
  void onlyTheVersionTakesEveryDefault() {
    DeltaScanConfig config = DeltaScanConfigParser.parse("{\"scan_config_version\": 1}");
    assertThat(config).isEqualTo(DeltaScanConfig.DEFAULT);
    assertThat(config.enableParquetPushdown()).isTrue();
    assertThat(config.wrapPartitionValues()).isTrue();
    assertThat(config.schemaForceViewTypes()).isFalse();
    assertThat(config.fileColumnName()).isNull();
    assertThat(config.schemaIpc()).isNull();
    assertThat(config.toJson()).isEqualTo("{\"scan_config_version\":1}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"scan_config_version\":1}",
    "{\"scan_config_version\":1,\"file_column_name\":\"source file\"}",
    "{\"scan_config_version\":1,\"enable_parquet_pushdown\":false}",
    "{\"scan_config_version\":1,\"enable_parquet_pushdown\":true,\"wrap_partition_values\":false}",
    "{\"scan_config_version\":1,\"schema_force_view_types\":true}",
    "{\"scan_config_version\":1,\"file_column_name\":\"f\",\"enable_parquet_pushdown\":false,"
        + "\"wrap_partition_values\":true,\"schema_force_view_types\":false,\"schema_ipc\":"
        + "\"base64:SCHEMA\"}"})
  void canonicalTextRoundTrips(String canonical) {
    String text = canonical.replace("SCHEMA", BASE64);
    DeltaScanConfig parsed = DeltaScanConfigParser.parse(text);
    assertThat(parsed.toJson()).isEqualTo(text);
    assertThat(DeltaScanConfigParser.parse(parsed.toJson())).isEqualTo(parsed);
  }

  @Test
  void otherSpellingsSerialiseToTheCanonicalText() {
    String hex = HexFormat.of().formatHex(DeltaScanConfig.ipc(SCHEMA));
    DeltaScanConfig parsed = DeltaScanConfigParser.parse("{ \"schema_ipc\": \"" + hex + "\","
        + " \"wrap_partition_values\": false, \"file_column_name\": null,"
        + " \"scan_config_version\": 1 }");
    assertThat(parsed.schemaIpc()).isEqualTo(SCHEMA);
    assertThat(parsed.fileColumnName()).isNull();
    assertThat(parsed.toJson()).isEqualTo("{\"scan_config_version\":1,"
        + "\"wrap_partition_values\":false,\"schema_ipc\":\"base64:" + BASE64 + "\"}");
    assertThat(DeltaScanConfigParser.parse(parsed.toJson())).isEqualTo(parsed);
  }

  @Test
  void aStringHoldingTheObjectIsTheSameConfig() {
    String object = "{\"scan_config_version\": 1, \"file_column_name\": \"f\"}";
    assertThat(DeltaScanConfigParser.parse(new TextNode(object)))
        .isEqualTo(DeltaScanConfigParser.parse(object));
    assertThat(DeltaScanOptions.parse("{\"scan_config\": " + StatsTables.quote(object) + "}")
        .scanConfig()).isEqualTo(DeltaScanOptions.parse("{\"scan_config\": " + object + "}")
        .scanConfig());
  }

  @Test
  void schemaIpcAsAByteArray() {
    StringBuilder array = new StringBuilder("[");
    for (byte b : DeltaScanConfig.ipc(SCHEMA)) {
      array.append(array.length() > 1 ? "," : "").append(b);
    }
    DeltaScanConfig parsed = DeltaScanConfigParser.parse("{\"scan_config_version\": 1,"
        + " \"schema_ipc\": " + array + "]}");
    assertThat(parsed.schemaIpc()).isEqualTo(SCHEMA);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{} | scan_config_version is required; supported: [1]",
    "{\"scan_config_version\": null} | scan_config_version is required; supported: [1]",
    "{\"file_column_name\": \"f\"} | scan_config_version is required; supported: [1]",
    "{\"scan_config_version\": 2} | unsupported scan_config_version 2; supported: [1]",
    "{\"scan_config_version\": 0} | unsupported scan_config_version 0; supported: [1]",
    "{\"scan_config_version\": \"1\"} | unsupported scan_config_version \"1\"; supported: [1]",
    "{\"scan_config_version\": 1.0} | unsupported scan_config_version 1.0; supported: [1]",
    "{\"scan_config_version\": 1, \"pushdown\": true} | unknown scan_config key 'pushdown';"
        + " known keys: [scan_config_version, file_column_name, enable_parquet_pushdown,"
        + " wrap_partition_values, schema_force_view_types, schema_ipc]",
    "{\"scan_config_version\": 1, \"file_column_name\": 3} | scan_config key file_column_name"
        + " must be a string, got number 3",
    "{\"scan_config_version\": 1, \"file_column_name\": \" \"} | file_column_name must name a"
        + " column",
    "{\"scan_config_version\": 1, \"enable_parquet_pushdown\": \"no\"} | scan_config key"
        + " enable_parquet_pushdown must be true or false, got string \"no\"",
    "{\"scan_config_version\": 1, \"wrap_partition_values\": 1} | scan_config key"
        + " wrap_partition_values must be true or false, got number 1",
    "{\"scan_config_version\": 1, \"schema_force_view_types\": [true]} | scan_config key"
        + " schema_force_view_types must be true or false, got array [true]",
    "{\"scan_config_version\": 1, \"schema_ipc\": \"hex:zz\"} | scan_config key schema_ipc",
    "{\"scan_config_version\": 1, \"schema_ipc\": {}} | scan_config key schema_ipc must be",
    "{\"scan_config_version\": 1, \"schema_ipc\": \"base64:AAAA\"} | scan_config key"
        + " schema_ipc",
    "5 | scan_config must be a JSON object (or a string holding one)",
    "[1] | scan_config must be a JSON object (or a string holding one)",
    "\"x\" | scan_config (given as a string) are not valid JSON",
    "\"{\\\"scan_config_version\\\": 1\" | scan_config (given as a string) are not valid JSON",
    "\"[]\" | scan_config must be a JSON object",
    "{\"scan_config_version\": 1 | scan_config are not valid JSON",
    "{\"scan_config_version\": 1, \"scan_config_version\": 1} | Duplicate field"})
  void badPayloadsAreDataErrors(String payload, String message) {
    QuiverException error = catchThrowableOfType(QuiverException.class,
        () -> DeltaScanConfigParser.parse(payload));
    assertThat(error).as(payload).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.detail()).contains(message);
  }
}
