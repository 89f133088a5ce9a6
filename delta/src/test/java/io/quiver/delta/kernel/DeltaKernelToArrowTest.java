package io.quiver.delta.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.types.LongType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernel columns to Arrow: a whole Arrow-backed column moves without copying; selected rows
 * (deletion vectors) and non-Arrow columns are copied.
 */
class DeltaKernelToArrowTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void wholeArrowColumnIsTransferredNotCopied() {
    Field field = DeltaArrowTypes.field("id", LongType.LONG, true);
    try (BigIntVector source = new BigIntVector(field, allocator)) {
      source.allocateNew(3);
      source.set(0, 10);
      source.setNull(1);
      source.set(2, 30);
      source.setValueCount(3);
      long address = source.getDataBuffer().memoryAddress();
      ArrowColumnVector column = new ArrowColumnVector(LongType.LONG, source, 0, 3);
      try (FieldVector moved = KernelToArrow.convert(column, LongType.LONG, field, null, 3,
          allocator)) {
        assertThat(moved.getDataBuffer().memoryAddress()).isEqualTo(address);
        assertThat(moved.getObject(0)).isEqualTo(10L);
        assertThat(moved.isNull(1)).isTrue();
        assertThat(moved.getValueCount()).isEqualTo(3);
      }
    }
  }

  @Test
  void selectedRowsAndOtherColumnsAreCopied() {
    Field field = DeltaArrowTypes.field("id", LongType.LONG, true);
    try (BigIntVector source = new BigIntVector(field, allocator)) {
      source.allocateNew(3);
      source.set(0, 10);
      source.set(1, 20);
      source.set(2, 30);
      source.setValueCount(3);
      ArrowColumnVector column = new ArrowColumnVector(LongType.LONG, source, 0, 3);
      try (FieldVector kept = KernelToArrow.convert(column, LongType.LONG, field,
          new int[] {0, 2}, 3, allocator);
          FieldVector indexes = KernelToArrow.convert(new RowIndexColumnVector(5, 2),
              LongType.LONG, field, null, 2, allocator)) {
        assertThat(List.of(kept.getObject(0), kept.getObject(1))).containsExactly(10L, 30L);
        assertThat(source.getValueCount()).isEqualTo(3);
        assertThat(List.of(indexes.getObject(0), indexes.getObject(1)))
            .containsExactly(5L, 6L);
      }
    }
  }
}
