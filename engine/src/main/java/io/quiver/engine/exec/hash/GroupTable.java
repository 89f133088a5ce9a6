package io.quiver.engine.exec.hash;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.Arrays;

/**
 * An open-addressing hash table from encoded keys (see {@link KeyEncoder}) to dense group ids
 * 0, 1, 2, ... Keys are copied into one byte arena; the table grows by doubling.
 */
public final class GroupTable {
  private int[] slots;
  private int mask;
  private long[] groupHashes = new long[1024];
  private int[] groupOffsets = new int[1025];
  private byte[] arena = new byte[1 << 16];
  private int groupCount;

  public GroupTable() {
    slots = new int[1024];
    mask = slots.length - 1;
  }

  public int groupCount() {
    return groupCount;
  }

  /** Assigns a group id to each encoded row of {@code keys}, inserting new groups. */
  public void findOrInsert(KeyEncoder keys, int[] groupIds) {
    byte[] bytes = keys.bytes();
    for (int row = 0, rows = keys.rowCount(); row < rows; row++) {
      groupIds[row] = findOrInsert(bytes, keys.offset(row), keys.length(row), keys.hash(row));
    }
  }

  public int findOrInsert(byte[] bytes, int offset, int length, long hash) {
    int slot = (int) hash & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return insert(slot, bytes, offset, length, hash);
      }
      int group = entry - 1;
      if (groupHashes[group] == hash) {
        int start = groupOffsets[group];
        int end = groupOffsets[group + 1];
        if (end - start == length
            && Arrays.equals(arena, start, end, bytes, offset, offset + length)) {
          return group;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The group of a key, or -1 when absent. */
  public int find(byte[] bytes, int offset, int length, long hash) {
    int slot = (int) hash & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int group = entry - 1;
      if (groupHashes[group] == hash) {
        int start = groupOffsets[group];
        int end = groupOffsets[group + 1];
        if (end - start == length
            && Arrays.equals(arena, start, end, bytes, offset, offset + length)) {
          return group;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int slot, byte[] bytes, int offset, int length, long hash) {
    int group = groupCount;
    if (group + 1 >= groupHashes.length) {
      groupHashes = Arrays.copyOf(groupHashes, groupHashes.length * 2);
      groupOffsets = Arrays.copyOf(groupOffsets, groupOffsets.length * 2);
    }
    int start = groupOffsets[group];
    long end = (long) start + length;
    if (end > Integer.MAX_VALUE - 16) {
      throw new QuiverException(ErrorKind.RESOURCE, "grouping keys exceed 2 GiB");
    }
    if (end > arena.length) {
      arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 16,
          Math.max(end, arena.length * 2L)));
    }
    System.arraycopy(bytes, offset, arena, start, length);
    groupOffsets[group + 1] = (int) end;
    groupHashes[group] = hash;
    slots[slot] = group + 1;
    groupCount++;
    if (groupCount * 2 > slots.length) {
      rehash();
    }
    return group;
  }

  private void rehash() {
    int[] bigger = new int[slots.length * 2];
    int biggerMask = bigger.length - 1;
    for (int group = 0; group < groupCount; group++) {
      int slot = (int) groupHashes[group] & biggerMask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & biggerMask;
      }
      bigger[slot] = group + 1;
    }
    slots = bigger;
    mask = biggerMask;
  }

  public byte[] arena() {
    return arena;
  }

  public int keyOffset(int group) {
    return groupOffsets[group];
  }

  /** Heap bytes held, for memory accounting. */
  public long heapBytes() {
    return slots.length * 4L + groupHashes.length * 12L + arena.length;
  }
}
