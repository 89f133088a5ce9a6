package io.quiver.engine.function.builtin.aggregate;

import java.util.Arrays;

/**
 * Growth of the per-group state arrays of the built-in accumulators: by doubling, so that
 * adding groups one batch after the other costs amortised O(1) per group. New slots are zero
 * (an empty group).
 */
final class GroupArrays {
  static final int INITIAL = 16;

  private GroupArrays() {}

  private static int size(int current, int needed) {
    return Math.max(needed, current * 2);
  }

  static long[] grow(long[] values, int needed) {
    return values.length >= needed ? values : Arrays.copyOf(values, size(values.length, needed));
  }

  static double[] grow(double[] values, int needed) {
    return values.length >= needed ? values : Arrays.copyOf(values, size(values.length, needed));
  }

  static boolean[] grow(boolean[] values, int needed) {
    return values.length >= needed ? values : Arrays.copyOf(values, size(values.length, needed));
  }

  static byte[][] grow(byte[][] values, int needed) {
    return values.length >= needed ? values : Arrays.copyOf(values, size(values.length, needed));
  }

  /** Grows {@code values}, filling new slots with {@code fill}. */
  static int[] grow(int[] values, int needed, int fill) {
    if (values.length >= needed) {
      return values;
    }
    int[] grown = Arrays.copyOf(values, size(values.length, needed));
    Arrays.fill(grown, values.length, grown.length, fill);
    return grown;
  }
}
