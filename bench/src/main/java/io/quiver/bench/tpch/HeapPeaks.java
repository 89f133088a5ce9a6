package io.quiver.bench.tpch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak use of the JVM heap, from the memory pools' peak counters. */
final class HeapPeaks {
  private HeapPeaks() {}

  /** Starts a new measurement: every heap pool's peak becomes its current use. */
  static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * The sum of the heap pools' peaks since {@link #reset()}: an upper bound of the heap's peak
   * (the pools need not peak at the same moment).
   */
  static long peakBytes() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
