package io.quiver.engine.plugin;

import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What happened when a plugin jar was loaded. Loading a plugin never throws for a fault of the
 * plugin: the fault is recorded here, the host keeps running and whatever loaded stays usable.
 *
 * @param name the plugin's name from its manifest, or the jar's file name when the manifest
 *     could not be read
 * @param version the plugin's own version, or null when the manifest could not be read
 * @param abi the plugin ABI it was built for ({@code major.minor}), or null when the manifest
 *     could not be read
 * @param path the jar, as an absolute path
 * @param status LOADED, PARTIAL (some exports dropped) or FAILED (nothing usable)
 * @param error one line saying what failed and what to do; null when LOADED
 * @param exception the same as a QuiverException (kind PLUGIN, or RESOURCE when the plugin ran
 *     out of memory) whose context chain names the jar, with the plugin's own exception as its
 *     cause; null when LOADED
 * @param functions names of the functions registered, in the bundle's order (each name once)
 * @param tables names of the tables added to the catalog
 * @param dropped the exports left out, with the reason for each
 */
public record PluginLoadReport(String name, String version, String abi, Path path,
    PluginStatus status, String error, QuiverException exception, List<String> functions,
    List<String> tables, List<DroppedExport> dropped) {

  public PluginLoadReport {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(path, "path is null");
    Objects.requireNonNull(status, "status is null");
    functions = List.copyOf(functions);
    tables = List.copyOf(tables);
    dropped = List.copyOf(dropped);
    if ((status == PluginStatus.LOADED) != (exception == null)) {
      throw new IllegalArgumentException(
          "a report has an exception exactly when its status is not LOADED: " + status);
    }
    if (exception != null && error == null) {
      error = exception.getMessage();
    }
  }

  /** Whether some of the plugin is usable (LOADED or PARTIAL). */
  public boolean usable() {
    return status != PluginStatus.FAILED;
  }

  /** For logs: {@code acme 1.2 (ABI 1.0) LOADED from /path/acme.jar}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name);
    if (version != null) {
      text.append(' ').append(version);
    }
    if (abi != null) {
      text.append(" (ABI ").append(abi).append(')');
    }
    text.append(' ').append(status).append(" from ").append(path);
    if (error != null) {
      text.append(": ").append(error);
    }
    return text.toString();
  }
}
