package io.quiver.engine.function.builtin.string;

import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code concat_ws(separator VARCHAR, value VARCHAR...) -> VARCHAR}: the values joined by the
 * separator. NULL values are skipped (no separator for them), so all-NULL values give the empty
 * string; a NULL separator gives NULL (DuckDB, PostgreSQL). The values must be strings: cast
 * other types (DuckDB casts them implicitly).
 */
public final class ConcatWsFunction extends VarcharFunction {
  private static final Signature SIGNATURE = Signature.of(ReturnType.fixed(Types.VARCHAR),
          ArgumentType.exact(Types.VARCHAR), ArgumentType.exact(Types.VARCHAR))
      .withVariadic(true).withNullHandling(NullHandling.CALLED_ON_NULL);

  public ConcatWsFunction() {
    super("concat_ws", SIGNATURE, "the values joined by a separator, NULL values skipped");
  }

  @Override
  void write(ScalarArguments arguments, Utf8ResultBuilder result) {
    Utf8Column separator = new Utf8Column(arguments.vector(0));
    Utf8Column[] values = new Utf8Column[arguments.size() - 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = new Utf8Column(arguments.vector(i + 1));
    }
    int rows = arguments.rowCount();
    for (int row = 0; row < rows; row++) {
      if (separator.isNull(row)) {
        result.setNull(row);
        continue;
      }
      long separatorAddress = separator.address(row);
      int separatorLength = separator.length(row);
      long total = 0;
      int present = 0;
      for (Utf8Column value : values) {
        if (!value.isNull(row)) {
          total += value.length(row);
          present++;
        }
      }
      if (present > 1) {
        total += (long) separatorLength * (present - 1);
      }
      long target = result.reserve(total);
      long at = target;
      boolean first = true;
      for (Utf8Column value : values) {
        if (value.isNull(row)) {
          continue;
        }
        if (!first) {
          MemoryUtil.copyMemory(separatorAddress, at, separatorLength);
          at += separatorLength;
        }
        first = false;
        int length = value.length(row);
        MemoryUtil.copyMemory(value.address(row), at, length);
        at += length;
      }
      result.commit(row, (int) total);
    }
  }
}
