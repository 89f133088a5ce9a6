package io.quiver.engine.exec.hash;

import io.quiver.engine.exec.batch.BitBuffers;
import io.quiver.engine.exec.batch.Validity;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Join keys that are one integer column (TINYINT to BIGINT, or DATE): each row's key as a long
 * and whether it is NULL. The join compares the longs and hashes them with {@link
 * KeyEncoder#mix}, instead of encoding each row into bytes, hashing the bytes and comparing
 * byte ranges (most joins of a star or snowflake schema are on one such key).
 */
public final class IntegerKeys {
  private long[] values = new long[0];
  private boolean[] isNull = new boolean[0];

  /**
   * Whether a join on these keys (one field per key and side) suits this form: one key, a
   * signed integer or a DATE on both sides, whose NULLs never match ({@code nullsMatch[0]}
   * false).
   */
  public static boolean applies(List<Field> buildKeys, List<Field> probeKeys,
      boolean[] nullsMatch) {
    return buildKeys.size() == 1 && probeKeys.size() == 1 && !nullsMatch[0]
        && integer(buildKeys.get(0).getType()) && integer(probeKeys.get(0).getType());
  }

  private static boolean integer(ArrowType type) {
    return type instanceof ArrowType.Int integer && integer.getIsSigned()
        || type instanceof ArrowType.Date date && date.getUnit() == DateUnit.DAY;
  }

  /** Reads rows {@code [0, rows)} of {@code column}, a vector of a type {@link #applies} takes. */
  public void load(FieldVector column, int rows) {
    if (!(column instanceof BigIntVector || column instanceof IntVector
        || column instanceof SmallIntVector || column instanceof TinyIntVector
        || column instanceof DateDayVector)) {
      throw new QuiverException(ErrorKind.INTERNAL, "join key " + column.getField()
          + " is not an integer column (a bug in Quiver)");
    }
    if (values.length < rows) {
      values = new long[rows];
      isNull = new boolean[rows];
    }
    long data = column.getDataBufferAddress();
    int width = column instanceof BigIntVector ? 8 : column instanceof SmallIntVector ? 2
        : column instanceof TinyIntVector ? 1 : 4;
    long[] out = values;
    switch (width) {
      case 8 -> {
        for (int row = 0; row < rows; row++) {
          out[row] = MemoryUtil.getLong(data + 8L * row);
        }
      }
      case 4 -> {
        for (int row = 0; row < rows; row++) {
          out[row] = MemoryUtil.getInt(data + 4L * row);
        }
      }
      case 2 -> {
        for (int row = 0; row < rows; row++) {
          out[row] = MemoryUtil.getShort(data + 2L * row);
        }
      }
      default -> {
        for (int row = 0; row < rows; row++) {
          out[row] = MemoryUtil.getByte(data + row);
        }
      }
    }
    long validity = rows == 0 ? 0 : Validity.addressIfNulls(column);
    for (int row = 0; row < rows; row++) {
      isNull[row] = validity != 0 && !BitBuffers.isSet(validity, row);
    }
  }

  /** Row {@code row}'s key (meaningless when it is NULL). */
  public long value(int row) {
    return values[row];
  }

  /** The keys, row by row (entries past the rows loaded are stale). */
  public long[] values() {
    return values;
  }

  public boolean isNull(int row) {
    return isNull[row];
  }

  /** The hash of key {@code value}. */
  public static long hash(long value) {
    return KeyEncoder.mix(value);
  }
}
