package io.quiver.udf.plugin;

/**
 * The version of the plugin interface this build of Quiver implements. A plugin built for ABI
 * {@code major.minor} loads when its major equals the host's and its minor is not above the
 * host's (a newer minor may use API the host does not have).
 */
public final class PluginAbi {
  private PluginAbi() {}

  public static final int MAJOR = 1;
  public static final int MINOR = 0;

  public static boolean isCompatible(int major, int minor) {
    return major == MAJOR && minor >= 0 && minor <= MINOR;
  }

  public static String current() {
    return MAJOR + "." + MINOR;
  }
}
