package io.quiver.delta;

import io.quiver.engine.QuiverSession;

/**
 * Registers the Delta table functions on a session:
 * {@code DeltaFunctions.register(session)} adds {@code delta_scan} and the metadata table
 * functions {@code delta_history}, {@code delta_snapshot} and {@code delta_files}.
 *
 * <p>Why a static call and not a plugin: {@code quiver-delta} depends on the engine and needs
 * the session's allocator, and Quiver's plugin SPI loads a plugin jar in its own class loader
 * that shares only the {@code io.quiver.udf} API and Arrow; Delta Kernel lives on the
 * application's class path. So an application with quiver-delta on its class path registers
 * the functions once per session through the session's public function registry.
 */
public final class DeltaFunctions {
  private DeltaFunctions() {}

  /** Adds the Delta table functions to {@code session}'s function registry. */
  public static void register(QuiverSession session) {
    session.functions().register(new DeltaScanFunction(session::allocator,
        session.batchSize()));
    session.functions().register(new DeltaHistoryFunction(session::allocator, session.batchSize()));
    session.functions().register(new DeltaSnapshotFunction(session::allocator, session.batchSize()));
    session.functions().register(new DeltaFilesFunction(session::allocator, session.batchSize()));
  }
}
