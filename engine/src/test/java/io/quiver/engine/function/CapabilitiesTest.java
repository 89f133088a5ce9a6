package io.quiver.engine.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.function.RowFunctions;
import io.quiver.udf.plugin.PluginAbi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** quiver_functions(), quiver_capabilities() and session.capabilities(). */
class CapabilitiesTest extends SessionTestBase {

  @Test
  void quiverFunctionsListsSessionFunctionsFirstWithTheirSource() {
    session.functions().register(RowFunctions.ofLong("double_it", x -> 2 * x));
    List<List<Object>> rows = rows("SELECT name, kind, signature, return_type, volatility,"
        + " source FROM quiver_functions()");
    assertThat(rows.get(0)).containsExactly("double_it", "scalar", "double_it(BIGINT)",
        "BIGINT", "immutable", "session");
    assertThat(rows).contains(List.of("upper", "scalar", "upper(VARCHAR)", "VARCHAR",
        "immutable", "builtin"));
    assertThat(rows).contains(List.of("read_csv", "table", "read_csv(VARCHAR)", "TABLE",
        "immutable", "builtin"));
    assertThat(rows("SELECT COUNT(*) FROM quiver_functions() WHERE source = 'session'"))
        .containsExactly(List.of(1L));
  }

  @Test
  void capabilitiesHaveStableKeysAndCountFunctionsBySource() {
    ObjectNode before = session.capabilities();
    assertThat(before.fieldNames()).toIterable().contains("quiver_version", "arrow_version",
        "calcite_version", "java_version", "plugin_abi", "functions", "plugins",
        "native_acceleration", "file_formats", "sql_types");
    assertThat(before.at("/file_formats").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("parquet", "csv", "json", "arrow");
    assertThat(before.at("/file_formats/parquet/function").asText()).isEqualTo("read_parquet");
    assertThat(before.at("/file_formats/parquet/options/skip_metadata/default").asText())
        .isEqualTo("true");
    assertThat(before.at("/file_formats/csv/options/on_bad_row/type").asText())
        .isEqualTo("string");
    assertThat(before.at("/file_formats/json/options/schema_ipc/type").asText())
        .isEqualTo("schema_ipc");
    assertThat(before.at("/sql_types/nested").toString()).isEqualTo("[\"ARRAY\",\"MAP\",\"ROW\"]");
    assertThat(before.get("arrow_version").asText()).startsWith("19.");
    assertThat(before.get("calcite_version").asText()).startsWith("1.42");
    assertThat(before.at("/plugin_abi/major").asInt()).isEqualTo(PluginAbi.MAJOR);
    assertThat(before.at("/native_acceleration/available").asBoolean()).isFalse();
    assertThat(before.at("/native_acceleration/reason").asText()).contains("Java");
    assertThat(before.at("/functions/by_source/session").asInt()).isZero();
    int total = before.at("/functions/total").asInt();

    session.functions().register(RowFunctions.ofLong("double_it", x -> 2 * x));
    ObjectNode after = session.capabilities();
    assertThat(after.at("/functions/by_source/session").asInt()).isEqualTo(1);
    assertThat(after.at("/functions/total").asInt()).isEqualTo(total + 1);
    assertThat(after.at("/functions/by_kind/scalar").asInt())
        .isEqualTo(before.at("/functions/by_kind/scalar").asInt() + 1);
  }

  @Test
  void quiverCapabilitiesIsTheSnapshotAsKeyValueRows() {
    List<List<Object>> rows = rows("SELECT key, value_text FROM quiver_capabilities()");
    assertThat(rows).contains(List.of("plugin_abi.major", String.valueOf(PluginAbi.MAJOR)),
        List.of("native_acceleration.active", "false"));
    assertThat(rows("SELECT value_text FROM quiver_capabilities() WHERE key = 'functions.total'"))
        .containsExactly(List.of(session.capabilities().at("/functions/total").asText()));
  }
}
