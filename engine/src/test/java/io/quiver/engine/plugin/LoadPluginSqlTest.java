package io.quiver.engine.plugin;

import static io.quiver.engine.plugin.PluginSources.functions;
import static io.quiver.engine.plugin.PluginSources.itemsTable;
import static io.quiver.engine.plugin.PluginSources.plugin;
import static io.quiver.engine.plugin.PluginSources.tableProvider;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LOAD PLUGIN '<jar>' [OPTIONS '<json>']} in SQL. */
class LoadPluginSqlTest extends SessionTestBase {
  @TempDir
  Path directory;

  @AfterEach
  void sessionStillAnswers() {
    assertThat(rows("SELECT 1")).containsExactly(List.of(1));
  }

  /** {@code path} as a SQL string literal. */
  private static String literal(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  /** A plugin {@code name} (package {@code pkg}) with {@code <name>_add_one} and its items. */
  private Path goodJar(Path folder, String pkg, String name) throws IOException {
    String members = functions("RowFunctions.ofLong(\"" + name + "_add_one\", x -> x + 1)")
        + tableProvider(name + "_items", "ItemsTable");
    return PluginJarBuilder.in(folder).source(pkg + ".Plugin", plugin(pkg, name, members))
        .source(pkg + ".ItemsTable", itemsTable(pkg)).service(pkg + ".Plugin")
        .build(pkg + ".jar");
  }

  @Test
  void loadPluginReturnsTheReportAsOneRow() throws IOException {
    Path jar = goodJar(directory, "sqlgood", "sqlgood");
    try (QueryResult result = session.sql("LOAD PLUGIN " + literal(jar))) {
      assertThat(result.statementKind()).isEqualTo("LOAD_PLUGIN");
      assertThat(result.schema().getFields()).extracting(Field::getName).containsExactly(
          "name", "version", "abi", "status", "error", "functions", "tables");
      assertThat(result.toRows()).containsExactly(Arrays.asList("sqlgood", "1.0", "1.0",
          "LOADED", null, "sqlgood_add_one", "sqlgood_items"));
    }
    assertThat(rows("SELECT sqlgood_add_one(id) FROM sqlgood_items ORDER BY 1"))
        .containsExactly(List.of(2L), List.of(3L), List.of(4L));
  }

  @Test
  void optionsAndQuotedPathsReachThePlugin() throws IOException {
    Path folder = Files.createDirectories(directory.resolve("it's here"));
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            System.setProperty("quiver.test.options.sqlopts", context.optionsJson());
            return FunctionBundle.of();
          }
        """;
    Path jar = PluginJarBuilder.in(folder).source("sqlopts.Plugin",
        plugin("sqlopts", "sqlopts", members)).service("sqlopts.Plugin").build("sqlopts.jar");

    List<List<Object>> report = rows("load plugin " + literal(jar)
        + " OPTIONS '{\"greeting\": \"it''s\"}'");

    assertThat(report).singleElement().satisfies(row -> assertThat(row.get(3))
        .isEqualTo("LOADED"));
    assertThat(System.getProperty("quiver.test.options.sqlopts"))
        .isEqualTo("{\"greeting\": \"it's\"}");
    assertThat(session.plugins()).singleElement()
        .satisfies(loaded -> assertThat(loaded.path()).isEqualTo(jar));
  }

  @Test
  void aFailedPluginIsARowNotAnError() throws IOException {
    Path jar = PluginJarBuilder.in(directory).source("sqlabi.Plugin",
        plugin("sqlabi", "sqlabi", "0.9", 2, 0, "")).service("sqlabi.Plugin").build("sqlabi.jar");

    List<Object> row = rows("LOAD PLUGIN " + literal(jar)).get(0);

    assertThat(row.subList(0, 4)).containsExactly("sqlabi", "0.9", "2.0", "FAILED");
    assertThat((String) row.get(4)).startsWith("plugin 'sqlabi' was built for plugin ABI 2.0")
        .endsWith("[in plugin jar '" + jar + "']");
    assertThat(row.subList(5, 7)).containsExactly("", "");
  }

  @Test
  void aScriptCanLoadAPluginAndUseItInTheNextStatement() throws IOException {
    Path jar = goodJar(directory, "sqlscript", "sqlscript");
    List<List<Object>> results = new ArrayList<>();
    session.execute("LOAD PLUGIN " + literal(jar) + "; SELECT sqlscript_add_one(9);",
        result -> results.addAll(result.toRows()));
    assertThat(results.get(1)).containsExactly(10L);
  }

  @Test
  void callerMistakesAreErrors() throws IOException {
    Path jar = goodJar(directory, "sqlerr", "sqlerr");
    QuiverException options = failure("LOAD PLUGIN " + literal(jar) + " OPTIONS '{\"a\": }'");
    assertThat(options.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(options.getMessage()).contains("line 1, column 7");

    QuiverException missing = failure("LOAD PLUGIN '" + directory.resolve("gone.jar") + "'");
    assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
    assertThat(missing.getMessage()).contains("gone.jar' does not exist");

    assertParseError("LOAD PLUGIN", "expected the path of the plugin jar as a quoted string");
    assertParseError("LOAD PLUGIN " + jar, "expected the path of the plugin jar as a quoted");
    assertParseError("LOAD PLUGINS 'x.jar'", "expected LOAD PLUGIN '<path to jar>'");
    assertParseError("LOAD PLUGIN 'x.jar' OPTION '{}'", "expected OPTIONS or the end");
    assertParseError("LOAD PLUGIN 'x.jar' OPTIONS '{}' NOW", "unexpected text after");
    assertParseError("LOAD PLUGIN 'x.jar", "unterminated string literal");
    assertParseError("LOAD PLUGIN ''", "the path of the plugin jar is empty");
    assertThat(session.plugins()).isEmpty();
  }

  private void assertParseError(String sql, String message) {
    QuiverException error = failure(sql);
    assertThat(error.kind()).as(sql).isEqualTo(ErrorKind.PARSE);
    assertThat(error.getMessage()).as(sql).contains(message);
  }
}
