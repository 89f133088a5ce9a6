package io.quiver.delta;

import com.fasterxml.jackson.databind.JsonNode;
import io.quiver.engine.source.schema.SchemaIpcDecoder;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Iterator;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Parses {@code delta_scan}'s {@code scan_config}: a JSON object, or a JSON string holding
 * that object's text. {@code scan_config_version} is required and must be one of
 * {@link DeltaScanConfig#SUPPORTED_VERSIONS}; {@code schema_ipc} goes through the engine's one
 * {@link SchemaIpcDecoder}. A key given as JSON null is absent. Every failure is a DATA error:
 * not an object, text that is no JSON, a missing or unsupported version, an unknown key
 * (listing the known ones), a wrong type (naming the key and the type expected).
 */
public final class DeltaScanConfigParser {
  private static final String SUPPORTED = "supported: " + DeltaScanConfig.SUPPORTED_VERSIONS;

  private DeltaScanConfigParser() {}

  /** Parses JSON text holding the object (or a string holding it). */
  public static DeltaScanConfig parse(String json) {
    return parse(DeltaJson.read(json, "scan_config"));
  }

  /** Parses the value of the {@code scan_config} option. */
  public static DeltaScanConfig parse(JsonNode value) {
    JsonNode object = value;
    if (value.isTextual()) {
      object = DeltaJson.read(value.textValue(), "scan_config (given as a string)");
    }
    if (!object.isObject()) {
      throw new QuiverException(ErrorKind.DATA, "scan_config must be a JSON object (or a"
          + " string holding one) such as {\"scan_config_version\": 1}, got "
          + DeltaJson.describe(object));
    }
    JsonNode version = object.get("scan_config_version");
    if (version == null || version.isNull()) {
      throw new QuiverException(ErrorKind.DATA, "scan_config_version is required; "
          + SUPPORTED);
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt()
        || !DeltaScanConfig.SUPPORTED_VERSIONS.contains(version.intValue())) {
      throw new QuiverException(ErrorKind.DATA, "unsupported scan_config_version "
          + version + "; " + SUPPORTED);
    }
    String fileColumn = null;
    Boolean pushdown = null;
    Boolean wrap = null;
    Boolean viewTypes = null;
    Schema schema = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode field = entry.getValue();
      if (!DeltaScanConfig.KEYS.contains(key)) {
        throw new QuiverException(ErrorKind.DATA, "unknown scan_config key '" + key
            + "'; known keys: " + DeltaScanConfig.KEYS);
      }
      if (field.isNull()) {
        continue;
      }
      String name = "scan_config key " + key;
      switch (key) {
        case "file_column_name" -> {
          fileColumn = DeltaJson.text(field, name);
          if (fileColumn.isBlank()) {
            throw new QuiverException(ErrorKind.DATA, name + " must name a column, got an"
                + " empty string");
          }
        }
        case "enable_parquet_pushdown" -> pushdown = DeltaJson.bool(field, name);
        case "wrap_partition_values" -> wrap = DeltaJson.bool(field, name);
        case "schema_force_view_types" -> viewTypes = DeltaJson.bool(field, name);
        case "schema_ipc" -> schema = SchemaIpcDecoder.decode(field, name);
        default -> {
          // scan_config_version, checked above
        }
      }
    }
    return new DeltaScanConfig(version.intValue(), fileColumn, pushdown, wrap, viewTypes,
        schema);
  }
}
