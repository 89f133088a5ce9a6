package io.quiver.engine.function.builtin.string;

import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code reverse(VARCHAR) -> VARCHAR}: the characters in reverse order. As in DuckDB, a
 * user-perceived character (a letter with its combining accents, an emoji with its modifiers, a
 * flag) stays whole ({@link GraphemeClusters}); PostgreSQL reverses code points, which breaks
 * such characters apart. ASCII text is reversed byte by byte.
 */
public final class ReverseFunction extends VarcharFunction {
  private static final Signature SIGNATURE = Signature.of(Types.VARCHAR, Types.VARCHAR);

  public ReverseFunction() {
    super("reverse", SIGNATURE,
        "the characters in reverse order (accents and emoji sequences kept whole)");
  }

  @Override
  void write(ScalarArguments arguments, Utf8ResultBuilder result) {
    Utf8Column input = new Utf8Column(arguments.vector(0));
    int rows = arguments.rowCount();
    for (int row = 0; row < rows; row++) {
      if (input.isNull(row)) {
        result.setNull(row);
        continue;
      }
      long address = input.address(row);
      int length = input.length(row);
      long target = result.reserve(length);
      reverse(address, length, target);
      result.commit(row, length);
    }
  }

  /** Writes the {@code length} bytes at {@code source} to {@code target}, clusters reversed. */
  private static void reverse(long source, int length, long target) {
    int from = 0;
    while (from < length) {
      byte lead = MemoryUtil.getByte(source + from);
      int end;
      if (lead >= 0x20 && lead < 0x7F && (from + 1 == length
          || MemoryUtil.getByte(source + from + 1) >= 0)) {
        end = from + 1;
        MemoryUtil.putByte(target + length - end, lead);
        from = end;
        continue;
      }
      end = GraphemeClusters.end(source, length, from);
      MemoryUtil.copyMemory(source + from, target + length - end, end - from);
      from = end;
    }
  }
}
