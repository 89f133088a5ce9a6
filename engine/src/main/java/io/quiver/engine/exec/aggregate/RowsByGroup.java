package io.quiver.engine.exec.aggregate;

/**
 * One batch's rows ordered by group (a counting sort of the group ids): the rows of group
 * {@code g} are {@code rows()[starts()[g] .. starts()[g + 1])}, in their batch order.
 *
 * <p>Built once per batch and shared by every accumulator that takes it ({@link
 * GroupRunAccumulator}), so that with few groups an accumulator sums each group's run in
 * registers and writes its state once per group, instead of a read-modify-write of a group's
 * state per row (whose stores the next row of the same group waits for).
 */
public final class RowsByGroup {
  /** Up to this many groups a batch is worth ordering; beyond, rows rarely share a group. */
  static final int MAX_GROUPS = 1024;
  /** Below this many rows per group on average, the ordering costs more than it saves. */
  static final int MIN_ROWS_PER_GROUP = 8;

  private int[] rows = new int[0];
  private int[] starts = new int[0];
  private int[] next = new int[0];
  private int groupCount;

  /** Whether a batch of {@code rows} rows in {@code groupCount} groups is worth ordering. */
  static boolean worthIt(int rows, int groupCount) {
    return groupCount > 1 && groupCount <= MAX_GROUPS
        && rows >= (long) MIN_ROWS_PER_GROUP * groupCount;
  }

  /** Orders rows {@code [0, count)} by {@code groupIds[row]}, each in {@code [0, groupCount)}. */
  public void build(int[] groupIds, int count, int groupCount) {
    if (rows.length < count) {
      rows = new int[count];
    }
    if (starts.length < groupCount + 1) {
      starts = new int[groupCount + 1];
      next = new int[groupCount + 1];
    }
    this.groupCount = groupCount;
    int[] begin = starts;
    java.util.Arrays.fill(begin, 0, groupCount + 1, 0);
    for (int row = 0; row < count; row++) {
      begin[groupIds[row] + 1]++;
    }
    for (int group = 0; group < groupCount; group++) {
      begin[group + 1] += begin[group];
    }
    int[] at = next;
    System.arraycopy(begin, 0, at, 0, groupCount);
    int[] ordered = rows;
    for (int row = 0; row < count; row++) {
      ordered[at[groupIds[row]]++] = row;
    }
  }

  /** The rows, group by group. */
  public int[] rows() {
    return rows;
  }

  /** Where each group's run starts in {@link #rows()}; entry {@code groupCount} is the end. */
  public int[] starts() {
    return starts;
  }

  /** The number of groups. */
  public int groupCount() {
    return groupCount;
  }
}
