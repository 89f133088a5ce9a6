package io.quiver.engine.function.builtin.string;

import io.quiver.engine.expr.runtime.Utf8Strings;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * {@code ltrim}, {@code rtrim} and {@code btrim} (both ends), each with one argument (remove
 * spaces) or two (remove every character of the second argument, as {@code TRIM(... chars
 * FROM s)}). Spaces are the Unicode space separators (U+0020, no-break space U+00A0, U+3000 and
 * the other Zs characters), as DuckDB's {@code trim}; tabs and newlines stay. PostgreSQL's
 * one-argument forms, and the SQL {@code TRIM(s)}, remove U+0020 only. DuckDB has no
 * {@code btrim}: it is its {@code trim}.
 */
public final class TrimFunction extends VarcharFunction {
  private static final Signature SPACES = Signature.of(Types.VARCHAR, Types.VARCHAR);
  private static final Signature CHARACTERS =
      Signature.of(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);

  private final int mode;
  private final boolean characters;

  private TrimFunction(String name, int mode, boolean characters) {
    super(name, characters ? CHARACTERS : SPACES, description(mode, characters));
    this.mode = mode;
    this.characters = characters;
  }

  /** {@code ltrim(s)} or, with {@code characters}, {@code ltrim(s, chars)}. */
  public static TrimFunction ltrim(boolean characters) {
    return new TrimFunction("ltrim", Utf8Strings.TRIM_LEADING, characters);
  }

  /** {@code rtrim(s)} or, with {@code characters}, {@code rtrim(s, chars)}. */
  public static TrimFunction rtrim(boolean characters) {
    return new TrimFunction("rtrim", Utf8Strings.TRIM_TRAILING, characters);
  }

  /** {@code btrim(s)} or, with {@code characters}, {@code btrim(s, chars)}. */
  public static TrimFunction btrim(boolean characters) {
    return new TrimFunction("btrim", Utf8Strings.TRIM_BOTH, characters);
  }

  private static String description(int mode, boolean characters) {
    String where = mode == Utf8Strings.TRIM_LEADING ? "at the start"
        : mode == Utf8Strings.TRIM_TRAILING ? "at the end" : "at both ends";
    return characters ? "the string without the given characters " + where
        : "the string without spaces " + where;
  }

  @Override
  void write(ScalarArguments arguments, Utf8ResultBuilder result) {
    Utf8Column text = new Utf8Column(arguments.vector(0));
    Utf8Column set = characters ? new Utf8Column(arguments.vector(1)) : null;
    int rows = arguments.rowCount();
    for (int row = 0; row < rows; row++) {
      if (text.isNull(row) || set != null && set.isNull(row)) {
        result.setNull(row);
        continue;
      }
      long address = text.address(row);
      int length = text.length(row);
      if (set != null) {
        long view = Utf8Strings.trim(address, length, mode, set.address(row), set.length(row));
        result.append(row, address + Utf8Strings.viewOffset(view), Utf8Strings.viewLength(view));
        continue;
      }
      int from = 0;
      int to = length;
      if (mode != Utf8Strings.TRIM_TRAILING) {
        while (from < to) {
          int size = spaceAt(address + from, to - from);
          if (size == 0) {
            break;
          }
          from += size;
        }
      }
      if (mode != Utf8Strings.TRIM_LEADING) {
        while (to > from) {
          int start = to - 1;
          while (start > from && (MemoryUtil.getByte(address + start) & 0xC0) == 0x80) {
            start--;
          }
          if (spaceAt(address + start, to - start) != to - start) {
            break;
          }
          to = start;
        }
      }
      result.append(row, address + from, to - from);
    }
  }

  /** The byte size of the space separator at {@code address}, or 0 if none starts there. */
  private static int spaceAt(long address, int available) {
    byte lead = MemoryUtil.getByte(address);
    if (lead >= 0) {
      return lead == ' ' ? 1 : 0;
    }
    int size = Utf8Strings.sequenceLength(lead);
    if (size > available) {
      return 0;
    }
    int codePoint = Utf8Strings.decode(address, size);
    return Character.getType(codePoint) == Character.SPACE_SEPARATOR ? size : 0;
  }
}
