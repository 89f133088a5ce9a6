package io.quiver.delta;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.catalog.TableProviderFactory;
import io.quiver.udf.function.TableSource;

/**
 * The {@code delta} table format for the engine's provider lookup (named in
 * {@code META-INF/services/io.quiver.engine.catalog.TableProviderFactory}), so
 * {@code session.registerDelta(name, uri, options)} and
 * {@code session.registerFileTable(name, "delta", uri, options)} work whenever quiver-delta is on
 * the class path, and the {@code quiver} command line gets {@code delta_scan}
 * ({@link #registerFunctions}).
 */
public final class DeltaTableProviderFactory implements TableProviderFactory {
  public static final String FORMAT = "delta";

  @Override
  public String format() {
    return FORMAT;
  }

  /** The latest snapshot of the table at {@code location}; it can travel to others. */
  @Override
  public TableSource open(QuiverSession session, String location, String optionsJson) {
    return new RegisteredDeltaTable(location, optionsJson, session::allocator,
        session.batchSize(), session.options()).open(null);
  }

  /** {@link DeltaFunctions#register}: {@code delta_scan} and the other Delta functions. */
  @Override
  public void registerFunctions(QuiverSession session) {
    DeltaFunctions.register(session);
  }
}
