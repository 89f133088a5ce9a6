package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Registering Arrow data from the caller's allocators, shared or copied. */
class RegisterTableTest {

  private static VectorSchemaRoot batch(BufferAllocator allocator) {
    IntVector numbers = new IntVector("n", allocator);
    BitVector flags = new BitVector("flag", allocator);
    numbers.allocateNew(3);
    flags.allocateNew(3);
    for (int i = 0; i < 3; i++) {
      numbers.set(i, i + 1);
      flags.set(i, i % 2);
    }
    flags.setNull(2);
    numbers.setValueCount(3);
    flags.setValueCount(3);
    return new VectorSchemaRoot(List.of(numbers, flags));
  }

  private static void assertQueryable(QuiverSession session) {
    try (QueryResult result = session.sql(
        "SELECT SUM(n), COUNT(flag), COUNT(*) FILTER (WHERE flag) FROM t")) {
      assertThat(result.toRows()).containsExactly(List.of(6L, 2L, 1L));
    }
  }

  @Test
  void batchesFromAnotherRootAreCopiedAndTheCallerMayCloseThem() {
    try (QuiverSession session = QuiverSession.open()) {
      try (RootAllocator foreign = new RootAllocator(); VectorSchemaRoot data = batch(foreign)) {
        session.registerTable("t", List.of(data));
      }
      assertQueryable(session);
      assertThat(session.allocator().getAllocatedMemory())
          .isEqualTo(session.tableAllocator().getAllocatedMemory());
    }
  }

  @Test
  void batchesUnderTheSessionRootAreSharedAndTheCallerMayCloseThem() {
    try (QuiverSession session = QuiverSession.open()) {
      try (BufferAllocator child = session.allocator().newChildAllocator("caller", 0, 1 << 20)) {
        try (VectorSchemaRoot data = batch(child)) {
          session.registerTable("t", List.of(data));
        }
        assertThat(child.getAllocatedMemory()).isZero();
      }
      assertQueryable(session);
    }
  }
}
