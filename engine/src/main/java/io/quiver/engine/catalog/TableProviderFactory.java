package io.quiver.engine.catalog;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.function.TableSource;

/**
 * A table format that a module on the class path adds to the engine without the engine
 * depending on it: {@code quiver-delta} names its factory (format {@code delta}) in
 * {@code META-INF/services/io.quiver.engine.catalog.TableProviderFactory}, and
 * {@link QuiverSession#registerDelta} and {@link QuiverSession#registerFileTable} find it with
 * {@link java.util.ServiceLoader} ({@link TableProviders}).
 *
 * <p>Unlike a plugin ({@code io.quiver.udf.plugin.QuiverPlugin}, loaded from a jar in its own
 * class loader and seeing only the {@code quiver-udf} API), a provider lives on the
 * application's class path and may use the engine (the session's allocator, the Parquet
 * reader).
 */
public interface TableProviderFactory {

  /** The format name, for example {@code delta}; matched ignoring case. */
  String format();

  /**
   * Opens the table at {@code location} as it is now (for Delta: the latest snapshot). Called
   * once when the table is registered (so a bad location fails there) and again when each
   * query that reads the table is planned; the query closes the source. Time travel goes
   * through the source's {@link TableSource#asOf}.
   *
   * @param session the session the table is registered in (its allocator and batch size)
   * @param location where the table is, as the user gave it (a path or URI)
   * @param optionsJson the format's options as a JSON object, or null
   */
  TableSource open(QuiverSession session, String location, String optionsJson);

  /**
   * Adds the format's SQL functions (for Delta: {@code delta_scan}) to {@code session}; the
   * {@code quiver} command line calls it for every provider on the class path. None by default.
   */
  default void registerFunctions(QuiverSession session) {}
}
