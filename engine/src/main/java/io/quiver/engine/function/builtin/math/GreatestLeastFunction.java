package io.quiver.engine.function.builtin.math;

import io.quiver.engine.function.builtin.BuiltinDefinition;
import io.quiver.engine.expr.runtime.Int128;
import io.quiver.engine.expr.runtime.Int128Math;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * {@code greatest(NUMERIC...)} and {@code least(NUMERIC...)}: the largest (smallest) of the
 * arguments, of their common type ({@link NumericCommonType}). As in DuckDB and PostgreSQL,
 * NULL arguments are ignored and the result is NULL only when all are NULL. NaN is greater than
 * every number (DuckDB's order); among equal values (0.0 and -0.0) the first one wins.
 */
public final class GreatestLeastFunction extends BuiltinDefinition implements ScalarFunction {
  private static final Signature SIGNATURE = Signature.of(NumericCommonType.INSTANCE,
          ArgumentType.family(TypeFamily.NUMERIC))
      .withVariadic(true).withNullHandling(NullHandling.CALLED_ON_NULL);

  private final boolean greatest;

  private GreatestLeastFunction(boolean greatest) {
    super(greatest ? "greatest" : "least", SIGNATURE,
        (greatest ? "the largest" : "the smallest") + " argument, NULLs ignored");
    this.greatest = greatest;
  }

  public static GreatestLeastFunction greatest() {
    return new GreatestLeastFunction(true);
  }

  public static GreatestLeastFunction least() {
    return new GreatestLeastFunction(false);
  }

  @Override
  public FieldVector evaluate(ScalarArguments arguments) {
    NumericColumn[] columns = new NumericColumn[arguments.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new NumericColumn(arguments.vector(i), arguments.type(i));
    }
    FieldVector result = arguments.newResult();
    write(columns, arguments.resultField().getType(), arguments.rowCount(), result);
    return result;
  }

  private void write(NumericColumn[] columns, ArrowType type, int rows, FieldVector result) {
    long data = result.getDataBufferAddress();
    long validity = result.getValidityBufferAddress();
    if (type instanceof ArrowType.Int integer) {
      integers(columns, rows, integer.getBitWidth() / 8, data, validity);
    } else if (type instanceof ArrowType.FloatingPoint floating) {
      floats(columns, rows, floating.getPrecision() == FloatingPointPrecision.SINGLE, data,
          validity);
    } else {
      ArrowType.Decimal decimal = (ArrowType.Decimal) type;
      decimals(columns, rows, decimal.getPrecision(), decimal.getScale(), data, validity);
    }
    result.setValueCount(rows);
  }

  private void integers(NumericColumn[] columns, int rows, int width, long data, long validity) {
    for (int row = 0; row < rows; row++) {
      boolean found = false;
      long best = 0;
      for (NumericColumn column : columns) {
        if (column.isNull(row)) {
          continue;
        }
        long value = column.longAt(row);
        if (!found || (greatest ? value > best : value < best)) {
          best = value;
          found = true;
        }
      }
      if (found) {
        long address = data + (long) width * row;
        switch (width) {
          case 1 -> MemoryUtil.putByte(address, (byte) best);
          case 2 -> MemoryUtil.putShort(address, (short) best);
          case 4 -> MemoryUtil.putInt(address, (int) best);
          default -> MemoryUtil.putLong(address, best);
        }
        setValid(validity, row);
      }
    }
  }

  private void floats(NumericColumn[] columns, int rows, boolean single, long data,
      long validity) {
    Int128 scratch = new Int128();
    for (int row = 0; row < rows; row++) {
      boolean found = false;
      double best = 0;
      for (NumericColumn column : columns) {
        if (column.isNull(row)) {
          continue;
        }
        double value = column.doubleAt(row, scratch);
        if (single) {
          value = (float) value;
        }
        if (!found || better(value, best)) {
          best = value;
          found = true;
        }
      }
      if (found) {
        if (single) {
          MemoryUtil.putInt(data + 4L * row, Float.floatToRawIntBits((float) best));
        } else {
          MemoryUtil.putLong(data + 8L * row, Double.doubleToRawLongBits(best));
        }
        setValid(validity, row);
      }
    }
  }

  /** Whether {@code value} replaces {@code best}: NaN above every number, ties keep best. */
  private boolean better(double value, double best) {
    if (greatest) {
      return !Double.isNaN(best) && (Double.isNaN(value) || value > best);
    }
    return !Double.isNaN(value) && (Double.isNaN(best) || value < best);
  }

  private void decimals(NumericColumn[] columns, int rows, int precision, int scale, long data,
      long validity) {
    Int128 best = new Int128();
    Int128 value = new Int128();
    for (int row = 0; row < rows; row++) {
      boolean found = false;
      for (NumericColumn column : columns) {
        if (column.isNull(row)) {
          continue;
        }
        column.decimalAt(row, scale, value);
        int order = Int128Math.compare(value, best);
        if (!found || (greatest ? order > 0 : order < 0)) {
          Int128Math.copy(value, best);
          found = true;
        }
      }
      if (found) {
        Int128Math.checkPrecision(best, precision, scale);
        Int128Math.writeLittleEndian(best, data + 16L * row);
        setValid(validity, row);
      }
    }
  }

  private static void setValid(long validity, int row) {
    long address = validity + (row >>> 3);
    MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (row & 7))));
  }
}
