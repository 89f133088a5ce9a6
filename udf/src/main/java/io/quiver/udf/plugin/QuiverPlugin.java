package io.quiver.udf.plugin;

import java.util.List;

/**
 * A plugin, found with {@link java.util.ServiceLoader} in its jar ({@code
 * META-INF/services/io.quiver.udf.plugin.QuiverPlugin}) and loaded in its own class loader that
 * shares only Quiver's API ({@code io.quiver.udf}) and Arrow with the host.
 *
 * <p>Each export is built on its own: if {@link #functions} throws, the table providers still
 * load, and the other way round. Nothing a plugin throws takes the host down.
 */
public interface QuiverPlugin {

  PluginManifest manifest();

  /** The plugin's functions; called once per load. */
  default FunctionBundle functions(PluginContext context) {
    return FunctionBundle.of();
  }

  /** The plugin's tables; called once per load. */
  default List<TableProvider> tableProviders(PluginContext context) {
    return List.of();
  }
}
