package io.quiver.engine.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one plugin jar. It shares exactly two things with the host: Quiver's
 * extension API ({@code io.quiver.udf.*}) and Apache Arrow ({@code org.apache.arrow.*}), which
 * it takes from the host so that plugin and engine agree on {@code QuiverPlugin},
 * {@code FieldVector} and friends. Everything else is looked up child-first in the plugin's own
 * jar and then in the JDK (the platform class loader); the host's application classes (the
 * engine, Calcite, Jackson, SLF4J...) are invisible, so a plugin cannot depend on them by
 * accident and may bundle its own versions of any library.
 *
 * <p>{@code java.*} classes always come from the JDK (the JVM forbids defining them elsewhere).
 */
public final class PluginClassLoader extends URLClassLoader {
  /** Package prefixes whose classes come from the host; the plugin's copies are ignored. */
  public static final List<String> SHARED_PACKAGES = List.of("io.quiver.udf.", "org.apache.arrow.");

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader host;

  /**
   * @param name a name for diagnostics (shown in stack traces), for example the jar's file name
   * @param jar the plugin jar
   * @param host the loader the shared packages come from (the one that loaded Quiver)
   */
  public PluginClassLoader(String name, URL jar, ClassLoader host) {
    super(name, new URL[] {Objects.requireNonNull(jar, "jar is null")},
        ClassLoader.getPlatformClassLoader());
    this.host = Objects.requireNonNull(host, "host is null");
  }

  /** Whether the class (binary name, dotted) comes from the host rather than the plugin jar. */
  public static boolean isShared(String className) {
    for (String prefix : SHARED_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (isShared(name)) {
          loaded = host.loadClass(name);
        } else if (name.startsWith("java.")) {
          loaded = getParent().loadClass(name);
        } else {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notInJar) {
            loaded = getParent().loadClass(name);
          }
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    if (isSharedResource(name)) {
      return host.getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (isSharedResource(name)) {
      return host.getResources(name);
    }
    List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
    urls.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(urls);
  }

  /** Resources inside the shared packages ({@code io/quiver/udf/...}) come from the host. */
  private static boolean isSharedResource(String name) {
    return isShared(name.replace('/', '.'));
  }
}
