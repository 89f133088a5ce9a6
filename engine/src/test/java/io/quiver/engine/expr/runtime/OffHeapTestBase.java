package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the runtime helper tests: a fresh allocator, off-heap strings and a scratch buffer per
 * test, and a leak check after each test (the allocator must be empty).
 */
abstract class OffHeapTestBase {
  protected BufferAllocator allocator;
  protected OffHeapStrings strings;
  protected ScratchBytes scratch;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
    strings = new OffHeapStrings(allocator);
    scratch = new ScratchBytes(allocator, 16);
  }

  @AfterEach
  void closeAllocator() {
    scratch.close();
    strings.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** The address of {@code text} placed off-heap. */
  protected long at(String text) {
    return strings.put(text);
  }

  /** The UTF-8 byte length of {@code text}. */
  protected static int len(String text) {
    return OffHeapStrings.length(text);
  }

  /** The scratch contents of the given length as a string. */
  protected String scratchText(int length) {
    return OffHeapStrings.read(scratch.address(), length);
  }
}
