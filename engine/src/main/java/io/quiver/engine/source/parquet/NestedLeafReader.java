package io.quiver.engine.source.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads whole records of one leaf of a nested column: its repetition and definition levels
 * (kept for the batch, so {@link NestedColumnReader} can assemble the lists and structs above
 * the leaf) and its values, written into the leaf's vector at the leaf's slots (the level
 * entries whose definition level reaches the leaf's slot level; the others stand for an empty
 * or null list above it). Levels are decoded in segments of a page into int arrays and checked
 * there; a batch ends before the first repetition level 0 after the requested records, so a
 * record may span pages and batches always end at a record boundary.
 */
final class NestedLeafReader {
  private static final int SEGMENT = 4096;

  private final ColumnChunkReader chunk;
  private final NestedShape leaf;
  /** The smallest definition level a level entry repeating at level r may have, by r. */
  private final int[] minimumDefinition;
  private final int maxDefinition;
  private final int maxRepetition;
  private final int slotDefinition;

  private final int[] pendingRepetition = new int[SEGMENT];
  private final int[] pendingDefinition = new int[SEGMENT];
  private int pendingFrom;
  private int pendingTo;
  /** Level entries read since the start of the row group, for messages. */
  private long entriesRead;
  private long recordsRead;

  private int[] repetition = new int[1024];
  private int[] definition = new int[1024];
  private int[] slotLevels = new int[1024];
  private int count;
  private int slots;

  /**
   * @param minimumDefinition for each repetition level r (index r, 1..max), the definition
   *     level of the list element that level repeats
   */
  NestedLeafReader(ColumnChunkReader chunk, NestedShape leaf, int[] minimumDefinition) {
    this.chunk = chunk;
    this.leaf = leaf;
    this.minimumDefinition = minimumDefinition.clone();
    this.maxDefinition = leaf.leaf().maxDefinitionLevel();
    this.maxRepetition = leaf.maxRepetition();
    this.slotDefinition = leaf.slotDefinition();
  }

  NestedShape leaf() {
    return leaf;
  }

  /** Repetition levels of the last batch (the first {@link #count()} entries). */
  int[] repetition() {
    return repetition;
  }

  /** Definition levels of the last batch. */
  int[] definition() {
    return definition;
  }

  /** Level entries of the last batch. */
  int count() {
    return count;
  }

  /** Slots written into the leaf vector by the last batch. */
  int slots() {
    return slots;
  }

  /**
   * Reads the next {@code records} records: their levels, and their values into
   * {@code vector} from slot 0.
   */
  void readRecords(int records, FieldVector vector) {
    count = 0;
    slots = 0;
    int started = 0;
    while (true) {
      if (pendingFrom == pendingTo && !fill()) {
        break;
      }
      int i = pendingFrom;
      int[] pending = pendingRepetition;
      while (i < pendingTo) {
        if (pending[i] == 0) {
          if (started == records) {
            break;
          }
          started++;
        } else if (started == 0) {
          throw ParquetData.corrupt("leaf %s: level entry %d has repetition level %d where a"
              + " record must start (repetition level 0)", leaf.path(), entriesRead + i
              - pendingFrom, pending[i]);
        }
        i++;
      }
      take(pendingFrom, i, vector);
      pendingFrom = i;
      if (i < pendingTo) {
        break;
      }
    }
    if (started < records) {
      throw ParquetData.corrupt("leaf %s ends after %d records, but the row group has more"
          + " (its leaves disagree on the number of records, or its level data is cut short)",
          leaf.path(), recordsRead + started);
    }
    recordsRead += started;
  }

  /** True when the leaf has no level entries left in its column chunk. */
  boolean exhausted() {
    return pendingFrom == pendingTo && chunk.levelsAvailable() == 0;
  }

  /** Decodes the next segment of levels of the current page; false at the end of the chunk. */
  private boolean fill() {
    int available = chunk.levelsAvailable();
    if (available == 0) {
      return false;
    }
    int n = Math.min(available, SEGMENT);
    chunk.readLevels(pendingRepetition, pendingDefinition, 0, n);
    int highestRepetition = 0;
    int highestDefinition = 0;
    for (int i = 0; i < n; i++) {
      highestRepetition = Math.max(highestRepetition, pendingRepetition[i]);
      highestDefinition = Math.max(highestDefinition, pendingDefinition[i]);
    }
    if (highestRepetition > maxRepetition) {
      throw ParquetData.corrupt("leaf %s has repetition level %d near level entry %d, above"
          + " its maximum %d", leaf.path(), highestRepetition, entriesRead, maxRepetition);
    }
    if (highestDefinition > maxDefinition) {
      throw ParquetData.corrupt("leaf %s has definition level %d near level entry %d, above"
          + " its maximum %d", leaf.path(), highestDefinition, entriesRead, maxDefinition);
    }
    if (highestRepetition > 0) {
      for (int i = 0; i < n; i++) {
        int r = pendingRepetition[i];
        if (r > 0 && pendingDefinition[i] < minimumDefinition[r]) {
          throw ParquetData.corrupt("leaf %s: level entry %d repeats at level %d but its"
              + " definition level %d leaves that list empty", leaf.path(), entriesRead + i, r,
              pendingDefinition[i]);
        }
      }
    }
    pendingFrom = 0;
    pendingTo = n;
    return true;
  }

  /** Moves pending entries {@code from .. to} into the batch and writes their values. */
  private void take(int from, int to, FieldVector vector) {
    int n = to - from;
    if (n == 0) {
      return;
    }
    entriesRead += n;
    if (repetition.length < count + n) {
      int size = Math.max(count + n, repetition.length * 2);
      repetition = java.util.Arrays.copyOf(repetition, size);
      definition = java.util.Arrays.copyOf(definition, size);
    }
    System.arraycopy(pendingRepetition, from, repetition, count, n);
    System.arraycopy(pendingDefinition, from, definition, count, n);
    count += n;
    if (slotLevels.length < n) {
      slotLevels = new int[Math.max(n, slotLevels.length * 2)];
    }
    int segmentSlots = 0;
    int present = 0;
    int[] levels = pendingDefinition;
    for (int i = from; i < to; i++) {
      int level = levels[i];
      slotLevels[segmentSlots] = level;
      segmentSlots += level >= slotDefinition ? 1 : 0;
      present += level == maxDefinition ? 1 : 0;
    }
    if (segmentSlots == 0) {
      return;
    }
    NestedVectors.ensureCapacity(vector, slots + segmentSlots);
    chunk.writeValues(present, vector, slots, segmentSlots,
        maxDefinition > 0 ? slotLevels : null);
    slots += segmentSlots;
  }
}
