package io.quiver.delta;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON reading shared by {@code delta_scan}'s options and its {@code scan_config}: text to
 * a tree (duplicate keys refused) and typed values, each failure a DATA error that names the
 * key and the type it expected.
 */
final class DeltaJson {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DeltaJson() {}

  /** The tree of {@code text}; {@code what} names it in the error ("delta_scan options"). */
  static JsonNode read(String text, String what) {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null) {
        throw new QuiverException(ErrorKind.DATA, what + " are empty: give a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")";
      throw new QuiverException(ErrorKind.DATA, what + " are not valid JSON: "
          + e.getOriginalMessage() + where, e);
    }
  }

  static boolean bool(JsonNode value, String key) {
    if (!value.isBoolean()) {
      throw wrongType(key, "true or false", value);
    }
    return value.booleanValue();
  }

  static String text(JsonNode value, String key) {
    if (!value.isTextual()) {
      throw wrongType(key, "a string", value);
    }
    return value.textValue();
  }

  /** A non-negative integer that fits an int. */
  static int count(JsonNode value, String key) {
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw wrongType(key, "a non-negative integer", value);
    }
    return value.intValue();
  }

  static List<String> texts(JsonNode value, String key) {
    if (!value.isArray()) {
      throw wrongType(key, "an array of strings", value);
    }
    List<String> list = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(key, "an array of strings", value);
      }
      list.add(element.textValue());
    }
    return List.copyOf(list);
  }

  static QuiverException wrongType(String key, String expected, JsonNode value) {
    return new QuiverException(ErrorKind.DATA, key + " must be " + expected + ", got "
        + describe(value));
  }

  /** A value for a message: its JSON type and (abbreviated) text, {@code string "yes"}. */
  static String describe(JsonNode value) {
    String shown = value.toString();
    if (shown.length() > 80) {
      shown = shown.substring(0, 77) + "...";
    }
    return value.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + shown;
  }
}
