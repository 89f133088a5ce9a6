package io.quiver.engine.expr.runtime;

/**
 * A mutable signed 128-bit integer in two's complement: the unscaled value of a DECIMAL with
 * precision above 18. Compiled expressions keep one holder per expression node and reuse it for
 * every row, so wide decimal arithmetic allocates nothing; {@link Int128Math} does the work.
 */
public final class Int128 {
  /** The upper 64 bits (carries the sign). */
  public long high;
  /** The lower 64 bits, as unsigned. */
  public long low;

  /** A holder for zero. */
  public Int128() {}

  /** A holder for the given two halves. */
  public Int128(long high, long low) {
    this.high = high;
    this.low = low;
  }

  /** A holder for a long value (sign extended). */
  public static Int128 of(long value) {
    return new Int128(value >> 63, value);
  }

  /** Sets both halves; returns {@code this}. */
  public Int128 set(long high, long low) {
    this.high = high;
    this.low = low;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Int128 && ((Int128) other).high == high && ((Int128) other).low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high * 31 + low);
  }

  /** The decimal text of the integer value (allocates: for messages and tests). */
  @Override
  public String toString() {
    return Int128Math.toBigInteger(this).toString();
  }
}
