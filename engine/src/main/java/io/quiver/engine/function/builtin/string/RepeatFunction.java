package io.quiver.engine.function.builtin.string;

import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;

/**
 * {@code repeat(VARCHAR, BIGINT) -> VARCHAR}: the string repeated {@code count} times; a count
 * of zero or less gives the empty string (DuckDB, PostgreSQL). A result beyond the maximum
 * string size is a DATA error, checked before anything is allocated; one beyond the session's
 * memory is a RESOURCE error.
 */
public final class RepeatFunction extends VarcharFunction {
  private static final Signature SIGNATURE =
      Signature.of(Types.VARCHAR, Types.VARCHAR, Types.BIGINT);

  public RepeatFunction() {
    super("repeat", SIGNATURE, "the string repeated n times (empty when n <= 0)");
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
      long count = counts.get(row);
      int length = text.length(row);
      if (count <= 0 || length == 0) {
        result.commit(row, 0);
        continue;
      }
      long total = Utf8ResultBuilder.product(count, length);
      long target = result.reserve(total);
      RepeatedBytes.write(target, text.address(row), length, total);
      result.commit(row, (int) total);
    }
  }
}
