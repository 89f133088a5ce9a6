package io.quiver.engine.plugin;

import static io.quiver.engine.plugin.PluginSources.functions;
import static io.quiver.engine.plugin.PluginSources.itemsTable;
import static io.quiver.engine.plugin.PluginSources.plugin;
import static io.quiver.engine.plugin.PluginSources.tableProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading real plugin jars (compiled while the test runs) into a session: what loads, what is
 * dropped and why, and that the session keeps working whatever the plugin does.
 */
class PluginHostTest extends SessionTestBase {
  @TempDir
  Path directory;

  @AfterEach
  void sessionStillAnswers() {
    // Whatever the plugin did, the session still answers (and holds no query memory).
    assertThat(rows("SELECT 1")).containsExactly(List.of(1));
  }

  /** Names of the functions the plugin layer {@code plugin} holds now. */
  private List<String> pluginFunctions(String plugin) {
    FunctionSnapshot snapshot = session.functions().snapshot();
    return snapshot.plugins().stream().filter(layer -> layer.name().equals(plugin))
        .flatMap(layer -> layer.functions().values().stream())
        .flatMap(List::stream).map(RegisteredFunction::name).sorted().toList();
  }

  private PluginJarBuilder jar() {
    return PluginJarBuilder.in(directory);
  }

  /** A jar with the plugin class {@code <pkg>.Plugin} and the items table. */
  private Path pluginJar(String pkg, String pluginSource) throws IOException {
    return jar().source(pkg + ".Plugin", pluginSource).source(pkg + ".ItemsTable", itemsTable(pkg))
        .service(pkg + ".Plugin").build(pkg + ".jar");
  }

  private static void assertFailed(PluginLoadReport report, ErrorKind kind, String... parts) {
    assertThat(report.status()).isEqualTo(PluginStatus.FAILED);
    assertThat(report.usable()).isFalse();
    assertThat(report.exception().kind()).isEqualTo(kind);
    assertThat(report.error()).contains(parts);
    assertThat(report.exception().context()).containsExactly("plugin jar '" + report.path() + "'");
    assertThat(report.functions()).isEmpty();
    assertThat(report.tables()).isEmpty();
  }

  @Test
  void goodPluginExportsAFunctionAndATable() throws IOException {
    Path jar = pluginJar("good", plugin("good", "good", "2.5", 1, 0,
        functions("RowFunctions.ofLong(\"plugin_add_one\", x -> x + 1)")
            + tableProvider("plugin_items", "ItemsTable")));

    PluginLoadReport report = session.loadPlugin(jar, null);

    assertThat(report.status()).isEqualTo(PluginStatus.LOADED);
    assertThat(report.name()).isEqualTo("good");
    assertThat(report.version()).isEqualTo("2.5");
    assertThat(report.abi()).isEqualTo("1.0");
    assertThat(report.path()).isEqualTo(jar.toAbsolutePath());
    assertThat(report.error()).isNull();
    assertThat(report.exception()).isNull();
    assertThat(report.functions()).containsExactly("plugin_add_one");
    assertThat(report.tables()).containsExactly("plugin_items");
    assertThat(report.dropped()).isEmpty();
    assertThat(session.plugins()).containsExactly(report);
    assertThat(pluginFunctions("good")).containsExactly("plugin_add_one");
    assertThat(session.functions().snapshot().candidates("plugin_add_one", FunctionKind.SCALAR))
        .singleElement().satisfies(f -> assertThat(f.source().toString()).isEqualTo("good"));
    assertThat(session.tableNames()).contains("plugin_items");
    assertThat(session.capabilities().at("/plugins/0").toString()).isEqualTo(
        "{\"name\":\"good\",\"version\":\"2.5\",\"abi\":\"1.0\",\"status\":\"LOADED\","
            + "\"error\":null}");

    assertThat(rows("SELECT plugin_add_one(41)")).containsExactly(List.of(42L));
    assertThat(rows("SELECT plugin_add_one(id), label FROM plugin_items ORDER BY id"))
        .containsExactly(List.of(2L, "a"), List.of(3L, "b"), List.of(4L, "c"));
    assertThat(rows("SELECT COUNT(*) FROM plugin_items")).containsExactly(List.of(3L));
  }

  @Test
  void pluginReceivesItsOptionsAndTheHostVersion() throws IOException {
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            System.setProperty("quiver.test.options.opts", context.optionsJson());
            System.setProperty("quiver.test.host.opts", context.hostVersion());
            return FunctionBundle.of();
          }
        """;
    Path jar = pluginJar("opts", plugin("opts", "opts", members));

    session.loadPlugin(jar, "{\"scale\": 2, \"name\": \"x\"}");
    assertThat(System.getProperty("quiver.test.options.opts"))
        .isEqualTo("{\"scale\": 2, \"name\": \"x\"}");
    assertThat(System.getProperty("quiver.test.host.opts"))
        .isEqualTo(io.quiver.udf.QuiverVersion.quiver());

    PluginLoadReport again = session.loadPlugin(jar, null);
    assertThat(System.getProperty("quiver.test.options.opts")).isEqualTo("{}");
    assertThat(again.status()).isEqualTo(PluginStatus.LOADED);
    assertThat(again.functions()).isEmpty();
  }

  @Test
  void wrongAbiMajorFailsNamingBothVersions() throws IOException {
    Path jar = pluginJar("abimajor", plugin("abimajor", "future", "3.0", 2, 0,
        functions("RowFunctions.ofLong(\"future_fn\", x -> x)")));

    PluginLoadReport report = session.loadPlugin(jar, null);

    assertFailed(report, ErrorKind.PLUGIN, "plugin 'future' was built for plugin ABI 2.0 but"
        + " this Quiver implements 1.0 (major versions must match; minor must not be above the"
        + " host's)");
    assertThat(report.name()).isEqualTo("future");
    assertThat(report.version()).isEqualTo("3.0");
    assertThat(report.abi()).isEqualTo("2.0");
    assertThat(session.functions().snapshot().plugins()).isEmpty();
    assertThat(session.plugins()).containsExactly(report);
    assertThat(session.capabilities().at("/plugins/0/status").asText()).isEqualTo("FAILED");
    assertThat(session.capabilities().at("/plugins/0/error").asText())
        .isEqualTo(report.error());
  }

  @Test
  void newerAbiMinorFails() throws IOException {
    Path jar = pluginJar("abiminor", plugin("abiminor", "newer", "1.0", 1, 1,
        functions("RowFunctions.ofLong(\"newer_fn\", x -> x)")));

    PluginLoadReport report = session.loadPlugin(jar, null);

    assertFailed(report, ErrorKind.PLUGIN, "built for plugin ABI 1.1 but this Quiver implements"
        + " 1.0");
    assertThat(report.abi()).isEqualTo("1.1");
    assertThat(session.functions().snapshot().contains("newer_fn", null)).isFalse();
  }

  @Test
  void throwingStaticInitialiserIsReported() throws IOException {
    String members = """
          static {
            explode();
          }

          private static void explode() {
            throw new IllegalStateException("static boom");
          }
        """;
    PluginLoadReport report = session.loadPlugin(pluginJar("statics",
        plugin("statics", "statics", members)), null);

    assertFailed(report, ErrorKind.PLUGIN, "creating the plugin (class statics.Plugin) failed",
        "its static initialiser threw IllegalStateException: static boom");
    assertThat(report.name()).isEqualTo("statics.jar");
    assertThat(report.version()).isNull();
    assertThat(report.exception().rootCause()).hasMessage("static boom");
  }

  @Test
  void throwingConstructorIsReported() throws IOException {
    String members = """
          public Plugin() {
            throw new UnsupportedOperationException("constructor boom");
          }
        """;
    PluginLoadReport report = session.loadPlugin(pluginJar("ctor",
        plugin("ctor", "ctor", members)), null);

    assertFailed(report, ErrorKind.PLUGIN, "creating the plugin (class ctor.Plugin) failed:"
        + " UnsupportedOperationException: constructor boom");
  }

  @Test
  void throwingManifestIsReported() throws IOException {
    String source = plugin("manifest", "manifest", "")
        .replace("return new PluginManifest(", "if (true) throw new IllegalStateException("
            + "\"no manifest\");\n    return new PluginManifest(");
    PluginLoadReport report = session.loadPlugin(pluginJar("manifest", source), null);

    assertFailed(report, ErrorKind.PLUGIN, "reading the manifest (manifest.Plugin.manifest())",
        "IllegalStateException: no manifest");
  }

  @Test
  void failingFunctionsLeaveTheTablesUsable() throws IOException {
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            throw new IllegalStateException("no functions today");
          }
        """ + tableProvider("half_items", "ItemsTable");
    PluginLoadReport report = session.loadPlugin(pluginJar("half",
        plugin("half", "half", members)), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.usable()).isTrue();
    assertThat(report.tables()).containsExactly("half_items");
    assertThat(report.functions()).isEmpty();
    assertThat(report.dropped()).singleElement().satisfies(dropped -> {
      assertThat(dropped.export()).isEqualTo("functions()");
      assertThat(dropped.kind()).isEqualTo(ErrorKind.PLUGIN);
      assertThat(dropped.reason()).isEqualTo("IllegalStateException: no functions today");
      assertThat(dropped.cause()).isInstanceOf(IllegalStateException.class);
    });
    assertThat(report.exception().kind()).isEqualTo(ErrorKind.PLUGIN);
    assertThat(report.error()).startsWith("plugin 'half' loaded without 1 export: functions():"
        + " IllegalStateException: no functions today. Its other exports are usable");
    assertThat(rows("SELECT SUM(id) FROM half_items")).containsExactly(List.of(6L));
  }

  @Test
  void failingTablesLeaveTheFunctionsUsable() throws IOException {
    String members = functions("RowFunctions.ofLong(\"tables_fail_fn\", x -> x * 2)") + """
          @Override
          public List<TableProvider> tableProviders(PluginContext context) {
            throw new IllegalArgumentException("no tables today");
          }
        """;
    PluginLoadReport report = session.loadPlugin(pluginJar("notables",
        plugin("notables", "notables", members)), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.dropped()).extracting(DroppedExport::export)
        .containsExactly("tableProviders()");
    assertThat(rows("SELECT tables_fail_fn(21)")).containsExactly(List.of(42L));
  }

  @Test
  void eachBrokenFunctionIsDroppedAlone() throws IOException {
    String broken = """
          private static ScalarFunction named(String name, Signature signature,
              FunctionKind kind) {
            return new ScalarFunction() {
              @Override
              public String name() {
                if (name.equals("throws")) {
                  throw new IllegalStateException("name boom");
                }
                return name;
              }

              @Override
              public Signature signature() {
                return signature;
              }

              @Override
              public FunctionKind kind() {
                return kind;
              }

              @Override
              public FieldVector evaluate(ScalarArguments arguments) {
                throw new UnsupportedOperationException();
              }
            };
          }

          private static final Signature LONG = Signature.of(Types.BIGINT, Types.BIGINT);
        """;
    String members = broken + functions("""
        RowFunctions.ofLong("fine_one", x -> x + 1),
        named("throws", LONG, FunctionKind.SCALAR),
        named("not a name", LONG, FunctionKind.SCALAR),
        named("no_signature", null, FunctionKind.SCALAR),
        named("wrong_kind", LONG, FunctionKind.AGGREGATE),
        RowFunctions.ofLong("fine_one", x -> x + 100),
        RowFunctions.ofDouble("fine_two", x -> x / 2)""");
    PluginLoadReport report = session.loadPlugin(pluginJar("mixed",
        plugin("mixed", "mixed", members)), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.functions()).containsExactly("fine_one", "fine_two");
    assertThat(pluginFunctions("mixed")).containsExactly("fine_one", "fine_two");
    assertThat(report.dropped()).extracting(DroppedExport::toString).containsExactly(
        "function #2: IllegalStateException: name boom",
        "function #3 'not a name': its name 'not a name' is not a plain identifier: use"
            + " letters, digits and underscores, not starting with a digit",
        "function #4 'no_signature': signature() returned null",
        "function #5 'wrong_kind': kind() says AGGREGATE but mixed.Plugin$1 does not implement"
            + " io.quiver.udf.function.AggregateFunction",
        "function #6 'fine_one': an earlier function of this plugin has the same name, kind and"
            + " argument types [BIGINT]; give one of them another name or other argument types");
    assertThat(report.error()).contains("loaded without 5 exports");
    assertThat(rows("SELECT fine_one(1), fine_two(CAST(3 AS DOUBLE))")).containsExactly(List.of(2L, 1.5));
  }

  @Test
  void missingDependencyClassAtLoadTimeIsReported() throws IOException {
    String helper = """
        package missing;
        public class Helper {
          public static long offset() {
            return 7;
          }
        }
        """;
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            long offset = Helper.offset();
            return FunctionBundle.of(RowFunctions.ofLong("with_helper", x -> x + offset));
          }
        """;
    Path jar = jar().source("missing.Plugin", plugin("missing", "missing", members))
        .source("missing.Helper", helper).leaveOut("missing.Helper")
        .service("missing.Plugin").build("missing.jar");

    PluginLoadReport report = session.loadPlugin(jar, null);

    assertFailed(report, ErrorKind.PLUGIN, "plugin 'missing' exports nothing usable",
        "functions(): class missing.Helper was not found. A plugin sees only its own jar,"
            + " io.quiver.udf.*, org.apache.arrow.* and the JDK: bundle the plugin's other"
            + " dependencies into its jar");
    assertThat(report.dropped()).singleElement()
        .satisfies(d -> assertThat(d.cause()).isInstanceOf(NoClassDefFoundError.class));
    assertThat(session.functions().snapshot().contains("with_helper", null)).isFalse();
    assertThat(session.plugins()).containsExactly(report);
  }

  @Test
  void hostClassesThatAreNotSharedCannotBeUsed() throws IOException {
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            io.quiver.engine.QuiverSession.open().close();
            return FunctionBundle.of(RowFunctions.ofLong("sneaky", x -> x));
          }
        """ + tableProvider("sneaky_items", "ItemsTable");
    PluginLoadReport report = session.loadPlugin(pluginJar("sneaky",
        plugin("sneaky", "sneaky", members)), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.dropped()).singleElement().satisfies(d -> {
      assertThat(d.export()).isEqualTo("functions()");
      assertThat(d.reason()).isEqualTo("it uses the Quiver class io.quiver.engine.QuiverSession,"
          + " which plugins cannot see: plugins share only io.quiver.udf.* (the plugin API) and"
          + " org.apache.arrow.* with the host. Use the plugin API instead");
    });
    assertThat(report.tables()).containsExactly("sneaky_items");
    assertThat(session.functions().snapshot().contains("sneaky", null)).isFalse();
  }

  @Test
  void jarWithoutServiceEntryFails() throws IOException {
    Path jar = jar().source("noservice.Plugin", plugin("noservice", "noservice", ""))
        .build("noservice.jar");

    PluginLoadReport report = session.loadPlugin(jar, null);

    assertFailed(report, ErrorKind.PLUGIN, "the jar has no"
        + " META-INF/services/io.quiver.udf.plugin.QuiverPlugin entry");
    assertThat(report.name()).isEqualTo("noservice.jar");
    assertThat(report.abi()).isNull();
  }

  @Test
  void emptyOrWrongServiceEntriesFail() throws IOException {
    Path empty = jar().source("empty.Plugin", plugin("empty", "empty", ""))
        .emptyServiceFile().build("empty.jar");
    assertFailed(session.loadPlugin(empty, null), ErrorKind.PLUGIN,
        "the jar names no plugin class");

    Path unknown = jar().source("unknown.Plugin", plugin("unknown", "unknown", ""))
        .service("unknown.NoSuchPlugin").build("unknown.jar");
    assertFailed(session.loadPlugin(unknown, null), ErrorKind.PLUGIN,
        "finding the plugin class failed: its service entry", "unknown.NoSuchPlugin");

    Path notAPlugin = jar().source("notplugin.Thing", "package notplugin; public class Thing {}")
        .service("notplugin.Thing").build("notplugin.jar");
    assertFailed(session.loadPlugin(notAPlugin, null), ErrorKind.PLUGIN,
        "notplugin.Thing not a subtype");

    Path two = jar().source("two.Plugin", plugin("two", "two", ""))
        .source("two.Other", plugin("two", "other", "").replace("class Plugin", "class Other"))
        .service("two.Plugin").service("two.Other").build("two.jar");
    assertFailed(session.loadPlugin(two, null), ErrorKind.PLUGIN,
        "the jar names 2 plugin classes [two.Plugin, two.Other]", "a jar holds exactly one"
            + " plugin");
    assertThat(session.plugins()).extracting(PluginLoadReport::name)
        .containsExactly("empty.jar", "unknown.jar", "notplugin.jar", "two.jar");
  }

  @Test
  void invalidPluginNameFails() throws IOException {
    PluginLoadReport report = session.loadPlugin(pluginJar("badname",
        plugin("badname", "bad name/with slash", "")), null);
    assertFailed(report, ErrorKind.PLUGIN, "the plugin's name 'bad name/with slash' is not"
        + " valid");
  }

  @Test
  void garbageAndTruncatedJarsFail() throws IOException {
    Path garbage = Files.writeString(directory.resolve("garbage.jar"), "this is not a zip file");
    PluginLoadReport report = session.loadPlugin(garbage, null);
    assertFailed(report, ErrorKind.PLUGIN, "the file is not a readable jar", "check that it was"
        + " copied completely");
    assertThat(report.name()).isEqualTo("garbage.jar");

    byte[] whole = Files.readAllBytes(pluginJar("whole", plugin("whole", "whole", "")));
    Path truncated = Files.write(directory.resolve("truncated.jar"),
        Arrays.copyOf(whole, whole.length / 2));
    assertFailed(session.loadPlugin(truncated, null), ErrorKind.PLUGIN,
        "the file is not a readable jar");

    Path emptyFile = Files.write(directory.resolve("zero.jar"), new byte[0]);
    assertFailed(session.loadPlugin(emptyFile, null), ErrorKind.PLUGIN,
        "the file is not a readable jar");
  }

  @Test
  void badOptionsAreADataErrorWithThePosition() throws IOException {
    Path jar = pluginJar("badopts", plugin("badopts", "badopts", ""));

    QuiverException syntax = (QuiverException) catchThrowable(
        () -> session.loadPlugin(jar, "{\"scale\": 2,\n  \"name\" x}"));
    assertThat(syntax.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(syntax.getMessage()).startsWith("plugin options are not valid JSON at line 2,"
        + " column 10: ");

    QuiverException notObject = (QuiverException) catchThrowable(
        () -> session.loadPlugin(jar, "[1, 2]"));
    assertThat(notObject.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(notObject.getMessage()).isEqualTo("plugin options must be a JSON object such as"
        + " {\"key\": 1}, not an array");

    QuiverException trailing = (QuiverException) catchThrowable(
        () -> session.loadPlugin(jar, "{} {}"));
    assertThat(trailing.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(trailing.getMessage()).contains("line 1, column 4");

    QuiverException blank = (QuiverException) catchThrowable(
        () -> session.loadPlugin(jar, "  "));
    assertThat(blank.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(session.plugins()).as("nothing was loaded").isEmpty();
  }

  @Test
  void unknownPathIsAnIoErrorAndADirectoryIsRefused() {
    Path missing = directory.resolve("nowhere.jar");
    QuiverException notThere = (QuiverException) catchThrowable(
        () -> session.loadPlugin(missing, null));
    assertThat(notThere.kind()).isEqualTo(ErrorKind.IO);
    assertThat(notThere.getMessage()).startsWith("plugin jar '" + missing + "' does not exist");

    QuiverException folder = (QuiverException) catchThrowable(
        () -> session.loadPlugin(directory, null));
    assertThat(folder.kind()).isEqualTo(ErrorKind.ACCESS);
    assertThat(folder.getMessage()).isEqualTo("'" + directory + "' is not a regular file:"
        + " plugins are loaded only from jar files");
    assertThat(session.plugins()).isEmpty();
  }

  @Test
  void loadingTheSameNameAgainReplacesThePlugin() throws IOException {
    Path first = pluginJar("v1", plugin("v1", "same", "1.0", 1, 0,
        functions("RowFunctions.ofLong(\"same_old\", x -> x)")
            + tableProvider("same_items", "ItemsTable")));
    Path second = jar().source("v2.Plugin", plugin("v2", "same", "2.0", 1, 0,
        functions("RowFunctions.ofLong(\"same_new\", x -> -x)"))).service("v2.Plugin")
        .build("v2.jar");
    session.loadPlugin(first, null);
    PluginClassLoader oldLoader = session.pluginHost().classLoader("same");
    assertThat(oldLoader.findResource(PluginDiscovery.SERVICE_ENTRY)).isNotNull();

    PluginLoadReport report = session.loadPlugin(second, null);

    assertThat(report.status()).isEqualTo(PluginStatus.LOADED);
    assertThat(session.plugins()).containsExactly(report);
    assertThat(pluginFunctions("same")).containsExactly("same_new");
    assertThat(session.tableNames()).doesNotContain("same_items");
    assertThat(System.getProperty("quiver.test.closed.v1")).isEqualTo("true");
    assertThat(oldLoader.findResource(PluginDiscovery.SERVICE_ENTRY))
        .as("the old class loader is closed").isNull();
    assertThat(rows("SELECT same_new(5)")).containsExactly(List.of(-5L));
    assertThat(failure("SELECT same_old(5)").kind()).isEqualTo(ErrorKind.PLAN);
  }

  @Test
  void closingTheSessionClosesPluginTablesAndLoaders() throws IOException {
    PluginLoadReport report = session.loadPlugin(pluginJar("closing",
        plugin("closing", "closing", tableProvider("closing_items", "ItemsTable"))), null);
    assertThat(report.status()).isEqualTo(PluginStatus.LOADED);
    PluginClassLoader loader = session.pluginHost().classLoader("closing");
    assertThat(System.getProperty("quiver.test.closed.closing")).isNull();

    PluginClassLoader otherLoader;
    try (QuiverSession other = QuiverSession.open()) {
      other.loadPlugin(report.path(), null);
      otherLoader = other.pluginHost().classLoader("closing");
      assertThat(otherLoader).as("each session loads its own copy").isNotSameAs(loader);
      assertThat(otherLoader.findResource(PluginDiscovery.SERVICE_ENTRY)).isNotNull();
    }
    assertThat(System.getProperty("quiver.test.closed.closing")).isEqualTo("true");
    assertThat(otherLoader.findResource(PluginDiscovery.SERVICE_ENTRY)).isNull();
    assertThat(loader.findResource(PluginDiscovery.SERVICE_ENTRY)).isNotNull();
    assertThat(rows("SELECT COUNT(*) FROM closing_items")).containsExactly(List.of(3L));
  }

  @Test
  void aPluginTableNeverReplacesASessionTable() throws IOException {
    session.sql("CREATE TABLE taken AS SELECT 1 AS x").close();
    PluginLoadReport report = session.loadPlugin(pluginJar("taken",
        plugin("taken", "taken", functions("RowFunctions.ofLong(\"taken_fn\", x -> x)")
            + tableProvider("TAKEN", "ItemsTable"))), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.dropped()).extracting(DroppedExport::toString).containsExactly(
        "table 'TAKEN': the session already has a table or view named 'TAKEN'; drop it before"
            + " loading the plugin, or rename the plugin's table");
    assertThat(rows("SELECT x FROM taken")).containsExactly(List.of(1));
  }

  @Test
  void brokenTableSourcesAreDroppedAndOutOfMemoryIsAResource() throws IOException {
    String members = """
          private static TableProvider provider(String name, Runnable onOpen, TableSource source) {
            return new TableProvider() {
              @Override
              public String tableName() {
                return name;
              }

              @Override
              public TableSource open() {
                onOpen.run();
                return source;
              }
            };
          }

          @Override
          public List<TableProvider> tableProviders(PluginContext context) {
            TableSource noSchema = new TableSource() {
              @Override
              public Schema schema() {
                throw new IllegalStateException("schema boom");
              }

              @Override
              public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
                throw new UnsupportedOperationException();
              }

              @Override
              public void close() {
                System.setProperty("quiver.test.closed.brokentables", "true");
              }
            };
            return List.of(
                provider("hungry", () -> { throw new OutOfMemoryError("test heap"); }, null),
                provider("nothing", () -> { }, null),
                provider("no_schema", () -> { }, noSchema),
                provider("fine", () -> { }, new ItemsTable()),
                provider("fine", () -> { }, new ItemsTable()));
          }
        """;
    PluginLoadReport report = session.loadPlugin(pluginJar("brokentables",
        plugin("brokentables", "brokentables", members)), null);

    assertThat(report.status()).isEqualTo(PluginStatus.PARTIAL);
    assertThat(report.tables()).containsExactly("fine");
    assertThat(report.dropped()).extracting(DroppedExport::export)
        .containsExactly("table 'hungry'", "table 'nothing'", "table 'no_schema'",
            "table 'fine'");
    assertThat(report.dropped().get(0).kind()).isEqualTo(ErrorKind.RESOURCE);
    assertThat(report.dropped().get(0).reason()).contains("ran out of Java heap (test heap)");
    assertThat(report.exception().kind()).isEqualTo(ErrorKind.RESOURCE);
    assertThat(report.dropped().get(1).reason()).isEqualTo("open() returned null");
    assertThat(report.dropped().get(2).reason()).contains("schema boom");
    assertThat(System.getProperty("quiver.test.closed.brokentables"))
        .as("a dropped source is closed").isEqualTo("true");
    assertThat(report.dropped().get(3).reason())
        .isEqualTo("an earlier table of this plugin has the same name");
    assertThat(rows("SELECT COUNT(*) FROM fine")).containsExactly(List.of(3L));
  }

  @Test
  void everyExportFailingIsAFailedLoad() throws IOException {
    String members = """
          @Override
          public FunctionBundle functions(PluginContext context) {
            return null;
          }

          @Override
          public List<TableProvider> tableProviders(PluginContext context) {
            throw new StackOverflowError();
          }
        """;
    PluginLoadReport report = session.loadPlugin(pluginJar("nothing",
        plugin("nothing", "nothing", members)), null);

    assertFailed(report, ErrorKind.PLUGIN, "plugin 'nothing' exports nothing usable",
        "functions(): it returned null", "tableProviders(): stack overflow");
    assertThat(report.name()).isEqualTo("nothing");
    assertThat(session.pluginHost().classLoader("nothing")).isNull();
    assertThat(session.functions().snapshot().plugins()).isEmpty();
  }
}
