package io.quiver.engine.source.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.engine.source.schema.SchemaIpcDecoder;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Parses a file table function's options JSON (a JSON object) against the common keys and the
 * format's keys into {@link ScanOptions}. Null or blank text means every default; a key given
 * as JSON {@code null} takes its default. Every failure is a DATA error: text that is not JSON
 * (quoting the line and column), a value that is not an object, an unknown key (listing the
 * known ones), a duplicate key, a value of the wrong type (naming the key and the type).
 */
public final class ScanOptionsParser {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Map<String, OptionKey> keys = new LinkedHashMap<>();

  /** A parser for the common keys plus {@code formatKeys}. */
  public ScanOptionsParser(List<OptionKey> formatKeys) {
    for (OptionKey key : CommonOptions.KEYS) {
      keys.put(key.name(), key);
    }
    for (OptionKey key : formatKeys) {
      if (keys.putIfAbsent(key.name(), key) != null) {
        throw new IllegalArgumentException("option key declared twice: " + key.name());
      }
    }
  }

  /** Every key this parser accepts, common ones first. */
  public List<OptionKey> keys() {
    return List.copyOf(keys.values());
  }

  /** Parses {@code json} (null or blank: all defaults). */
  public ScanOptions parse(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (OptionKey key : keys.values()) {
      if (key.defaultValue() != null) {
        values.put(key.name(), key.defaultValue());
      }
    }
    if (json == null || json.isBlank()) {
      return new ScanOptions(values, null);
    }
    JsonNode root = read(json);
    if (!root.isObject()) {
      throw new QuiverException(ErrorKind.DATA, "the options must be a JSON object such as"
          + " {\"limit\": 10}, got " + typeName(root) + ": " + abbreviate(json));
    }
    Schema schema = null;
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      OptionKey key = keys.get(field.getKey());
      if (key == null) {
        throw new QuiverException(ErrorKind.DATA, "unknown option '" + field.getKey()
            + "': the known options are " + String.join(", ", new TreeSet<>(keys.keySet())));
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (key.type() == OptionType.SCHEMA_IPC) {
        schema = SchemaIpcDecoder.decode(value, "option " + key.name());
      } else {
        values.put(key.name(), convert(key, value));
      }
    }
    checkLimit(values);
    return new ScanOptions(values, schema);
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
          + location.getColumnNr();
      throw new QuiverException(ErrorKind.DATA, "the options are not valid JSON" + where + ": "
          + e.getOriginalMessage() + " (in " + abbreviate(json) + ")", e);
    }
  }

  private static Object convert(OptionKey key, JsonNode value) {
    switch (key.type()) {
      case BOOLEAN:
        if (value.isBoolean()) {
          return value.booleanValue();
        }
        break;
      case INTEGER:
        if (value.isIntegralNumber() && value.canConvertToLong()) {
          return value.longValue();
        }
        break;
      case STRING:
        if (value.isTextual()) {
          return value.textValue();
        }
        break;
      case STRING_LIST:
        if (value.isArray()) {
          List<String> list = new ArrayList<>();
          for (JsonNode element : value) {
            if (!element.isTextual()) {
              throw wrongType(key, value);
            }
            list.add(element.textValue());
          }
          return List.copyOf(list);
        }
        break;
      default:
        break;
    }
    throw wrongType(key, value);
  }

  private static QuiverException wrongType(OptionKey key, JsonNode value) {
    return new QuiverException(ErrorKind.DATA, "option '" + key.name() + "' must be "
        + expected(key.type()) + ", got " + typeName(value) + " " + abbreviate(value.toString()));
  }

  private static String expected(OptionType type) {
    switch (type) {
      case BOOLEAN: return "a boolean (true or false)";
      case INTEGER: return "an integer";
      case STRING: return "a string";
      case STRING_LIST: return "a JSON array of strings";
      default: return "a JSON array of bytes or a hex or base64 string";
    }
  }

  private static String typeName(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    return value.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static void checkLimit(Map<String, Object> values) {
    Object limit = values.get(CommonOptions.LIMIT);
    if (limit instanceof Long value && value < -1) {
      throw new QuiverException(ErrorKind.DATA, "option 'limit' must be -1 (no limit) or a"
          + " row count >= 0, got " + value);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
