package io.quiver.engine.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.exec.AllocatorTestBase;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

class UnzeroedAllocationTest extends AllocatorTestBase {
  @Test
  void allocatesRowsThatStayNullUntilWritten() {
    try (IntVector vector = new IntVector("i", allocator)) {
      vector.allocateNew(4);
      vector.set(0, 7); // replaced by the allocation below
      vector.setValueCount(1);
      UnzeroedAllocation.allocate(vector, 100);
      assertThat(vector.getValueCapacity()).isGreaterThanOrEqualTo(100);
      assertThat(vector.getValueCount()).isZero();
      vector.setValueCount(100);
      assertThat(vector.getNullCount()).isEqualTo(100);
    }
  }

  @Test
  void growKeepsTheUsedRowsAndTheirNulls() {
    try (DecimalVector vector = new DecimalVector("d", allocator, 20, 2)) {
      UnzeroedAllocation.allocate(vector, 3);
      vector.set(0, 1234L);
      vector.setNull(1);
      vector.set(2, -5L);
      vector.setValueCount(3);
      UnzeroedAllocation.grow(vector, 3, 5000);
      assertThat(vector.getValueCapacity()).isGreaterThanOrEqualTo(5000);
      assertThat(vector.getValueCount()).isEqualTo(3);
      assertThat(vector.getObject(0)).isEqualByComparingTo("12.34");
      assertThat(vector.isNull(1)).isTrue();
      assertThat(vector.getObject(2)).isEqualByComparingTo("-0.05");
      vector.setValueCount(5000);
      assertThat(vector.getNullCount()).as("rows past the used ones are NULL").isEqualTo(4998);
    }
  }

  @Test
  void aBitVectorGrowsTheUsualWay() {
    try (BitVector bits = new BitVector("b", allocator)) {
      UnzeroedAllocation.grow(bits, 0, 100);
      assertThat(bits.getValueCapacity()).isGreaterThanOrEqualTo(100);
      bits.set(99, 1);
      bits.setValueCount(100);
      assertThat(bits.get(99)).isEqualTo(1);
      assertThat(bits.getNullCount()).isEqualTo(99);
    }
  }

  @Test
  void nullRowsGetZerosUnderThem() {
    try (IntVector vector = new IntVector("i", allocator)) {
      UnzeroedAllocation.allocate(vector, 3);
      for (int row = 0; row < 3; row++) {
        // stale bytes, as a reused buffer may hold
        vector.getDataBuffer().setInt(4L * row, 99);
      }
      vector.set(1, 5);
      vector.setValueCount(3);
      UnzeroedAllocation.clearNullValues(vector, 3);
      assertThat(vector.getDataBuffer().getInt(0)).isZero();
      assertThat(vector.get(1)).isEqualTo(5);
      assertThat(vector.getDataBuffer().getInt(8)).isZero();
    }
  }
}
