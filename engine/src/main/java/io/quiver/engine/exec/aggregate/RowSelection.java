package io.quiver.engine.exec.aggregate;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.batch.Validity;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * Narrows the row list an accumulator sees: FILTER (WHERE ...) keeps rows whose filter value
 * is TRUE, strict null handling drops rows where an argument is NULL. Both compact a row list
 * branch-free; {@code out} may be {@code rows} itself (the write position never passes the read
 * position).
 */
final class RowSelection {
  private RowSelection() {}

  /** Keeps the rows of {@code rows[0..count)} whose {@code filter} value is TRUE. */
  static int keepTrue(BitVector filter, int[] rows, int count, int[] out) {
    long data = filter.getDataBufferAddress();
    long validity = Validity.addressIfNulls(filter);
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int keep = BitBuffers.get(data, row);
      if (validity != 0) {
        keep &= BitBuffers.get(validity, row);
      }
      out[kept] = row;
      kept += keep;
    }
    return kept;
  }

  /** Whether any argument has a NULL in this batch (a NULL-typed argument always has). */
  static boolean anyNull(FieldVector[] arguments) {
    for (FieldVector argument : arguments) {
      if (argument instanceof NullVector || Validity.nullCount(argument) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Keeps the rows of {@code rows[0..count)} where no argument is NULL. Arguments without
   * NULLs cost one null count per batch.
   */
  static int keepNonNull(FieldVector[] arguments, int[] rows, int count, int[] out) {
    int kept = count;
    int[] source = rows;
    for (FieldVector argument : arguments) {
      if (argument instanceof NullVector) {
        return 0;
      }
      long validity = Validity.addressIfNulls(argument);
      if (validity == 0) {
        continue;
      }
      int next = 0;
      for (int i = 0; i < kept; i++) {
        int row = source[i];
        out[next] = row;
        next += BitBuffers.get(validity, row);
      }
      kept = next;
      source = out;
    }
    if (source != out && out != rows) {
      System.arraycopy(rows, 0, out, 0, kept);
    }
    return kept;
  }
}
