package io.quiver.udf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions this build of Quiver was made with (from the build, not hard-coded). */
public final class QuiverVersion {
  private static final Properties VERSIONS = load();

  private QuiverVersion() {}

  public static String quiver() {
    return VERSIONS.getProperty("quiver.version", "unknown");
  }

  public static String arrow() {
    return VERSIONS.getProperty("arrow.version", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = QuiverVersion.class.getResourceAsStream("quiver-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Versions stay "unknown"; nothing else depends on them.
    }
    return properties;
  }
}
