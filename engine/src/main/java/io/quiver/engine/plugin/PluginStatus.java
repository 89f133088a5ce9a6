package io.quiver.engine.plugin;

/** The outcome of loading a plugin. */
public enum PluginStatus {
  /** Every export loaded. */
  LOADED,
  /** Some exports loaded and are usable; others were dropped (see the report's dropped list). */
  PARTIAL,
  /** Nothing of the plugin is usable: the jar, its manifest, its ABI or every export failed. */
  FAILED
}
