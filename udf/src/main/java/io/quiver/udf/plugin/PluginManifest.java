package io.quiver.udf.plugin;

import io.quiver.udf.function.FunctionKind;
import java.util.Objects;
import java.util.Set;

/**
 * Who a plugin is and what it was built against.
 *
 * @param name unique name; plugin functions are listed with it as their source
 * @param version the plugin's own version
 * @param abiMajor plugin ABI major it was built for (see {@link PluginAbi})
 * @param abiMinor plugin ABI minor it was built for
 * @param quiverVersion Quiver version it was built with
 * @param arrowVersion Arrow Java version it was built with
 * @param exports the function kinds it exports
 */
public record PluginManifest(String name, String version, int abiMajor, int abiMinor,
    String quiverVersion, String arrowVersion, Set<FunctionKind> exports) {

  public PluginManifest {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(version, "version is null");
    exports = Set.copyOf(exports);
  }

  /** A manifest for the ABI, Quiver and Arrow versions of the build it is compiled against. */
  public static PluginManifest current(String name, String version, Set<FunctionKind> exports) {
    return new PluginManifest(name, version, PluginAbi.MAJOR, PluginAbi.MINOR,
        io.quiver.udf.QuiverVersion.quiver(), io.quiver.udf.QuiverVersion.arrow(), exports);
  }
}
