package io.quiver.engine.source.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Buffer-level writes into the Arrow vectors of nested columns: growing a vector to hold a
 * number of slots, and setting list offsets and validity bits in bulk from int arrays.
 */
final class NestedVectors {
  private NestedVectors() {}

  /**
   * Sizes a nested vector for {@code rows} values at every level (Arrow's default guesses five
   * list items per row at each level, which multiplies with depth); the reader grows what it
   * needs.
   */
  static void setInitialCapacity(FieldVector vector, int rows) {
    if (vector instanceof ListVector list) {
      list.setInitialCapacity(rows, 1.0);
      setInitialCapacity(list.getDataVector(), rows);
    } else if (vector instanceof StructVector struct) {
      struct.setInitialCapacity(rows);
      for (FieldVector child : struct.getChildrenFromFields()) {
        setInitialCapacity(child, rows);
      }
    } else {
      vector.setInitialCapacity(rows);
    }
  }

  /** Grows {@code vector} (not its children, where it can) until it holds {@code slots}. */
  static void ensureCapacity(FieldVector vector, int slots) {
    if (vector instanceof ListVector list) {
      while (list.getOffsetBuffer().capacity() < 4L * (slots + 1)
          || list.getValidityBuffer().capacity() * 8L < slots) {
        list.reAlloc();
      }
    } else if (vector instanceof StructVector struct) {
      while (struct.getValidityBuffer().capacity() * 8L < slots) {
        struct.reAlloc();
      }
    } else {
      while (vector.getValueCapacity() < slots) {
        vector.reAlloc();
      }
    }
  }

  /**
   * Writes a list vector's {@code slots} offsets ({@code offsets[0..slots]}) and validity
   * ({@code valid[i]} is 1 for a non-null list), and marks them set.
   */
  static void setList(ListVector list, int slots, int[] offsets, byte[] valid) {
    ensureCapacity(list, slots);
    ArrowBuf offsetBuffer = list.getOffsetBuffer();
    for (int i = 0; i <= slots; i++) {
      offsetBuffer.setInt(4L * i, offsets[i]);
    }
    setValidity(list.getValidityBuffer(), slots, valid);
    list.setLastSet(slots - 1);
  }

  /** Writes a struct vector's validity for {@code slots} slots. */
  static void setStruct(StructVector struct, int slots, byte[] valid) {
    ensureCapacity(struct, slots);
    setValidity(struct.getValidityBuffer(), slots, valid);
  }

  /** Sets validity bits {@code 0 .. slots} from {@code valid}, eight at a time. */
  private static void setValidity(ArrowBuf validity, int slots, byte[] valid) {
    int whole = slots >>> 3;
    for (int b = 0; b < whole; b++) {
      int at = b << 3;
      int bits = valid[at] | valid[at + 1] << 1 | valid[at + 2] << 2 | valid[at + 3] << 3
          | valid[at + 4] << 4 | valid[at + 5] << 5 | valid[at + 6] << 6 | valid[at + 7] << 7;
      validity.setByte(b, bits);
    }
    for (int i = whole << 3; i < slots; i++) {
      BitVectorHelper.setValidityBit(validity, i, valid[i]);
    }
  }
}
