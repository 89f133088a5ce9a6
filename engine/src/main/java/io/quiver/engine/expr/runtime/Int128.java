package io.quiver.engine.expr.runtime;

/** A mutable 128-bit two's complement integer (an unscaled DECIMAL wider than 18 digits). */
public final class Int128 {
  public long high;
  public long low;

  @Override
  public String toString() {
    return Int128Math.toBigDecimal(this, 0).toPlainString();
  }
}
