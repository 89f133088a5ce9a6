package io.quiver.engine.exec.batch;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Gathers rows of a vector by index into a new vector: {@code target[i] = source[indexes[i]]},
 * where an index of {@code -1} produces NULL (the unmatched side of an outer join).
 *
 * <p>Fixed-width types copy values by address (branch-free: a {@code -1} reads row 0 and the
 * validity bit makes it NULL), variable-width types run two passes (total size, then copy),
 * and validity and {@code BitVector} data are built 64 bits at a time.
 */
public final class VectorGather {
  private VectorGather() {}

  /**
   * Allocates {@code target} for {@code count} values and sets {@code target[i] =
   * source[indexes[i]]} ({@code -1}: NULL), then sets its value count. The target's previous
   * buffers are released. {@code source} and {@code target} must have the same type.
   */
  public static void gather(FieldVector source, int[] indexes, int count, FieldVector target) {
    if (count < 0 || count > indexes.length) {
      throw new QuiverException(ErrorKind.INTERNAL,
          "gather of " + count + " rows with " + indexes.length + " indexes (a bug in Quiver)");
    }
    if (source.getClass() != target.getClass()) {
      throw new QuiverException(ErrorKind.INTERNAL, "gather from " + source.getField()
          + " into " + target.getField() + ": vector types differ (a bug in Quiver)");
    }
    int sourceCount = source.getValueCount();
    checkIndexes(indexes, count, sourceCount);
    if (source instanceof BitVector bits) {
      gatherBits(bits, indexes, count, (BitVector) target);
    } else if (source instanceof BaseFixedWidthVector fixed) {
      gatherFixedWidth(fixed, indexes, count, (BaseFixedWidthVector) target);
    } else if (source instanceof BaseVariableWidthVector variable) {
      gatherVariableWidth(variable, indexes, count, (BaseVariableWidthVector) target);
    } else {
      gatherGeneric(source, indexes, count, target);
    }
  }

  /**
   * {@link #gather} for a filter's selection: {@code selection[0, count)} are strictly increasing
   * rows of {@code source} (checked). Variable-width values then need no sizing pass (their
   * bytes lie between the first and the last selected row's), short values move as one word,
   * and a source without NULLs gives a target whose validity is set in bulk. Other types go
   * through {@link #gather}.
   */
  public static void gatherSelection(FieldVector source, int[] selection, int count,
      FieldVector target) {
    if (!(source instanceof BaseVariableWidthVector variable) || count == 0
        || source.getClass() != target.getClass()) {
      gather(source, selection, count, target);
      return;
    }
    int sourceCount = source.getValueCount();
    if (count > selection.length) {
      throw new QuiverException(ErrorKind.INTERNAL, "gather of " + count + " rows with "
          + selection.length + " indexes (a bug in Quiver)");
    }
    int previous = -1;
    boolean ascending = true;
    for (int i = 0; i < count; i++) {
      int row = selection[i];
      ascending &= row > previous;
      previous = row;
    }
    if (!ascending || previous >= sourceCount) {
      throw new QuiverException(ErrorKind.INTERNAL, "a selection of " + count + " rows is not"
          + " strictly increasing within a vector of " + sourceCount + " rows (a bug in Quiver)");
    }
    gatherSelectedVariableWidth(variable, selection, count, (BaseVariableWidthVector) target);
  }

  private static void gatherSelectedVariableWidth(BaseVariableWidthVector source,
      int[] selection, int count, BaseVariableWidthVector target) {
    long sourceOffsets = source.getOffsetBufferAddress();
    int firstStart = MemoryUtil.getInt(sourceOffsets + 4L * selection[0]);
    int lastEnd = MemoryUtil.getInt(sourceOffsets + 4L * selection[count - 1] + 4);
    // at most the bytes from the first selected value to the end of the last, plus one word of
    // slack for the last value's word move
    long bound = (long) lastEnd - firstStart;
    target.clear();
    target.allocateNew(bound + 8, count);
    long targetValidity = target.getValidityBufferAddress();
    if (Validity.nullCount(source) == 0) {
      BitBuffers.setBits(targetValidity, count, 0);
    } else {
      gatherValidity(source, selection, count, targetValidity);
    }
    long sourceData = source.getDataBufferAddress();
    long sourceWordEnd = source.getDataBuffer().capacity() - 8;
    long targetOffsets = target.getOffsetBufferAddress();
    long targetData = target.getDataBufferAddress();
    int position = 0;
    for (int i = 0; i < count; i++) {
      MemoryUtil.putInt(targetOffsets + 4L * i, position);
      long at = sourceOffsets + 4L * selection[i];
      int start = MemoryUtil.getInt(at);
      int length = MemoryUtil.getInt(at + 4) - start;
      if (length <= 8 && start <= sourceWordEnd) {
        MemoryUtil.putLong(targetData + position, MemoryUtil.getLong(sourceData + start));
      } else {
        MemoryUtil.copyMemory(sourceData + start, targetData + position, length);
      }
      position += length;
    }
    MemoryUtil.putInt(targetOffsets + 4L * count, position);
    target.setLastSet(count - 1);
    target.setValueCount(count);
  }

  /**
   * Gathers every column of {@code source} into a new root allocated from {@code allocator}
   * (the caller closes it).
   */
  public static VectorSchemaRoot gather(VectorSchemaRoot source, int[] indexes, int count,
      BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(source.getFieldVectors().size());
    try {
      for (FieldVector column : source.getFieldVectors()) {
        FieldVector target = column.getField().createVector(allocator);
        vectors.add(target);
        gather(column, indexes, count, target);
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(source.getSchema().getFields(), vectors, count);
  }

  private static void checkIndexes(int[] indexes, int count, int sourceCount) {
    boolean bad = false;
    for (int i = 0; i < count; i++) {
      int index = indexes[i];
      bad |= index < -1 | index >= sourceCount;
    }
    if (bad) {
      for (int i = 0; i < count; i++) {
        if (indexes[i] < -1 || indexes[i] >= sourceCount) {
          throw new QuiverException(ErrorKind.INTERNAL, "gather index " + indexes[i]
              + " at position " + i + " is outside a vector of " + sourceCount
              + " rows (a bug in Quiver)");
        }
      }
    }
  }

  /** Writes the target validity: valid where the index is not -1 and the source row is valid. */
  private static void gatherValidity(FieldVector source, int[] indexes, int count,
      long targetValidity) {
    // Counting the source's NULLs reads its whole validity buffer: worth it for a batch, not
    // for a large source (a join's build side) gathered a few rows at a time, whose bits are
    // then read at the gathered rows only.
    boolean sourceHasNulls = source.getValueCount() > 4L * count
        ? source.getValueCount() > 0 && source.getValidityBufferAddress() != 0
        : io.quiver.engine.exec.batch.Validity.nullCount(source) > 0;
    long sourceValidity = sourceHasNulls ? source.getValidityBufferAddress() : 0;
    long word = 0;
    int i = 0;
    for (; i < count; i++) {
      int index = indexes[i];
      long bit;
      if (sourceHasNulls) {
        bit = index < 0 ? 0 : BitBuffers.get(sourceValidity, index);
      } else {
        bit = (index >>> 31) ^ 1;
      }
      word |= bit << (i & 63);
      if ((i & 63) == 63) {
        BitBuffers.putWord(targetValidity, i - 63, word, 64);
        word = 0;
      }
    }
    int tail = count & 63;
    if (tail != 0) {
      BitBuffers.putWord(targetValidity, count - tail, word, tail);
    }
  }

  private static void gatherBits(BitVector source, int[] indexes, int count, BitVector target) {
    target.clear();
    target.allocateNew(count);
    if (count == 0) {
      target.setValueCount(0);
      return;
    }
    gatherValidity(source, indexes, count, target.getValidityBufferAddress());
    if (source.getValueCount() > 0) {
      long sourceData = source.getDataBufferAddress();
      long targetData = target.getDataBufferAddress();
      long word = 0;
      for (int i = 0; i < count; i++) {
        int index = indexes[i];
        int safe = index & ~(index >> 31);
        word |= (long) BitBuffers.get(sourceData, safe) << (i & 63);
        if ((i & 63) == 63) {
          BitBuffers.putWord(targetData, i - 63, word, 64);
          word = 0;
        }
      }
      int tail = count & 63;
      if (tail != 0) {
        BitBuffers.putWord(targetData, count - tail, word, tail);
      }
    }
    target.setValueCount(count);
  }

  private static void gatherFixedWidth(BaseFixedWidthVector source, int[] indexes, int count,
      BaseFixedWidthVector target) {
    if (source.getValueCount() > 0) {
      // every value below is written (a -1 index copies row 0 under a NULL): no zeroing first
      UnzeroedAllocation.allocate(target, count);
    } else {
      target.clear();
      target.allocateNew(count);
    }
    if (count == 0) {
      target.setValueCount(0);
      return;
    }
    gatherValidity(source, indexes, count, target.getValidityBufferAddress());
    if (source.getValueCount() > 0) {
      // An index of -1 reads row 0 (index & ~(index >> 31) == 0); the validity makes it NULL.
      long from = source.getDataBufferAddress();
      long to = target.getDataBufferAddress();
      int width = source.getTypeWidth();
      switch (width) {
        case 1 -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            MemoryUtil.putByte(to + i, MemoryUtil.getByte(from + (index & ~(index >> 31))));
          }
        }
        case 2 -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            MemoryUtil.putShort(to + 2L * i,
                MemoryUtil.getShort(from + 2L * (index & ~(index >> 31))));
          }
        }
        case 4 -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            MemoryUtil.putInt(to + 4L * i,
                MemoryUtil.getInt(from + 4L * (index & ~(index >> 31))));
          }
        }
        case 8 -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            MemoryUtil.putLong(to + 8L * i,
                MemoryUtil.getLong(from + 8L * (index & ~(index >> 31))));
          }
        }
        case 16 -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            long address = from + 16L * (index & ~(index >> 31));
            MemoryUtil.putLong(to + 16L * i, MemoryUtil.getLong(address));
            MemoryUtil.putLong(to + 16L * i + 8, MemoryUtil.getLong(address + 8));
          }
        }
        default -> {
          for (int i = 0; i < count; i++) {
            int index = indexes[i];
            MemoryUtil.copyMemory(from + (long) width * (index & ~(index >> 31)),
                to + (long) width * i, width);
          }
        }
      }
    }
    target.setValueCount(count);
  }

  private static void gatherVariableWidth(BaseVariableWidthVector source, int[] indexes,
      int count, BaseVariableWidthVector target) {
    long sourceOffsets = source.getValueCount() > 0 ? source.getOffsetBufferAddress() : 0;
    long total = 0;
    for (int i = 0; i < count; i++) {
      int index = indexes[i];
      if (index >= 0) {
        long at = sourceOffsets + 4L * index;
        total += MemoryUtil.getInt(at + 4) - MemoryUtil.getInt(at);
      }
    }
    if (total > Integer.MAX_VALUE) {
      throw new QuiverException(ErrorKind.RESOURCE, "gathering " + count + " values of "
          + source.getField() + " needs " + total + " bytes; a single vector holds at most "
          + Integer.MAX_VALUE + " bytes of variable-width data. Make the query produce fewer"
          + " or shorter values at once");
    }
    target.clear();
    target.allocateNew(Math.max(total, 1), count);
    if (count == 0) {
      target.setValueCount(0);
      return;
    }
    gatherValidity(source, indexes, count, target.getValidityBufferAddress());
    long sourceData = source.getValueCount() > 0 ? source.getDataBufferAddress() : 0;
    long targetOffsets = target.getOffsetBufferAddress();
    long targetData = target.getDataBufferAddress();
    int position = 0;
    for (int i = 0; i < count; i++) {
      MemoryUtil.putInt(targetOffsets + 4L * i, position);
      int index = indexes[i];
      if (index >= 0) {
        long at = sourceOffsets + 4L * index;
        int start = MemoryUtil.getInt(at);
        int length = MemoryUtil.getInt(at + 4) - start;
        MemoryCopies.copy(sourceData + start, targetData + position, length);
        position += length;
      }
    }
    MemoryUtil.putInt(targetOffsets + 4L * count, position);
    target.setLastSet(count - 1);
    target.setValueCount(count);
  }

  /** Types outside the engine's flat type set: row by row through Arrow's copy. */
  private static void gatherGeneric(FieldVector source, int[] indexes, int count,
      FieldVector target) {
    target.clear();
    target.setInitialCapacity(count);
    target.allocateNew();
    for (int i = 0; i < count; i++) {
      int index = indexes[i];
      if (index >= 0) {
        target.copyFromSafe(index, i, source);
      } else if (target instanceof ListVector list) {
        list.setNull(i);
      } else if (target instanceof StructVector struct) {
        struct.setNull(i);
      } else {
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "NULL rows of type " + target.getField().getType() + " cannot be produced here");
      }
    }
    target.setValueCount(count);
  }
}
