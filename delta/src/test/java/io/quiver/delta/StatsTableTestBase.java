package io.quiver.delta;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.SessionTestBase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests on the {@link StatsTables} table, written once per test class: a session with
 * {@code delta_scan} and small batches (so a data file spans several), and a
 * {@link DeltaScanHarness} for direct scans. The leak checks are {@link SessionTestBase}'s.
 */
abstract class StatsTableTestBase extends SessionTestBase {
  static final int BATCH = 16;

  @TempDir
  static Path temp;
  static Path table;
  DeltaScanHarness harness;

  @Override
  protected QuiverSession newSession() {
    QuiverSession session = QuiverSession.builder().batchSize(BATCH).build();
    DeltaFunctions.register(session);
    return session;
  }

  @BeforeAll
  static void writeTable() {
    table = StatsTables.write(temp.resolve("t"));
  }

  @BeforeEach
  void openHarness() {
    harness = new DeltaScanHarness(session, BATCH);
  }
}
