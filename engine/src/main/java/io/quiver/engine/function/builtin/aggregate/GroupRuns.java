package io.quiver.engine.function.builtin.aggregate;

/**
 * Whether the rows of a batch come in runs of one group, judged from its first rows: then an
 * accumulator can sum each run in registers and update its group once per run. With few groups
 * (TPC-H Q1's four) or input ordered by the grouping keys, runs are long; with many groups in
 * random order they are single rows, and the row-by-row loop is faster.
 */
final class GroupRuns {
  /** Rows sampled at the start of a batch. */
  private static final int SAMPLE = 64;

  private GroupRuns() {}

  /** True when the first rows average at least two rows per run of one group. */
  static boolean clustered(int[] rows, int count, int[] groupIds) {
    int sampled = Math.min(count, SAMPLE);
    if (sampled < 2) {
      return false;
    }
    int changes = 0;
    int previous = groupIds[rows[0]];
    for (int i = 1; i < sampled; i++) {
      int group = groupIds[rows[i]];
      changes += group != previous ? 1 : 0;
      previous = group;
    }
    return 2 * (changes + 1) <= sampled;
  }
}
