package io.quiver.engine.catalog;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@link TableProviderFactory} implementations on the engine's class path, found with
 * {@link ServiceLoader} at each call (so a module added to a running application's class
 * loader is seen; the lookup is cheap next to opening a table).
 */
public final class TableProviders {
  private TableProviders() {}

  /** Every provider, in class path order. A broken service entry is a PLUGIN error. */
  public static List<TableProviderFactory> all() {
    List<TableProviderFactory> providers = new ArrayList<>();
    try {
      for (TableProviderFactory provider : ServiceLoader.load(TableProviderFactory.class,
          TableProviderFactory.class.getClassLoader())) {
        providers.add(provider);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw QuiverException.wrap(ErrorKind.PLUGIN, "loading the table providers"
          + " (META-INF/services/" + TableProviderFactory.class.getName() + ")", e);
    }
    return providers;
  }

  /** The provider of {@code format} (ignoring case), or null when none is on the class path. */
  public static TableProviderFactory find(String format) {
    for (TableProviderFactory provider : all()) {
      if (provider.format().equalsIgnoreCase(format)) {
        return provider;
      }
    }
    return null;
  }

  /** The formats of the providers on the class path, in lower case. */
  public static List<String> formats() {
    List<String> formats = new ArrayList<>();
    for (TableProviderFactory provider : all()) {
      formats.add(provider.format().toLowerCase(Locale.ROOT));
    }
    return formats;
  }

  /** Adds the SQL functions of every provider on the class path to {@code session}. */
  public static void registerFunctions(QuiverSession session) {
    for (TableProviderFactory provider : all()) {
      try {
        provider.registerFunctions(session);
      } catch (RuntimeException | LinkageError e) {
        throw QuiverException.wrap(ErrorKind.PLUGIN, "registering the functions of table"
            + " provider '" + provider.format() + "'", e);
      }
    }
  }
}
