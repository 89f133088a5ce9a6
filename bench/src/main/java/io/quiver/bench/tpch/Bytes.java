package io.quiver.bench.tpch;

/** Byte counts as people read them. */
final class Bytes {
  private Bytes() {}

  /** {@code 1536} as {@code 1.5 KiB}, {@code 3 << 30} as {@code 3.0 GiB}. */
  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format("%.1f %s", value, units[unit]);
  }
}
