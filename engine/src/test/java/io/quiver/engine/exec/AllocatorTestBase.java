package io.quiver.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of tests of vectors and buffers: a root allocator per test, which must hold no memory
 * once the test is done (a leak check).
 */
public abstract class AllocatorTestBase {
  protected final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void checkNoLeak() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }
}
