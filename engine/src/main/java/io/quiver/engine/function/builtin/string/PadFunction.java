package io.quiver.engine.function.builtin.string;

import io.quiver.engine.expr.runtime.Utf8Strings;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code lpad(VARCHAR, BIGINT, VARCHAR)} and {@code rpad(VARCHAR, BIGINT, VARCHAR)}: the string
 * padded on the left (right) to {@code n} characters with the fill string, repeated and cut as
 * needed; a string longer than {@code n} is cut to its first {@code n} characters, and
 * {@code n <= 0} gives the empty string. As in DuckDB, padding with an empty fill string is a
 * DATA error (PostgreSQL returns the string unpadded). A result beyond the maximum string size
 * is a DATA error.
 */
public final class PadFunction extends VarcharFunction {
  private static final Signature SIGNATURE =
      Signature.of(Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR);

  private final boolean left;

  private PadFunction(boolean left) {
    super(left ? "lpad" : "rpad", SIGNATURE, "the string padded on the " + (left ? "left" : "right")
        + " to n characters with a fill string (cut to n when longer)");
    this.left = left;
  }

  /** {@code lpad(s, n, fill)}. */
  public static PadFunction lpad() {
    return new PadFunction(true);
  }

  /** {@code rpad(s, n, fill)}. */
  public static PadFunction rpad() {
    return new PadFunction(false);
  }

  @Override
  void write(ScalarArguments arguments, Utf8ResultBuilder result) {
    Utf8Column text = new Utf8Column(arguments.vector(0));
    BigIntColumn widths = new BigIntColumn(arguments.vector(1));
    Utf8Column fill = new Utf8Column(arguments.vector(2));
    int rows = arguments.rowCount();
    for (int row = 0; row < rows; row++) {
      if (text.isNull(row) || widths.isNull(row) || fill.isNull(row)) {
        result.setNull(row);
        continue;
      }
      long address = text.address(row);
      int length = text.length(row);
      long width = widths.get(row);
      if (width <= 0) {
        result.commit(row, 0);
        continue;
      }
      int chars = Utf8Strings.charLength(address, length);
      if (width <= chars) {
        result.append(row, address, Utf8Strings.skipChars(address, length, width));
        continue;
      }
      long fillAddress = fill.address(row);
      int fillLength = fill.length(row);
      if (fillLength == 0) {
        throw new QuiverException(ErrorKind.DATA, name() + " cannot pad to " + width
            + " characters with an empty fill string");
      }
      long padChars = width - chars;
      int fillChars = Utf8Strings.charLength(fillAddress, fillLength);
      long padBytes = Utf8ResultBuilder.product(padChars / fillChars, fillLength);
      if (padBytes != Long.MAX_VALUE) {
        padBytes += Utf8Strings.skipChars(fillAddress, fillLength, padChars % fillChars);
      }
      long total = padBytes > Long.MAX_VALUE - length ? Long.MAX_VALUE : padBytes + length;
      long target = result.reserve(total);
      long padTarget = left ? target : target + length;
      long textTarget = left ? target + padBytes : target;
      RepeatedBytes.write(padTarget, fillAddress, fillLength, padBytes);
      MemoryUtil.copyMemory(address, textTarget, length);
      result.commit(row, (int) total);
    }
  }
}
