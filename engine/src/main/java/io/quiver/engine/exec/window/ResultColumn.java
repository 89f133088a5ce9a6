package io.quiver.engine.exec.window;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.Types.MinorType;

/**
 * The result vector of a numeric window function, written by address: integers into any
 * integer type (range-checked), DOUBLE/REAL, or DECIMAL; doubles into DOUBLE/REAL; 128-bit
 * decimals into DECIMAL. Rows not written stay NULL.
 */
final class ResultColumn {
  private final FieldVector vector;
  private final String function;
  private final MinorType type;
  private final long data;
  private final long validity;
  private final int scale;
  private final BigInteger decimalLimit;
  private final long limitLow;
  private final long limitHigh;

  ResultColumn(FieldVector vector, int rowCount, String function) {
    if (!(vector instanceof BaseFixedWidthVector fixed)) {
      throw new QuiverException(ErrorKind.INTERNAL, function + " cannot produce "
          + vector.getField().getType() + " (a bug in Quiver)");
    }
    this.vector = vector;
    this.function = function;
    this.type = vector.getMinorType();
    switch (type) {
      case TINYINT, SMALLINT, INT, BIGINT, FLOAT4, FLOAT8, DECIMAL -> { }
      default -> throw new QuiverException(ErrorKind.INTERNAL, function + " cannot produce "
          + vector.getField().getType() + " (a bug in Quiver)");
    }
    fixed.allocateNew(rowCount);
    fixed.setValueCount(rowCount);
    this.data = rowCount == 0 ? 0 : fixed.getDataBufferAddress();
    this.validity = rowCount == 0 ? 0 : fixed.getValidityBufferAddress();
    if (vector instanceof DecimalVector decimal) {
      scale = decimal.getScale();
      decimalLimit = BigInteger.TEN.pow(Math.min(decimal.getPrecision(), 38));
      limitLow = decimalLimit.longValue();
      limitHigh = decimalLimit.shiftRight(64).longValue();
    } else {
      scale = 0;
      decimalLimit = null;
      limitLow = 0;
      limitHigh = 0;
    }
  }

  FieldVector vector() {
    return vector;
  }

  private void markValid(int row) {
    long address = validity + (row >>> 3);
    MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (row & 7))));
  }

  boolean isValid(int row) {
    return BitBuffers.isSet(validity, row);
  }

  void setLong(int row, long value) {
    switch (type) {
      case BIGINT -> MemoryUtil.putLong(data + 8L * row, value);
      case INT -> {
        if (value != (int) value) {
          throw overflow(value);
        }
        MemoryUtil.putInt(data + 4L * row, (int) value);
      }
      case SMALLINT -> {
        if (value != (short) value) {
          throw overflow(value);
        }
        MemoryUtil.putShort(data + 2L * row, (short) value);
      }
      case TINYINT -> {
        if (value != (byte) value) {
          throw overflow(value);
        }
        MemoryUtil.putByte(data + row, (byte) value);
      }
      case FLOAT8 -> MemoryUtil.putLong(data + 8L * row, Double.doubleToRawLongBits(value));
      case FLOAT4 -> MemoryUtil.putInt(data + 4L * row, Float.floatToRawIntBits(value));
      default -> {
        setDecimal(row, value, value >> 63, 0);
        return;
      }
    }
    markValid(row);
  }

  void setDouble(int row, double value) {
    switch (type) {
      case FLOAT8 -> MemoryUtil.putLong(data + 8L * row, Double.doubleToRawLongBits(value));
      case FLOAT4 -> MemoryUtil.putInt(data + 4L * row, Float.floatToRawIntBits((float) value));
      default -> throw new QuiverException(ErrorKind.INTERNAL, function
          + " produces a floating-point value but its result column is "
          + vector.getField().getType() + " (a bug in Quiver)");
    }
    markValid(row);
  }

  /**
   * Writes the 128-bit integer {@code (high, low)} holding a decimal of scale
   * {@code valueScale}; an integer result column takes it when it has scale 0.
   */
  void setDecimal(int row, long low, long high, int valueScale) {
    if (type != MinorType.DECIMAL) {
      if (valueScale == 0 && high == (low >> 63)) {
        setLong(row, low);
        return;
      }
      BigDecimal value = new BigDecimal(toBigInteger(low, high), valueScale);
      if (type == MinorType.FLOAT8 || type == MinorType.FLOAT4) {
        setDouble(row, value.doubleValue());
        return;
      }
      throw overflow(value);
    }
    if (valueScale == scale && withinPrecision(low, high)) {
      MemoryUtil.putLong(data + 16L * row, low);
      MemoryUtil.putLong(data + 16L * row + 8, high);
      markValid(row);
      return;
    }
    BigDecimal value = new BigDecimal(toBigInteger(low, high), valueScale);
    setBigDecimal(row, value);
  }

  /** Slow path for results that need rescaling: rounds half up to the column's scale. */
  void setBigDecimal(int row, BigDecimal value) {
    if (type != MinorType.DECIMAL) {
      setDouble(row, value.doubleValue());
      return;
    }
    BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
    if (unscaled.abs().compareTo(decimalLimit) >= 0) {
      throw overflow(value);
    }
    long low = unscaled.longValue();
    long high = unscaled.shiftRight(64).longValue();
    MemoryUtil.putLong(data + 16L * row, low);
    MemoryUtil.putLong(data + 16L * row + 8, high);
    markValid(row);
  }

  /** Whether |(high, low)| < 10^precision, in 128-bit arithmetic. */
  private boolean withinPrecision(long low, long high) {
    if (high < 0) {
      low = -low;
      high = ~high + (low == 0 ? 1 : 0);
      if (high < 0) {
        return false;
      }
    }
    return high < limitHigh || (high == limitHigh && Long.compareUnsigned(low, limitLow) < 0);
  }

  static BigInteger toBigInteger(long low, long high) {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  private QuiverException overflow(Object value) {
    return new QuiverException(ErrorKind.EXECUTION, function + " result " + value
        + " is out of range for " + vector.getField().getType()
        + "; cast the argument to a wider type");
  }
}
