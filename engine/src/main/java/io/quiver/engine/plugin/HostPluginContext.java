package io.quiver.engine.plugin;

import io.quiver.udf.plugin.PluginContext;
import java.util.Objects;

/**
 * The {@link PluginContext} the host hands a plugin while it builds its exports.
 *
 * @param optionsJson the options given at load time, already checked to be a JSON object
 * @param hostVersion this Quiver's version
 */
record HostPluginContext(String optionsJson, String hostVersion) implements PluginContext {

  HostPluginContext {
    Objects.requireNonNull(optionsJson, "optionsJson is null");
    Objects.requireNonNull(hostVersion, "hostVersion is null");
  }
}
