package io.quiver.udf.plugin;

/** What the host hands a plugin when it loads it. */
public interface PluginContext {

  /** The options JSON text given at load time ({@code "{}"} when none was given). */
  String optionsJson();

  /** The host's Quiver version. */
  String hostVersion();
}
