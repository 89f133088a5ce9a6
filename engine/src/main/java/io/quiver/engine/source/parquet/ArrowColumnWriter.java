package io.quiver.engine.source.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Writes decoded physical values into an Arrow vector of the column's engine type, applying
 * its {@link Conversion} and placing nulls where the definition level is below the maximum.
 * Typed setters and buffer writes only: no boxing.
 */
final class ArrowColumnWriter {
  /** Days between the Julian day number origin and 1970-01-01. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final byte[] HEX = "0123456789abcdef".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  private final Conversion conversion;
  private final byte[] uuidText = new byte[36];

  ArrowColumnWriter(Conversion conversion) {
    this.conversion = conversion;
  }

  /** Row positions of the non-null values of the current call. */
  private int[] positions = new int[1024];

  /**
   * Writes rows {@code start .. start + rows} of {@code vector}: row i is null when
   * {@code levels != null && levels[i] != maxDefinition}, else the next value of
   * {@code values}. The vector's buffers must hold {@code start + rows} rows (they were sized
   * for the whole batch). Common conversions run as one tight loop (or one bulk copy when the
   * rows have no nulls); the rest go value by value.
   */
  void write(FieldVector vector, int start, int rows, int[] levels, int maxDefinition,
      PhysicalValues values) {
    int present = values.count();
    if (levels == null && present != rows) {
      throw new IllegalStateException("decoded " + present + " values for " + rows + " rows");
    }
    if (present == rows && writeDense(vector, start, rows, values)) {
      // Every row has a value (no levels, or all at the maximum): written in order.
      return;
    }
    if (positions.length < present) {
      positions = new int[Math.max(present, positions.length * 2)];
    }
    int v = 0;
    if (levels == null || present == rows) {
      for (int i = 0; i < rows; i++) {
        positions[i] = start + i;
      }
      v = rows;
    } else {
      for (int i = 0; i < rows && v <= present; i++) {
        if (levels[i] == maxDefinition) {
          if (v == present) {
            v++;
            break;
          }
          positions[v++] = start + i;
        }
      }
    }
    if (v != present) {
      throw new IllegalStateException("decoded " + present + " values for a different number"
          + " of non-null rows");
    }
    if (!writeTight(vector, present, values)) {
      for (int j = 0; j < present; j++) {
        set(vector, positions[j], values, j);
      }
    }
  }

  /**
   * Rows {@code start .. start + rows} all non-null, value j at row start + j: bulk copies and
   * loops without a position table; false when the conversion has no dense path.
   */
  private boolean writeDense(FieldVector vector, int start, int rows, PhysicalValues values) {
    byte[] bytes = values.bytes();
    int width = rawWidth();
    if (width > 0) {
      vector.getDataBuffer().setBytes((long) start * width, bytes, 0, (long) rows * width);
    } else if (conversion == Conversion.DECIMAL_INT64 || conversion == Conversion.DECIMAL_INT32) {
      ArrowBuf data = vector.getDataBuffer();
      data.checkBytes((long) start * 16, (long) (start + rows) * 16);
      long address = data.memoryAddress() + (long) start * 16;
      if (conversion == Conversion.DECIMAL_INT64) {
        for (int j = 0; j < rows; j++) {
          long unscaled = (long) PhysicalValues.LONG.get(bytes, 8 * j);
          MemoryUtil.putLong(address + 16L * j, unscaled);
          MemoryUtil.putLong(address + 16L * j + 8, unscaled >> 63);
        }
      } else {
        for (int j = 0; j < rows; j++) {
          long unscaled = (int) PhysicalValues.INT.get(bytes, 4 * j);
          MemoryUtil.putLong(address + 16L * j, unscaled);
          MemoryUtil.putLong(address + 16L * j + 8, unscaled >> 63);
        }
      }
    } else if ((conversion == Conversion.STRING || conversion == Conversion.BINARY)
        && values.variableWidth()) {
      appendVariable((BaseVariableWidthVector) vector, start, rows, values);
    } else {
      return false;
    }
    setValid(vector.getValidityBuffer(), start, rows);
    return true;
  }

  /**
   * Whether {@link #writeFromDictionary} handles this column with this dictionary: the
   * conversions {@link #writeDense} has a loop for (plain layouts, small decimals, strings and
   * binaries), each from entries of the width it reads (a BINARY column may be a
   * FIXED_LEN_BYTE_ARRAY, whose entries have no offsets: it goes the general way).
   */
  boolean writesFromDictionary(FieldVector vector, PhysicalValues dictionary) {
    int width = rawWidth();
    if (width > 0) {
      return dictionary.width() == width;
    }
    switch (conversion) {
      case DECIMAL_INT64:
        return dictionary.width() == 8;
      case DECIMAL_INT32:
        return dictionary.width() == 4;
      case STRING:
      case BINARY:
        return dictionary.variableWidth() && vector instanceof BaseVariableWidthVector;
      default:
        return false;
    }
  }

  /**
   * Writes rows {@code start .. start + rows}, all non-null, row j holding dictionary entry
   * {@code indices[j]} (each checked by the decoder): one pass from the dictionary into the
   * vector, converting as {@link #writeDense} does. Only where {@link #writesFromDictionary}.
   */
  void writeFromDictionary(FieldVector vector, int start, int rows, PhysicalValues dictionary,
      int[] indices) {
    byte[] source = dictionary.bytes();
    int width = rawWidth();
    if (width > 0 || conversion == Conversion.DECIMAL_INT64
        || conversion == Conversion.DECIMAL_INT32) {
      int targetWidth = width > 0 ? width : 16;
      ArrowBuf data = vector.getDataBuffer();
      data.checkBytes((long) start * targetWidth, (long) (start + rows) * targetWidth);
      long address = data.memoryAddress() + (long) start * targetWidth;
      if (width == 4) {
        for (int j = 0; j < rows; j++) {
          MemoryUtil.putInt(address + 4L * j, (int) PhysicalValues.INT.get(source, 4 * indices[j]));
        }
      } else if (width == 8) {
        for (int j = 0; j < rows; j++) {
          MemoryUtil.putLong(address + 8L * j,
              (long) PhysicalValues.LONG.get(source, 8 * indices[j]));
        }
      } else if (conversion == Conversion.DECIMAL_INT64) {
        for (int j = 0; j < rows; j++) {
          long unscaled = (long) PhysicalValues.LONG.get(source, 8 * indices[j]);
          MemoryUtil.putLong(address + 16L * j, unscaled);
          MemoryUtil.putLong(address + 16L * j + 8, unscaled >> 63);
        }
      } else {
        for (int j = 0; j < rows; j++) {
          long unscaled = (int) PhysicalValues.INT.get(source, 4 * indices[j]);
          MemoryUtil.putLong(address + 16L * j, unscaled);
          MemoryUtil.putLong(address + 16L * j + 8, unscaled >> 63);
        }
      }
    } else {
      appendFromDictionary((BaseVariableWidthVector) vector, start, rows, dictionary, indices);
    }
    setValid(vector.getValidityBuffer(), start, rows);
  }

  /** {@link #appendVariable} of dictionary entries: sized, then copied value by value. */
  private static void appendFromDictionary(BaseVariableWidthVector vector, int start, int rows,
      PhysicalValues dictionary, int[] indices) {
    PhysicalValues.ShortEntries entries = dictionary.shortEntries();
    if (entries != null) {
      appendShortEntries(vector, start, rows, entries, indices);
      return;
    }
    int[] offsets = dictionary.offsets();
    long total = 0;
    for (int j = 0; j < rows; j++) {
      total += offsets[indices[j] + 1] - offsets[indices[j]];
    }
    // 8 bytes of slack: short values move as one word
    long base = makeRoom(vector, start, rows, total + 8);
    byte[] source = dictionary.bytes();
    int sourceWordEnd = source.length - 8;
    long data = vector.getDataBuffer().memoryAddress();
    long ends = endOffsetAddress(vector, start);
    long at = base;
    for (int j = 0; j < rows; j++) {
      int index = indices[j];
      int from = offsets[index];
      int size = offsets[index + 1] - from;
      if (size <= 8 && from <= sourceWordEnd) {
        MemoryUtil.putLong(data + at, (long) PhysicalValues.LONG.get(source, from));
      } else {
        MemoryUtil.copyToMemory(source, from, data + at, size);
      }
      at += size;
      MemoryUtil.putInt(ends + 4L * j, (int) at);
    }
    vector.setLastSet(start + rows - 1);
  }

  /** The address of row {@code row}'s end offset (the next row's start) in {@code vector}. */
  private static long endOffsetAddress(BaseVariableWidthVector vector, int row) {
    return vector.getOffsetBuffer().memoryAddress()
        + (long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH;
  }

  /**
   * Prepares {@code vector} for {@code rows} values appended at row {@code start}: empty
   * offsets for rows before it that were never set (NULLs), {@code bytes} of data room after its start offset, and
   * offsets up to the last row. Returns the start offset.
   */
  private static long makeRoom(BaseVariableWidthVector vector, int start, int rows,
      long bytes) {
    vector.fillEmpties(start);
    long base = vector.getStartOffset(start);
    while (vector.getDataBuffer().capacity() < base + bytes) {
      vector.reallocDataBuffer(Math.max(base + bytes, vector.getDataBuffer().capacity() * 2));
    }
    while (vector.getOffsetBuffer().capacity()
        < (long) (start + rows + 1) * BaseVariableWidthVector.OFFSET_WIDTH) {
      vector.reallocValidityAndOffsetBuffers();
    }
    return base;
  }

  /**
   * {@link #appendFromDictionary} when no entry is longer than 8 bytes (codes, flags): room for
   * 8 bytes a row, then one word move and one size per row.
   */
  private static void appendShortEntries(BaseVariableWidthVector vector, int start, int rows,
      PhysicalValues.ShortEntries entries, int[] indices) {
    long base = makeRoom(vector, start, rows, 8L * rows + 8);
    long[] words = entries.words();
    int[] sizes = entries.sizes();
    long data = vector.getDataBuffer().memoryAddress();
    long ends = endOffsetAddress(vector, start);
    long at = base;
    for (int j = 0; j < rows; j++) {
      int index = indices[j];
      MemoryUtil.putLong(data + at, words[index]);
      at += sizes[index];
      MemoryUtil.putInt(ends + 4L * j, (int) at);
    }
    vector.setLastSet(start + rows - 1);
  }

  /**
   * Appends {@code rows} variable-width values at rows {@code start ..}: one copy of their
   * bytes and one loop over the offsets, instead of a checked set per value.
   */
  private static void appendVariable(BaseVariableWidthVector vector, int start, int rows,
      PhysicalValues values) {
    int length = values.length();
    long base = makeRoom(vector, start, rows, length);
    vector.getDataBuffer().setBytes(base, values.bytes(), 0, length);
    long address = endOffsetAddress(vector, start);
    int[] offsets = values.offsets();
    int first = (int) base;
    for (int j = 0; j < rows; j++) {
      MemoryUtil.putInt(address + 4L * j, first + offsets[j + 1]);
    }
    vector.setLastSet(start + rows - 1);
  }

  /** Bytes per value when the Arrow layout equals the Parquet one, else 0. */
  private int rawWidth() {
    switch (conversion) {
      case INT32:
      case DATE:
      case FLOAT:
        return 4;
      case INT64:
      case DOUBLE:
      case TIMESTAMP_MICROS:
      case TIME_MICROS:
        return 8;
      default:
        return 0;
    }
  }

  /** The hot conversions as loops by address; false when the conversion has none. */
  private boolean writeTight(FieldVector vector, int present, PhysicalValues values) {
    int width = rawWidth();
    byte[] bytes = values.bytes();
    int[] rows = positions;
    if (width == 4) {
      long address = vector.getDataBuffer().memoryAddress();
      for (int j = 0; j < present; j++) {
        MemoryUtil.putInt(address + 4L * rows[j], (int) PhysicalValues.INT.get(bytes, 4 * j));
      }
    } else if (width == 8) {
      long address = vector.getDataBuffer().memoryAddress();
      for (int j = 0; j < present; j++) {
        MemoryUtil.putLong(address + 8L * rows[j],
            (long) PhysicalValues.LONG.get(bytes, 8 * j));
      }
    } else if (conversion == Conversion.DECIMAL_INT64 || conversion == Conversion.DECIMAL_INT32) {
      long address = vector.getDataBuffer().memoryAddress();
      boolean wide = conversion == Conversion.DECIMAL_INT64;
      for (int j = 0; j < present; j++) {
        long unscaled = wide ? (long) PhysicalValues.LONG.get(bytes, 8 * j)
            : (int) PhysicalValues.INT.get(bytes, 4 * j);
        long at = address + 16L * rows[j];
        MemoryUtil.putLong(at, unscaled);
        MemoryUtil.putLong(at + 8, unscaled >> 63);
      }
    } else if (conversion == Conversion.STRING || conversion == Conversion.BINARY) {
      BaseVariableWidthVector target = (BaseVariableWidthVector) vector;
      if (values.variableWidth()) {
        int[] offsets = values.offsets();
        for (int j = 0; j < present; j++) {
          target.setSafe(rows[j], bytes, offsets[j], offsets[j + 1] - offsets[j]);
        }
      } else {
        int size = values.width();
        for (int j = 0; j < present; j++) {
          target.setSafe(rows[j], bytes, j * size, size);
        }
      }
      return true; // setSafe sets validity
    } else {
      return false;
    }
    ArrowBuf validity = vector.getValidityBuffer();
    if (present > 0) {
      validity.checkBytes(0, (rows[present - 1] >>> 3) + 1);
    }
    long validityAddress = validity.memoryAddress();
    for (int j = 0; j < present; j++) {
      long at = validityAddress + (rows[j] >>> 3);
      MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (rows[j] & 7))));
    }
    return true;
  }

  /** Sets validity bits {@code from .. from + count}, whole bytes at a time in the middle. */
  private static void setValid(ArrowBuf validity, int from, int count) {
    int i = from;
    int end = from + count;
    while (i < end && (i & 7) != 0) {
      BitVectorHelper.setBit(validity, i++);
    }
    int wholeBytes = (end - i) >>> 3;
    if (wholeBytes > 0) {
      validity.setOne(i >>> 3, wholeBytes);
      i += wholeBytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(validity, i++);
    }
  }

  private void set(FieldVector vector, int row, PhysicalValues values, int v) {
    switch (conversion) {
      case BOOLEAN:
        ((BitVector) vector).set(row, values.bytes()[v]);
        break;
      case INT8:
        ((TinyIntVector) vector).set(row, (byte) values.getInt(v));
        break;
      case INT16:
        ((SmallIntVector) vector).set(row, (short) values.getInt(v));
        break;
      case UINT8:
        ((SmallIntVector) vector).set(row, (short) (values.getInt(v) & 0xFF));
        break;
      case INT32:
        ((IntVector) vector).set(row, values.getInt(v));
        break;
      case UINT16:
        ((IntVector) vector).set(row, values.getInt(v) & 0xFFFF);
        break;
      case UINT32:
        ((BigIntVector) vector).set(row, values.getInt(v) & 0xFFFFFFFFL);
        break;
      case INT64:
        ((BigIntVector) vector).set(row, values.getLong(v));
        break;
      case UINT64:
        setDecimal((DecimalVector) vector, row, values.getLong(v), 0);
        break;
      case DECIMAL_INT32: {
        long unscaled = values.getInt(v);
        setDecimal((DecimalVector) vector, row, unscaled, unscaled >> 63);
        break;
      }
      case DECIMAL_INT64: {
        long unscaled = values.getLong(v);
        setDecimal((DecimalVector) vector, row, unscaled, unscaled >> 63);
        break;
      }
      case DECIMAL_BYTES:
        setDecimalBytes((DecimalVector) vector, row, values, v);
        break;
      case FLOAT:
        ((Float4Vector) vector).set(row, Float.intBitsToFloat(values.getInt(v)));
        break;
      case DOUBLE:
        ((Float8Vector) vector).set(row, Double.longBitsToDouble(values.getLong(v)));
        break;
      case FLOAT16: {
        int bits = (values.bytes()[2 * v] & 0xFF) | (values.bytes()[2 * v + 1] & 0xFF) << 8;
        ((Float4Vector) vector).set(row, Float16.toFloat(bits));
        break;
      }
      case DATE:
        ((DateDayVector) vector).set(row, values.getInt(v));
        break;
      case TIME_MILLIS:
        ((TimeMicroVector) vector).set(row, values.width() == 4 ? values.getInt(v) * 1000L
            : values.getLong(v) * 1000L);
        break;
      case TIME_MICROS:
        ((TimeMicroVector) vector).set(row, values.getLong(v));
        break;
      case TIME_NANOS:
        ((TimeMicroVector) vector).set(row, Math.floorDiv(values.getLong(v), 1000L));
        break;
      case TIMESTAMP_MILLIS:
        ((TimeStampMicroVector) vector).set(row, values.getLong(v) * 1000L);
        break;
      case TIMESTAMP_MICROS:
        ((TimeStampMicroVector) vector).set(row, values.getLong(v));
        break;
      case TIMESTAMP_NANOS:
        ((TimeStampMicroVector) vector).set(row, Math.floorDiv(values.getLong(v), 1000L));
        break;
      case INT96_TIMESTAMP: {
        byte[] bytes = values.bytes();
        long nanos = (long) PhysicalValues.LONG.get(bytes, 12 * v);
        long julianDay = (int) PhysicalValues.INT.get(bytes, 12 * v + 8);
        ((TimeStampMicroVector) vector).set(row, (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY
            + Math.floorDiv(nanos, 1000L));
        break;
      }
      case STRING:
      case BINARY:
        setBytes((BaseVariableWidthVector) vector, row, values, v);
        break;
      case UUID:
        setUuid((BaseVariableWidthVector) vector, row, values.bytes(), 16 * v);
        break;
      default:
        throw new IllegalStateException("unmapped conversion " + conversion);
    }
  }

  private static void setBytes(BaseVariableWidthVector vector, int row, PhysicalValues values,
      int v) {
    if (values.variableWidth()) {
      int from = values.offsets()[v];
      vector.setSafe(row, values.bytes(), from, values.offsets()[v + 1] - from);
    } else {
      vector.setSafe(row, values.bytes(), v * values.width(), values.width());
    }
  }

  private void setUuid(BaseVariableWidthVector vector, int row, byte[] bytes, int offset) {
    int out = 0;
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        uuidText[out++] = '-';
      }
      int b = bytes[offset + i] & 0xFF;
      uuidText[out++] = HEX[b >>> 4];
      uuidText[out++] = HEX[b & 15];
    }
    vector.setSafe(row, uuidText, 0, 36);
  }

  private static void setDecimal(DecimalVector vector, int row, long low, long high) {
    ArrowBuf data = vector.getDataBuffer();
    long at = (long) row * 16;
    data.setLong(at, low);
    data.setLong(at + 8, high);
    BitVectorHelper.setBit(vector.getValidityBuffer(), row);
  }

  /** A big-endian two's complement unscaled value of up to 16 significant bytes. */
  private static void setDecimalBytes(DecimalVector vector, int row, PhysicalValues values,
      int v) {
    byte[] bytes = values.bytes();
    int from;
    int length;
    if (values.variableWidth()) {
      from = values.offsets()[v];
      length = values.offsets()[v + 1] - from;
    } else {
      from = v * values.width();
      length = values.width();
    }
    if (length == 0) {
      setDecimal(vector, row, 0, 0);
      return;
    }
    long sign = bytes[from] < 0 ? -1L : 0L;
    int extra = length - 16;
    for (int i = 0; i < extra; i++) {
      if (bytes[from + i] != (byte) sign) {
        throw ParquetData.corrupt("decimal value of %d bytes does not fit in 128 bits", length);
      }
    }
    long high = sign;
    long low = sign;
    int start = Math.max(0, extra);
    for (int i = start; i < length; i++) {
      high = (high << 8) | (low >>> 56);
      low = (low << 8) | (bytes[from + i] & 0xFF);
    }
    setDecimal(vector, row, low, high);
  }
}
