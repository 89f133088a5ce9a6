package io.quiver.engine.kernel;

/**
 * Hot primitives over Arrow buffers, addressed by memory address. {@link JavaKernels} is the
 * default and the reference; a native implementation found through {@link java.util.ServiceLoader}
 * may replace it and must give identical results.
 *
 * <p>Addresses point at Arrow buffers; a validity address of 0 means "no nulls". Callers
 * check bounds once per batch before calling; kernels do not check per row.
 */
public interface Kernels {

  /** A name for EXPLAIN and the capabilities snapshot, for example {@code java}. */
  String name();

  /**
   * Mixes the hash of each value of a fixed-width column into {@code hashes}. With
   * {@code first}, the hashes are overwritten instead of combined. A NULL hashes as a fixed
   * constant.
   */
  void hashFixedWidth(long dataAddress, int byteWidth, long validityAddress, int rowCount,
      long[] hashes, boolean first);

  /** The same for a variable-width column (int32 offsets, as VARCHAR). */
  void hashVariableWidth(long offsetAddress, long dataAddress, long validityAddress,
      int rowCount, long[] hashes, boolean first);

  /**
   * Writes the indexes of rows whose byte in {@code flags} is 1 into {@code selection}; returns
   * how many. Branch-free.
   */
  int selectTrue(byte[] flags, int rowCount, int[] selection);
}
