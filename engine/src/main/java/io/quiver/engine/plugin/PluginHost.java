package io.quiver.engine.plugin;

import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.function.FunctionRegistry;
import io.quiver.udf.QuiverVersion;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.plugin.PluginManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars into one session: each jar in its own {@link PluginClassLoader}, its
 * functions into the session's {@link FunctionRegistry} (as a layer named after the plugin) and
 * its tables into the session's {@link Catalog}.
 *
 * <p>Errors: a caller's mistake throws ({@code IO} for a path that does not exist or cannot be
 * read, {@code ACCESS} for a path that is not a regular file, {@code DATA} for options that are
 * not a JSON object); anything that is the plugin's fault never throws but ends in the returned
 * {@link PluginLoadReport}, with every export that could be loaded still usable.
 *
 * <p>A plugin is known by its manifest name: loading a plugin whose name is already loaded
 * first unloads the earlier one (its functions, its tables and its class loader), whatever the
 * outcome of the new load. Closing the host unloads every plugin.
 */
public final class PluginHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  /** A plugin with exports in the session: what unloading it has to undo. */
  private record Loaded(String name, PluginClassLoader loader, Map<String, QuiverTable> tables) {}

  private final FunctionRegistry functions;
  private final Catalog catalog;
  /** The latest report per plugin ("name:" key) or per unreadable jar ("jar:" key). */
  private final Map<String, PluginLoadReport> reports = new LinkedHashMap<>();
  private final Map<String, Loaded> loaded = new HashMap<>();
  private boolean closed;

  public PluginHost(FunctionRegistry functions, Catalog catalog) {
    this.functions = Objects.requireNonNull(functions, "functions is null");
    this.catalog = Objects.requireNonNull(catalog, "catalog is null");
  }

  /**
   * Loads the plugin in {@code jar}, handing it {@code optionsJson} ({@code "{}"} when null).
   *
   * @throws QuiverException IO when {@code jar} does not exist or cannot be read, ACCESS when
   *     it is not a regular file, DATA when the options are not a JSON object; never for a
   *     fault of the plugin, which the report describes
   */
  public synchronized PluginLoadReport load(Path jar, String optionsJson) {
    if (closed) {
      throw new QuiverException(ErrorKind.EXECUTION, "the session is closed");
    }
    Path path = checkPath(jar);
    String options = PluginOptions.check(optionsJson);
    PluginDiscovery.Result found = PluginDiscovery.discover(path);
    PluginManifest manifest = found.manifest();
    if (manifest != null) {
      unload(manifest.name());
    }
    PluginLoadReport report = found.failure() == null ? install(found, path, options)
        : failed(manifest, path, found.failure());
    remember(report, manifest != null);
    if (report.status() == PluginStatus.LOADED) {
      LOG.info("loaded plugin {}", report);
    } else {
      LOG.warn("plugin load: {}", report, report.exception());
    }
    return report;
  }

  /** The latest report of every plugin loaded or tried, in load order. */
  public synchronized List<PluginLoadReport> plugins() {
    return List.copyOf(reports.values());
  }

  /** Unloads every plugin: drops their tables and functions and closes their class loaders. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> names = new ArrayList<>(loaded.keySet());
    Collections.reverse(names);
    for (String name : names) {
      unload(name);
    }
    reports.clear();
  }

  /** The class loader of a loaded plugin, or null (for tests). */
  synchronized PluginClassLoader classLoader(String name) {
    Loaded plugin = loaded.get(name);
    return plugin == null ? null : plugin.loader();
  }

  /** Builds the exports of a discovered plugin and puts them into the session. */
  private PluginLoadReport install(PluginDiscovery.Result found, Path path, String options) {
    PluginManifest manifest = found.manifest();
    String name = manifest.name();
    PluginExports exports = new PluginExports(name, found.plugin(),
        new HostPluginContext(options, QuiverVersion.quiver()), found.loader());
    Loaded plugin = new Loaded(name, found.loader(), exports.tables());
    List<DroppedExport> dropped = new ArrayList<>();
    List<String> functionNames = new ArrayList<>();
    try {
      exports.collectFunctions();
      exports.collectTables(catalog);
      dropped.addAll(exports.dropped());
      if (!exports.functions().isEmpty()) {
        try {
          functions.putPlugin(name, exports.functions());
          functionNames.addAll(distinctNames(exports.functions()));
        } catch (Throwable e) {
          PluginFaults.rethrowIfFatal(e);
          functions.removePlugin(name);
          dropped.add(new DroppedExport("functions()", PluginFaults.kindOf(e),
              "registering them failed: " + PluginFaults.explain(e), e));
        }
      }
    } catch (RuntimeException | Error e) {
      // A fatal JVM error or a bug in Quiver: undo what is in the session, then let it go.
      undo(plugin);
      throw e;
    }
    List<String> tableNames = new ArrayList<>(exports.tables().keySet());
    boolean anything = !functionNames.isEmpty() || !tableNames.isEmpty();
    if (dropped.isEmpty()) {
      loaded.put(name, plugin);
      return new PluginLoadReport(name, manifest.version(), PluginDiscovery.abi(manifest), path,
          PluginStatus.LOADED, null, null, functionNames, tableNames, List.of());
    }
    QuiverException error = exportsError(name, dropped, anything).withContext(jarContext(path));
    if (!anything) {
      undo(plugin);
      return new PluginLoadReport(name, manifest.version(), PluginDiscovery.abi(manifest), path,
          PluginStatus.FAILED, null, error, List.of(), List.of(), dropped);
    }
    loaded.put(name, plugin);
    return new PluginLoadReport(name, manifest.version(), PluginDiscovery.abi(manifest), path,
        PluginStatus.PARTIAL, null, error, functionNames, tableNames, dropped);
  }

  /** The report's error when exports were dropped: each one with its reason. */
  private static QuiverException exportsError(String name, List<DroppedExport> dropped,
      boolean anything) {
    StringBuilder text = new StringBuilder("plugin '").append(name).append("' ");
    text.append(anything ? "loaded without " + dropped.size()
        + (dropped.size() == 1 ? " export" : " exports") : "exports nothing usable").append(": ");
    for (int i = 0; i < dropped.size(); i++) {
      text.append(i > 0 ? "; " : "").append(dropped.get(i));
    }
    text.append(anything ? ". Its other exports are usable" : ". Fix the plugin and load it again");
    Throwable cause = null;
    for (DroppedExport export : dropped) {
      if (export.cause() != null) {
        cause = export.cause();
        break;
      }
    }
    return new QuiverException(dropped.get(0).kind(), text.toString(), cause);
  }

  private static PluginLoadReport failed(PluginManifest manifest, Path path,
      QuiverException failure) {
    failure.withContext(jarContext(path));
    if (manifest == null) {
      return new PluginLoadReport(path.getFileName().toString(), null, null, path,
          PluginStatus.FAILED, null, failure, List.of(), List.of(), List.of());
    }
    return new PluginLoadReport(manifest.name(), manifest.version(),
        PluginDiscovery.abi(manifest), path, PluginStatus.FAILED, null, failure, List.of(),
        List.of(), List.of());
  }

  private static String jarContext(Path path) {
    return "plugin jar '" + path + "'";
  }

  private static List<String> distinctNames(List<FunctionDefinition> definitions) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (FunctionDefinition definition : definitions) {
      names.add(definition.name());
    }
    return new ArrayList<>(names);
  }

  /** Keeps the newest report per plugin; a jar that now loads forgets its older failure. */
  private void remember(PluginLoadReport report, boolean named) {
    reports.remove("jar:" + report.path());
    String key = named ? "name:" + report.name() : "jar:" + report.path();
    reports.remove(key);
    reports.put(key, report);
  }

  /** Removes a loaded plugin's functions, tables and class loader; nothing when not loaded. */
  private void unload(String name) {
    Loaded plugin = loaded.remove(name);
    reports.remove("name:" + name);
    if (plugin != null) {
      undo(plugin);
      LOG.info("unloaded plugin {}", name);
    }
  }

  private void undo(Loaded plugin) {
    functions.removePlugin(plugin.name());
    for (Map.Entry<String, QuiverTable> table : new ArrayList<>(plugin.tables().entrySet())) {
      // The session may have dropped or replaced the table since; only ours is dropped.
      if (catalog.table(table.getKey()) != table.getValue()) {
        continue;
      }
      try {
        catalog.dropTable(table.getKey());
      } catch (Throwable e) {
        PluginFaults.rethrowIfFatal(e);
        LOG.warn("plugin {}: closing table '{}' failed", plugin.name(), table.getKey(), e);
      }
    }
    closeQuietly(plugin.loader());
  }

  static void closeQuietly(PluginClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.warn("closing the class loader of {} failed", loader.getName(), e);
    }
  }

  /**
   * The absolute path of {@code jar}, or a QuiverException: IO when it does not exist or cannot
   * be read, ACCESS when it is not a regular file (a directory, a device, a pipe).
   */
  static Path checkPath(Path jar) {
    Objects.requireNonNull(jar, "jar is null");
    Path path = jar.toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new QuiverException(ErrorKind.IO, "plugin jar '" + path + "' does not exist."
          + " Check the path (a relative path starts at " + Path.of("").toAbsolutePath() + ")");
    }
    if (!Files.isRegularFile(path)) {
      throw new QuiverException(ErrorKind.ACCESS, "'" + path + "' is not a regular file:"
          + " plugins are loaded only from jar files");
    }
    if (!Files.isReadable(path)) {
      throw new QuiverException(ErrorKind.IO, "plugin jar '" + path + "' cannot be read:"
          + " check its permissions");
    }
    return path;
  }
}
