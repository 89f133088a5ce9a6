package io.quiver.engine.plugin;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.plugin.PluginAbi;
import io.quiver.udf.plugin.PluginManifest;
import io.quiver.udf.plugin.QuiverPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

/**
 * The first half of loading a plugin: from a jar on disk to one instance of its
 * {@link QuiverPlugin} with a readable manifest of a compatible ABI. Every way this can fail
 * (not a jar, no service entry, several plugins, a failing static initialiser or constructor,
 * a missing class, a bad manifest, an incompatible ABI) ends in a {@link Result} with a
 * failure, never in an exception, and the class loader closed.
 */
final class PluginDiscovery {
  static final String SERVICE_ENTRY = "META-INF/services/" + QuiverPlugin.class.getName();

  /**
   * The outcome: {@code failure} is null on success; {@code manifest} is set as soon as it was
   * read (also when the ABI then did not fit); {@code loader} is open only on success.
   */
  record Result(QuiverPlugin plugin, PluginManifest manifest, PluginClassLoader loader,
      QuiverException failure) {}

  private PluginDiscovery() {}

  /** Finds the plugin in {@code jar} (an existing, readable regular file). */
  static Result discover(Path jar) {
    QuiverException notAJar = checkJar(jar);
    if (notAJar != null) {
      return failed(null, null, notAJar);
    }
    PluginClassLoader loader;
    try {
      loader = new PluginClassLoader(jar.getFileName().toString(), jar.toUri().toURL(),
          QuiverPlugin.class.getClassLoader());
    } catch (MalformedURLException e) {
      return failed(null, null, new QuiverException(ErrorKind.PLUGIN,
          "the path of the plugin jar cannot be turned into a URL: " + e.getMessage(), e));
    }
    QuiverPlugin plugin;
    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
      List<ServiceLoader.Provider<QuiverPlugin>> providers = new ArrayList<>();
      try {
        Iterator<ServiceLoader.Provider<QuiverPlugin>> found =
            ServiceLoader.load(QuiverPlugin.class, loader).stream().iterator();
        while (found.hasNext()) {
          providers.add(found.next());
        }
      } catch (Throwable e) {
        return failed(loader, null, PluginFaults.toException(e, "finding the plugin class"));
      }
      if (providers.isEmpty()) {
        return failed(loader, null, new QuiverException(ErrorKind.PLUGIN,
            "the jar names no plugin class: " + SERVICE_ENTRY + " is empty. Write the name of"
                + " the class that implements " + QuiverPlugin.class.getName() + " into it"));
      }
      if (providers.size() > 1) {
        List<String> names = new ArrayList<>();
        providers.forEach(provider -> names.add(provider.type().getName()));
        return failed(loader, null, new QuiverException(ErrorKind.PLUGIN,
            "the jar names " + providers.size() + " plugin classes " + names + " in "
                + SERVICE_ENTRY + ": a jar holds exactly one plugin. Put each plugin into a jar"
                + " of its own"));
      }
      ServiceLoader.Provider<QuiverPlugin> provider = providers.get(0);
      String className = provider.type().getName();
      try {
        plugin = provider.get();
      } catch (Throwable e) {
        return failed(loader, null,
            PluginFaults.toException(e, "creating the plugin (class " + className + ")"));
      }
    }
    PluginManifest manifest;
    try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
      manifest = plugin.manifest();
    } catch (Throwable e) {
      return failed(loader, null, PluginFaults.toException(e,
          "reading the manifest (" + plugin.getClass().getName() + ".manifest())"));
    }
    if (manifest == null) {
      return failed(loader, null, new QuiverException(ErrorKind.PLUGIN,
          plugin.getClass().getName() + ".manifest() returned null: it must return a"
              + " PluginManifest (PluginManifest.current(name, version, exports))"));
    }
    if (!validName(manifest.name())) {
      return failed(loader, null, new QuiverException(ErrorKind.PLUGIN, "the plugin's name '"
          + manifest.name() + "' is not valid: use 1 to 64 letters, digits, '_', '-' or '.'"));
    }
    if (!PluginAbi.isCompatible(manifest.abiMajor(), manifest.abiMinor())) {
      return failed(loader, manifest, new QuiverException(ErrorKind.PLUGIN, "plugin '"
          + manifest.name() + "' was built for plugin ABI " + abi(manifest) + " but this Quiver"
          + " implements " + PluginAbi.current() + " (major versions must match; minor must not"
          + " be above the host's). Use a build of the plugin made for plugin ABI "
          + PluginAbi.current()));
    }
    return new Result(plugin, manifest, loader, null);
  }

  /** {@code major.minor} of the manifest. */
  static String abi(PluginManifest manifest) {
    return manifest.abiMajor() + "." + manifest.abiMinor();
  }

  static boolean validName(String name) {
    return name.matches("[A-Za-z0-9_.\\-]{1,64}");
  }

  /** Null when {@code jar} is a readable jar with the service entry; else why not. */
  private static QuiverException checkJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(SERVICE_ENTRY) == null) {
        return new QuiverException(ErrorKind.PLUGIN, "the jar has no " + SERVICE_ENTRY
            + " entry, so it holds no Quiver plugin. A plugin jar names its class that"
            + " implements " + QuiverPlugin.class.getName() + " in that file");
      }
      return null;
    } catch (IOException | SecurityException e) {
      return new QuiverException(ErrorKind.PLUGIN, "the file is not a readable jar ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + "). A plugin is a jar file:"
          + " check that it was copied completely", e);
    }
  }

  private static Result failed(PluginClassLoader loader, PluginManifest manifest,
      QuiverException failure) {
    if (loader != null) {
      PluginHost.closeQuietly(loader);
    }
    return new Result(null, manifest, null, failure);
  }
}
