package io.quiver.engine.plugin;

import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.catalog.TableSourceTable;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.WindowFunction;
import io.quiver.udf.plugin.FunctionBundle;
import io.quiver.udf.plugin.PluginContext;
import io.quiver.udf.plugin.QuiverPlugin;
import io.quiver.udf.plugin.TableProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of loading a plugin: asks it for its exports and keeps the well-formed ones.
 * {@code functions()} and {@code tableProviders()} are each called once, on their own, so one
 * failing leaves the other usable; inside them each function and each table is checked on its
 * own and dropped alone when it is broken. Every drop is recorded with its reason.
 *
 * <p>Tables are opened and added to the catalog here (a name already taken in the session is
 * not overwritten: that table is dropped); functions are only collected, the host registers
 * them in one step.
 */
final class PluginExports {
  private static final Logger LOG = LoggerFactory.getLogger(PluginExports.class);

  private final String pluginName;
  private final QuiverPlugin plugin;
  private final PluginContext context;
  private final ClassLoader loader;
  private final List<FunctionDefinition> functions = new ArrayList<>();
  private final Map<String, QuiverTable> tables = new LinkedHashMap<>();
  private final List<DroppedExport> dropped = new ArrayList<>();

  PluginExports(String pluginName, QuiverPlugin plugin, PluginContext context,
      ClassLoader loader) {
    this.pluginName = pluginName;
    this.plugin = plugin;
    this.context = context;
    this.loader = loader;
  }

  /** The well-formed functions, in the bundle's order. */
  List<FunctionDefinition> functions() {
    return functions;
  }

  /** The tables added to the catalog, by the name they were added under. */
  Map<String, QuiverTable> tables() {
    return tables;
  }

  List<DroppedExport> dropped() {
    return dropped;
  }

  /** Calls {@code functions(context)} and keeps each valid function. */
  void collectFunctions() {
    FunctionBundle bundle = call("functions()", () -> plugin.functions(context),
        "it returned null; return FunctionBundle.of() when there are none");
    if (bundle == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    List<FunctionDefinition> definitions = bundle.functions();
    for (int i = 0; i < definitions.size(); i++) {
      FunctionDefinition definition = definitions.get(i);
      String export = "function #" + (i + 1);
      if (definition == null) {
        drop(export, "the bundle holds null");
        continue;
      }
      String name;
      Signature signature;
      FunctionKind kind;
      try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
        name = definition.name();
        export = name == null ? export : export + " '" + name + "'";
        signature = definition.signature();
        kind = definition.kind();
      } catch (Throwable e) {
        drop(export, e);
        continue;
      }
      String problem = problem(definition, name, signature, kind);
      if (problem != null) {
        drop(export, problem);
        continue;
      }
      String identity = name.toLowerCase(Locale.ROOT) + " " + kind + " " + signature.arguments()
          + (signature.variadic() ? "..." : "");
      if (!seen.add(identity)) {
        drop(export, "an earlier function of this plugin has the same name, kind and argument"
            + " types " + signature.arguments() + "; give one of them another name or other"
            + " argument types");
        continue;
      }
      functions.add(definition);
    }
  }

  /** What is wrong with a function's definition, or null when it can be registered. */
  private static String problem(FunctionDefinition definition, String name, Signature signature,
      FunctionKind kind) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "its name " + (name == null ? "is null" : "'" + name + "' is not a plain identifier")
          + ": use letters, digits and underscores, not starting with a digit";
    }
    if (signature == null) {
      return "signature() returned null";
    }
    if (kind == null) {
      return "kind() returned null";
    }
    Class<?> expected = switch (kind) {
      case SCALAR -> ScalarFunction.class;
      case AGGREGATE -> AggregateFunction.class;
      case WINDOW -> WindowFunction.class;
      case TABLE -> TableFunction.class;
    };
    if (!expected.isInstance(definition)) {
      return "kind() says " + kind + " but " + definition.getClass().getName()
          + " does not implement " + expected.getName();
    }
    return null;
  }

  /**
   * Calls {@code tableProviders(context)}, opens each provider's table and adds it to
   * {@code catalog} under the provider's name.
   */
  void collectTables(Catalog catalog) {
    List<TableProvider> providers = call("tableProviders()",
        () -> plugin.tableProviders(context),
        "it returned null; return List.of() when there are none");
    if (providers == null) {
      return;
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < providers.size(); i++) {
      TableProvider provider = providers.get(i);
      String export = "table provider #" + (i + 1);
      if (provider == null) {
        drop(export, "the list holds null");
        continue;
      }
      String name = call(export, provider::tableName, "tableName() returned null");
      if (name == null) {
        continue;
      }
      if (name.isBlank()) {
        drop(export, "tableName() returned a blank name");
        continue;
      }
      export = "table '" + name + "'";
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        drop(export, "an earlier table of this plugin has the same name");
        continue;
      }
      if (catalog.contains(name)) {
        drop(export, "the session already has a table or view named '" + name
            + "'; drop it before loading the plugin, or rename the plugin's table");
        continue;
      }
      QuiverTable table = open(provider, name, export);
      if (table == null) {
        continue;
      }
      catalog.putTable(name, table, false);
      tables.put(name, table);
    }
  }

  /** Opens the provider's source as a catalog table, or records why not and returns null. */
  private QuiverTable open(TableProvider provider, String name, String export) {
    TableSource source = call(export, provider::open, "open() returned null");
    if (source == null) {
      return null;
    }
    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
      return new TableSourceTable(name, source,
          "table '" + name + "' (plugin " + pluginName + ")");
    } catch (Throwable e) {
      drop(export, e);
      closeSource(source, name);
      return null;
    }
  }

  private void closeSource(TableSource source, String name) {
    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
      source.close();
    } catch (Throwable e) {
      PluginFaults.rethrowIfFatal(e);
      LOG.warn("plugin {}: closing the source of table '{}' failed", pluginName, name, e);
    }
  }

  /**
   * Calls into the plugin (its loader as the thread's context class loader) and returns what the
   * call returned; when it throws or returns null, records {@code export} as dropped (for the
   * failure, or for the reason {@code whenNull}) and returns null.
   */
  private <T> T call(String export, Supplier<T> call, String whenNull) {
    T result;
    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
      result = call.get();
    } catch (Throwable e) {
      drop(export, e);
      return null;
    }
    if (result == null) {
      drop(export, whenNull);
    }
    return result;
  }

  private void drop(String export, Throwable failure) {
    PluginFaults.rethrowIfFatal(failure);
    dropped.add(new DroppedExport(export, PluginFaults.kindOf(failure),
        PluginFaults.explain(failure), failure));
  }

  private void drop(String export, String reason) {
    dropped.add(new DroppedExport(export, ErrorKind.PLUGIN, reason, null));
  }
}
