package io.quiver.engine.function.builtin.math;

import io.quiver.engine.exec.batch.Validity;
import io.quiver.engine.expr.runtime.Int128;
import io.quiver.engine.expr.runtime.Int128Math;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.SqlTypeNames;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A numeric argument of any SQL number type (TINYINT to BIGINT, REAL, DOUBLE, DECIMAL) read in
 * place from its data buffer, by address, as a long, a double or a scaled 128-bit decimal. One
 * per argument per batch; the vector stays the host's.
 */
final class NumericColumn {
  /** How the values are stored. */
  enum Layout { INTEGER, FLOAT, DOUBLE, DECIMAL, NULL }

  private final Layout layout;
  private final int width;
  private final int scale;
  private final long data;
  private final long validity;

  NumericColumn(FieldVector vector, ArrowType type) {
    if (vector instanceof NullVector || type instanceof ArrowType.Null) {
      layout = Layout.NULL;
      width = 0;
      scale = 0;
      data = 0;
      validity = 0;
      return;
    }
    if (type instanceof ArrowType.Int integer) {
      layout = Layout.INTEGER;
      width = integer.getBitWidth() / 8;
      scale = 0;
    } else if (type instanceof ArrowType.FloatingPoint floating) {
      boolean single = floating.getPrecision() == FloatingPointPrecision.SINGLE;
      layout = single ? Layout.FLOAT : Layout.DOUBLE;
      width = single ? 4 : 8;
      scale = 0;
    } else if (type instanceof ArrowType.Decimal decimal && decimal.getBitWidth() == 128) {
      layout = Layout.DECIMAL;
      width = 16;
      scale = decimal.getScale();
    } else {
      throw new QuiverException(ErrorKind.INTERNAL, "not a supported number type: "
          + SqlTypeNames.of(type));
    }
    boolean empty = vector.getValueCount() == 0;
    data = empty ? 0 : vector.getDataBufferAddress();
    validity = empty ? 0 : Validity.addressIfNulls(vector);
  }

  Layout layout() {
    return layout;
  }

  /** The decimal scale (0 unless DECIMAL). */
  int scale() {
    return scale;
  }

  boolean isNull(int row) {
    return layout == Layout.NULL || Validity.isNull(validity, row);
  }

  /** The value of an INTEGER column. */
  long longAt(int row) {
    long address = data + (long) width * row;
    return switch (width) {
      case 1 -> MemoryUtil.getByte(address);
      case 2 -> MemoryUtil.getShort(address);
      case 4 -> MemoryUtil.getInt(address);
      default -> MemoryUtil.getLong(address);
    };
  }

  /** The value as the nearest double, whatever the layout. */
  double doubleAt(int row, Int128 scratch) {
    return switch (layout) {
      case INTEGER -> longAt(row);
      case FLOAT -> Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * row));
      case DOUBLE -> Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * row));
      case DECIMAL -> {
        Int128Math.readLittleEndian(data + 16L * row, scratch);
        yield Int128Math.toDouble(scratch, scale);
      }
      case NULL -> 0;
    };
  }

  /**
   * Writes the unscaled value at {@code toScale} (at least the column's scale) into
   * {@code out}; INTEGER and DECIMAL columns only.
   */
  void decimalAt(int row, int toScale, Int128 out) {
    if (layout == Layout.INTEGER) {
      long value = longAt(row);
      out.set(value >> 63, value);
      Int128Math.rescale(out, 0, toScale, out);
    } else {
      Int128Math.readLittleEndian(data + 16L * row, out);
      Int128Math.rescale(out, scale, toScale, out);
    }
  }
}
