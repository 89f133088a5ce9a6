package io.quiver.engine.capability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.source.file.FileTableFunction;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.udf.QuiverVersion;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.plugin.PluginAbi;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this build and session can do, as one JSON object with stable keys:
 *
 * <pre>
 * quiver_version, arrow_version, calcite_version, java_version, [delta_kernel_version],
 * plugin_abi {major, minor},
 * functions {total, by_kind {scalar, aggregate, window, table}, by_source {builtin, session, ...}},
 * plugins [{name, version, abi, status, error}],
 * native_acceleration {available, active, reason},
 * file_formats {&lt;format&gt; {function, extensions [...], options {&lt;key&gt; {type, default}}}},
 * sql_types {computed [...], nested [...]}
 * </pre>
 *
 * The versions are read once per JVM; the rest is counted from the session's current function
 * snapshot, so a snapshot costs microseconds and never creates a session.
 */
public final class Capabilities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectNode VERSIONS = versions();

  private Capabilities() {}

  public static ObjectNode snapshot(FunctionSnapshot functions, List<PluginStatus> plugins,
      NativeStatus acceleration) {
    ObjectNode root = VERSIONS.deepCopy();
    ObjectNode abi = root.putObject("plugin_abi");
    abi.put("major", PluginAbi.MAJOR);
    abi.put("minor", PluginAbi.MINOR);
    root.set("functions", functionCounts(functions));
    ArrayNode pluginList = root.putArray("plugins");
    for (PluginStatus plugin : plugins) {
      ObjectNode node = pluginList.addObject();
      node.put("name", plugin.name());
      node.put("version", plugin.version());
      node.put("abi", plugin.abi());
      node.put("status", plugin.status());
      node.put("error", plugin.error());
    }
    ObjectNode accel = root.putObject("native_acceleration");
    accel.put("available", acceleration.available());
    accel.put("active", acceleration.active());
    accel.put("reason", acceleration.reason());
    root.set("file_formats", fileFormats(functions));
    root.set("sql_types", SQL_TYPES);
    return root;
  }

  /** The SQL types compiled expressions compute with, and the nested ones carried and taken apart. */
  private static final ObjectNode SQL_TYPES = sqlTypes();

  private static ObjectNode sqlTypes() {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode computed = node.putArray("computed");
    for (String type : List.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL",
        "DOUBLE", "DECIMAL(p<=38,s)", "VARCHAR", "DATE", "TIME", "TIMESTAMP",
        "INTERVAL DAY TO SECOND", "INTERVAL YEAR TO MONTH")) {
      computed.add(type);
    }
    ArrayNode nested = node.putArray("nested");
    for (String type : List.of("ARRAY", "MAP", "ROW")) {
      nested.add(type);
    }
    return node;
  }

  /** Every file table function of the session's registry with its format's option keys. */
  private static ObjectNode fileFormats(FunctionSnapshot functions) {
    ObjectNode node = JSON.createObjectNode();
    for (RegisteredFunction function : functions.all()) {
      if (!(function.definition() instanceof FileTableFunction file)) {
        continue;
      }
      ObjectNode format = node.putObject(file.format().name());
      format.put("function", file.name());
      ArrayNode extensions = format.putArray("extensions");
      file.format().extensions().forEach(extensions::add);
      ObjectNode options = format.putObject("options");
      for (OptionKey key : file.optionKeys()) {
        ObjectNode option = options.putObject(key.name());
        option.put("type", key.type().name().toLowerCase(Locale.ROOT));
        option.put("default", key.defaultValue() == null ? null
            : String.valueOf(key.defaultValue()));
      }
    }
    return node;
  }

  private static ObjectNode functionCounts(FunctionSnapshot functions) {
    ObjectNode node = JSON.createObjectNode();
    Map<String, Integer> byKind = new TreeMap<>();
    for (FunctionKind kind : FunctionKind.values()) {
      byKind.put(kind.name().toLowerCase(Locale.ROOT), 0);
    }
    Map<String, Integer> bySource = new TreeMap<>();
    bySource.put("builtin", 0);
    bySource.put("session", 0);
    List<RegisteredFunction> all = functions.all();
    for (RegisteredFunction function : all) {
      byKind.merge(function.definition().kind().name().toLowerCase(Locale.ROOT), 1,
          Integer::sum);
      bySource.merge(function.source().toString(), 1, Integer::sum);
    }
    node.put("total", all.size());
    ObjectNode kinds = node.putObject("by_kind");
    byKind.forEach(kinds::put);
    ObjectNode sources = node.putObject("by_source");
    bySource.forEach(sources::put);
    return node;
  }

  private static ObjectNode versions() {
    ObjectNode node = JSON.createObjectNode();
    node.put("quiver_version", QuiverVersion.quiver());
    node.put("arrow_version", packageVersion("org.apache.arrow.vector.FieldVector",
        QuiverVersion.arrow()));
    node.put("calcite_version", packageVersion("org.apache.calcite.rel.RelNode", "unknown"));
    node.put("java_version", Runtime.version().toString());
    String delta = packageVersion("io.delta.kernel.Table", null);
    if (delta != null) {
      node.put("delta_kernel_version", delta);
    }
    return node;
  }

  /** The Implementation-Version of the jar holding {@code className}, or {@code otherwise}. */
  private static String packageVersion(String className, String otherwise) {
    try {
      Class<?> type = Class.forName(className, false, Capabilities.class.getClassLoader());
      String version = type.getPackage().getImplementationVersion();
      return version != null ? version : otherwise;
    } catch (ClassNotFoundException | LinkageError e) {
      return otherwise;
    }
  }

  /** Flattens the snapshot into (key, value) rows: {@code plugin_abi.major = 1}. */
  public static void flatten(com.fasterxml.jackson.databind.JsonNode node, String prefix,
      List<List<Object>> rows) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> flatten(entry.getValue(),
          prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), rows));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), prefix + "[" + i + "]", rows);
      }
    } else {
      rows.add(java.util.Arrays.asList(prefix, node.isNull() ? null : node.asText()));
    }
  }
}
