package io.quiver.engine.source.parquet;

import org.apache.arrow.vector.FieldVector;

/** Decodes one top-level column (a leaf chunk or a struct of them) batch by batch. */
interface ColumnReader {

  /** Decodes the next {@code rows} rows into {@code vector} starting at row {@code start}. */
  void read(int rows, FieldVector vector, int start);

  /**
   * The definition levels of the last {@link #read} of this column's first leaf (index 0 is
   * its first row), or null when that leaf has no levels (every row fully defined).
   */
  int[] levels();
}
