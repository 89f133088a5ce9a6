package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScratchBytesTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void allocatesTheInitialCapacity() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 100)) {
      assertThat(scratch.capacity()).isGreaterThanOrEqualTo(100);
      assertThat(scratch.address()).isNotZero();
      assertThat(allocator.getAllocatedMemory()).isGreaterThanOrEqualTo(100);
    }
  }

  @Test
  void ensureCapacityWithinCapacityKeepsTheAddress() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 64)) {
      long address = scratch.address();
      assertThat(scratch.ensureCapacity(64)).isEqualTo(address);
      assertThat(scratch.ensureCapacity(0)).isEqualTo(address);
      assertThat(scratch.ensureCapacityKeep(10)).isEqualTo(address);
    }
  }

  @Test
  void ensureCapacityGrowsAtLeastToTheRequestAndReturnsTheNewAddress() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 16)) {
      long address = scratch.ensureCapacity(1000);
      assertThat(address).isEqualTo(scratch.address());
      assertThat(scratch.capacity()).isGreaterThanOrEqualTo(1000);
      MemoryUtil.putByte(address + 999, (byte) 7);
      assertThat(MemoryUtil.getByte(scratch.address() + 999)).isEqualTo((byte) 7);
    }
  }

  @Test
  void growthDoublesSoThatRepeatedSmallGrowthIsAmortised() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 16)) {
      int before = scratch.capacity();
      scratch.ensureCapacity(before + 1);
      assertThat(scratch.capacity()).isGreaterThanOrEqualTo(2 * before);
    }
  }

  @Test
  void ensureCapacityKeepCopiesTheContents() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 16)) {
      for (int i = 0; i < 16; i++) {
        MemoryUtil.putByte(scratch.address() + i, (byte) i);
      }
      long address = scratch.ensureCapacityKeep(4096);
      for (int i = 0; i < 16; i++) {
        assertThat(MemoryUtil.getByte(address + i)).isEqualTo((byte) i);
      }
    }
  }

  @Test
  void zeroInitialCapacityStillWorks() {
    try (ScratchBytes scratch = new ScratchBytes(allocator, 0)) {
      assertThat(scratch.capacity()).isPositive();
      scratch.ensureCapacity(5);
      assertThat(scratch.capacity()).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void closeIsIdempotentAndReleasesTheMemory() {
    ScratchBytes scratch = new ScratchBytes(allocator, 128);
    scratch.ensureCapacity(10_000);
    scratch.close();
    scratch.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void growingAfterCloseIsAClearError() {
    ScratchBytes scratch = new ScratchBytes(allocator, 16);
    scratch.close();
    assertThatThrownBy(() -> scratch.ensureCapacity(1000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after close");
  }

  @Test
  void negativeInitialCapacityIsRejected() {
    assertThatThrownBy(() -> new ScratchBytes(allocator, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
