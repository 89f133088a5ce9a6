package io.quiver.engine.source.parquet;

/**
 * PLAIN_DICTIONARY / RLE_DICTIONARY data pages: one byte with the bit width, then dictionary
 * indices in the RLE/bit-packed hybrid; each index selects a value of the chunk's dictionary
 * page. An index outside the dictionary is a DATA error.
 */
final class DictionaryDecoder implements ValuesDecoder {
  private final PhysicalValues dictionary;
  private final RleBitPackedHybridDecoder indices;
  private int[] scratch = new int[256];

  DictionaryDecoder(PhysicalValues dictionary, byte[] data, int offset, int end) {
    if (dictionary == null) {
      throw ParquetData.corrupt("a dictionary-encoded data page comes before any dictionary"
          + " page");
    }
    if (offset >= end) {
      if (offset == end) {
        // A page with only nulls may carry no index data at all.
        this.dictionary = dictionary;
        this.indices = null;
        return;
      }
      throw ParquetData.corrupt("dictionary-encoded page has no bit width byte");
    }
    this.dictionary = dictionary;
    this.indices = new RleBitPackedHybridDecoder(data, offset + 1, end, data[offset] & 0xFF);
  }

  /** The dictionary page's values. */
  PhysicalValues dictionary() {
    return dictionary;
  }

  /**
   * Reads the next {@code count} (at least 1) indices, each checked to lie within the
   * dictionary, into the returned array's first {@code count} entries (valid until the next
   * call). For writers that take values straight from the dictionary.
   */
  int[] readIndices(int count) {
    if (indices == null) {
      throw ParquetData.corrupt("dictionary-encoded page has no index data");
    }
    if (scratch.length < count) {
      scratch = new int[count];
    }
    indices.read(scratch, 0, count);
    int size = dictionary.count();
    // a branch-free pass (the sign bit is set for any index outside [0, size)), then the
    // first bad index for the message
    int outside = 0;
    for (int i = 0; i < count; i++) {
      outside |= scratch[i] | (size - 1 - scratch[i]);
    }
    if (outside < 0) {
      for (int i = 0; i < count; i++) {
        if (scratch[i] < 0 || scratch[i] >= size) {
          throw ParquetData.corrupt("dictionary index %d is out of range (the dictionary has %d"
              + " entries)", scratch[i] & 0xFFFFFFFFL, size);
        }
      }
    }
    return scratch;
  }

  @Override
  public void read(int count, PhysicalValues out) {
    if (count == 0) {
      return;
    }
    readIndices(count);
    byte[] source = dictionary.bytes();
    if (dictionary.variableWidth()) {
      // One reservation for all the values' bytes and offsets, then a gather loop.
      int[] offsets = dictionary.offsets();
      long total = 0;
      for (int i = 0; i < count; i++) {
        int index = scratch[i];
        total += offsets[index + 1] - offsets[index];
      }
      // 8 bytes of slack: short values move as one 8-byte word.
      int start = out.reserveBytes(total + 8);
      out.reserveValues(count);
      byte[] target = out.bytes();
      int[] ends = out.offsets();
      int first = out.count() + 1;
      int at = start;
      int sourceWordEnd = source.length - 8;
      for (int i = 0; i < count; i++) {
        int index = scratch[i];
        int from = offsets[index];
        int valueSize = offsets[index + 1] - from;
        if (valueSize <= 8 && from <= sourceWordEnd) {
          PhysicalValues.LONG.set(target, at, (long) PhysicalValues.LONG.get(source, from));
        } else {
          System.arraycopy(source, from, target, at, valueSize);
        }
        at += valueSize;
        ends[first + i] = at;
      }
      out.commitVariable(count, at - start);
    } else {
      int width = dictionary.width();
      int target = out.reserveFixed(count);
      byte[] bytes = out.bytes();
      if (width == 4) {
        for (int i = 0; i < count; i++) {
          PhysicalValues.INT.set(bytes, target + 4 * i,
              (int) PhysicalValues.INT.get(source, 4 * scratch[i]));
        }
      } else if (width == 8) {
        for (int i = 0; i < count; i++) {
          PhysicalValues.LONG.set(bytes, target + 8 * i,
              (long) PhysicalValues.LONG.get(source, 8 * scratch[i]));
        }
      } else {
        for (int i = 0; i < count; i++) {
          System.arraycopy(source, scratch[i] * width, bytes, target + i * width, width);
        }
      }
      out.commitFixed(count);
    }
  }
}
