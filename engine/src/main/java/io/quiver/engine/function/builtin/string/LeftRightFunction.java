package io.quiver.engine.function.builtin.string;

import io.quiver.engine.expr.runtime.Utf8Strings;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code left(VARCHAR, BIGINT)} and {@code right(VARCHAR, BIGINT)}: the first (last) {@code n}
 * characters; a negative {@code n} gives all but the last (first) {@code -n} characters, as in
 * PostgreSQL and DuckDB. Characters are code points. Any BIGINT is accepted (DuckDB rejects
 * counts beyond 2^32).
 */
public final class LeftRightFunction extends VarcharFunction {
  private static final Signature SIGNATURE =
      Signature.of(Types.VARCHAR, Types.VARCHAR, Types.BIGINT);

  private final boolean left;

  private LeftRightFunction(boolean left) {
    super(left ? "left" : "right", SIGNATURE,
        left ? "the first n characters (n < 0: all but the last -n)"
            : "the last n characters (n < 0: all but the first -n)");
    this.left = left;
  }

  /** {@code left(s, n)}. */
  public static LeftRightFunction left() {
    return new LeftRightFunction(true);
  }

  /** {@code right(s, n)}. */
  public static LeftRightFunction right() {
    return new LeftRightFunction(false);
  }

  @Override
  void write(ScalarArguments arguments, Utf8ResultBuilder result) {
    Utf8Column text = new Utf8Column(arguments.vector(0));
    BigIntColumn counts = new BigIntColumn(arguments.vector(1));
    int rows = arguments.rowCount();
    for (int row = 0; row < rows; row++) {
      if (text.isNull(row) || counts.isNull(row)) {
        result.setNull(row);
        continue;
      }
      long address = text.address(row);
      int length = text.length(row);
      long count = counts.get(row);
      if (left) {
        long keep = count >= 0 ? count
            : Math.max(0, Utf8Strings.charLength(address, length) + count);
        result.append(row, address, Utf8Strings.skipChars(address, length, keep));
      } else {
        int from = count >= 0 ? lastChars(address, length, count)
            : Utf8Strings.skipChars(address, length,
                count == Long.MIN_VALUE ? Long.MAX_VALUE : -count);
        result.append(row, address + from, length - from);
      }
    }
  }

  /** The byte offset where the last {@code count} characters start (0 if there are fewer). */
  private static int lastChars(long address, int length, long count) {
    int from = length;
    while (count > 0 && from > 0) {
      from--;
      if ((MemoryUtil.getByte(address + from) & 0xC0) != 0x80) {
        count--;
      }
    }
    return from;
  }
}
