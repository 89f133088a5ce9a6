package io.quiver.engine.plugin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;

/**
 * Checks the options JSON given when a plugin is loaded. The host does not interpret the keys
 * (they belong to the plugin); it only makes sure the plugin receives one well-formed JSON
 * object, so a typo in the options is the caller's error, reported before any plugin code
 * runs.
 */
final class PluginOptions {
  /** What a plugin receives when no options were given. */
  static final String NONE = "{}";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private PluginOptions() {}

  /**
   * Returns {@code optionsJson} unchanged ({@value #NONE} for null), or throws a DATA error
   * quoting the line and column where the text stops being a JSON object.
   */
  static String check(String optionsJson) {
    if (optionsJson == null) {
      return NONE;
    }
    if (optionsJson.isBlank()) {
      throw new QuiverException(ErrorKind.DATA, "plugin options are empty: pass a JSON object"
          + " such as {\"key\": 1}, or {} (or no options at all) for none");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(optionsJson);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String position = location == null ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new QuiverException(ErrorKind.DATA, "plugin options are not valid JSON" + position
          + ": " + e.getOriginalMessage() + ". Pass a JSON object such as {\"key\": 1}", e);
    }
    if (!tree.isObject()) {
      throw new QuiverException(ErrorKind.DATA, "plugin options must be a JSON object such as"
          + " {\"key\": 1}, not " + describe(tree));
    }
    return optionsJson;
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
