package io.quiver.delta.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A Kernel {@link ColumnVector} over an Arrow vector (rows {@code offset .. offset + size - 1}),
 * presenting the Kernel type that was asked for: struct fields are matched to Arrow children by
 * name (missing ones read as nulls), lists and maps expose their elements as slices of the
 * child vectors, integers and floats widen to the requested type, timestamps of any unit
 * become microseconds. It never owns the Arrow memory: the batch it belongs to does.
 */
public final class ArrowColumnVector extends SizedColumnVector {
  private final ValueVector vector;
  private final int offset;
  private ColumnVector[] children;

  public ArrowColumnVector(DataType type, ValueVector vector, int offset, int size) {
    super(type, size);
    this.vector = vector;
    this.offset = offset;
  }

  /** The Arrow vector this column reads (the whole vector, not only this slice). */
  public ValueVector arrowVector() {
    return vector;
  }

  /** True when this column is the whole Arrow vector (no slice). */
  public boolean coversWholeVector() {
    return offset == 0 && size == vector.getValueCount();
  }

  @Override
  public boolean isNullAt(int rowId) {
    return vector.isNull(offset + rowId);
  }

  @Override
  public boolean getBoolean(int rowId) {
    return ((BitVector) vector).get(offset + rowId) != 0;
  }

  @Override
  public byte getByte(int rowId) {
    return (byte) integer(offset + rowId);
  }

  @Override
  public short getShort(int rowId) {
    return (short) integer(offset + rowId);
  }

  @Override
  public int getInt(int rowId) {
    return (int) integer(offset + rowId);
  }

  @Override
  public long getLong(int rowId) {
    if (vector instanceof DateDayVector days && (type instanceof TimestampType
        || type instanceof TimestampNTZType)) {
      // type widening date -> timestamp_ntz: midnight of the day
      return days.get(offset + rowId) * 86_400_000_000L;
    }
    return integer(offset + rowId);
  }

  @Override
  public float getFloat(int rowId) {
    if (vector instanceof Float4Vector floats) {
      return floats.get(offset + rowId);
    }
    return (float) getDouble(rowId);
  }

  @Override
  public double getDouble(int rowId) {
    int index = offset + rowId;
    if (vector instanceof Float8Vector doubles) {
      return doubles.get(index);
    }
    if (vector instanceof Float4Vector floats) {
      return floats.get(index);
    }
    if (vector instanceof DecimalVector decimals) {
      return decimals.getObject(index).doubleValue();
    }
    return integer(index);
  }

  @Override
  public byte[] getBinary(int rowId) {
    int index = offset + rowId;
    if (vector instanceof VarBinaryVector binary) {
      return binary.get(index);
    }
    if (vector instanceof VarCharVector text) {
      return text.get(index);
    }
    if (vector instanceof FixedSizeBinaryVector fixed) {
      return fixed.get(index);
    }
    throw mismatch("binary");
  }

  @Override
  public String getString(int rowId) {
    if (isNullAt(rowId)) {
      return null;
    }
    return new String(getBinary(rowId), StandardCharsets.UTF_8);
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    int index = offset + rowId;
    if (vector.isNull(index)) {
      return null;
    }
    BigDecimal value;
    if (vector instanceof DecimalVector decimals) {
      value = decimals.getObject(index);
    } else if (vector instanceof BaseIntVector) {
      value = BigDecimal.valueOf(integer(index));
    } else if (vector instanceof FixedSizeBinaryVector || vector instanceof VarBinaryVector) {
      value = new BigDecimal(new BigInteger(getBinary(rowId)),
          ((DecimalType) type).getScale());
    } else {
      throw mismatch("decimal");
    }
    if (type instanceof DecimalType decimal && value.scale() != decimal.getScale()) {
      value = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
    }
    return value;
  }

  @Override
  public ArrayValue getArray(int rowId) {
    int index = offset + rowId;
    if (vector.isNull(index)) {
      return null;
    }
    ListVector list = (ListVector) vector;
    int start = list.getElementStartIndex(index);
    int count = list.getElementEndIndex(index) - start;
    DataType elementType = ((ArrayType) type).getElementType();
    ColumnVector elements = new ArrowColumnVector(elementType, list.getDataVector(), start, count);
    return new ArrayValue() {
      @Override
      public int getSize() {
        return count;
      }

      @Override
      public ColumnVector getElements() {
        return elements;
      }
    };
  }

  @Override
  public MapValue getMap(int rowId) {
    int index = offset + rowId;
    if (vector.isNull(index)) {
      return null;
    }
    MapVector map = (MapVector) vector;
    int start = map.getElementStartIndex(index);
    int count = map.getElementEndIndex(index) - start;
    StructVector entries = (StructVector) map.getDataVector();
    MapType mapType = (MapType) type;
    List<org.apache.arrow.vector.FieldVector> parts = entries.getChildrenFromFields();
    ColumnVector keys = new ArrowColumnVector(mapType.getKeyType(), parts.get(0), start, count);
    ColumnVector values = parts.size() > 1
        ? new ArrowColumnVector(mapType.getValueType(), parts.get(1), start, count)
        : new NullColumnVector(mapType.getValueType(), count);
    return new MapValue() {
      @Override
      public int getSize() {
        return count;
      }

      @Override
      public ColumnVector getKeys() {
        return keys;
      }

      @Override
      public ColumnVector getValues() {
        return values;
      }
    };
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    if (children == null) {
      StructType struct = (StructType) type;
      StructVector arrow = (StructVector) vector;
      ColumnVector[] built = new ColumnVector[struct.length()];
      for (int i = 0; i < built.length; i++) {
        StructField field = struct.at(i);
        ValueVector child = findChild(arrow, field.getName());
        built[i] = child == null ? new NullColumnVector(field.getDataType(), size)
            : new ArrowColumnVector(field.getDataType(), child, offset, size);
      }
      children = built;
    }
    return children[ordinal];
  }

  private static ValueVector findChild(StructVector struct, String name) {
    ValueVector exact = struct.getChild(name);
    if (exact != null) {
      return exact;
    }
    for (org.apache.arrow.vector.FieldVector child : struct.getChildrenFromFields()) {
      if (child.getName().equalsIgnoreCase(name)) {
        return child;
      }
    }
    return null;
  }

  /** An integer-like value: ints of any width, dates (days), timestamps (microseconds). */
  private long integer(int index) {
    if (vector instanceof TimeStampVector timestamps) {
      long raw = timestamps.get(index);
      TimeUnit unit = ((ArrowType.Timestamp) timestamps.getField().getType()).getUnit();
      switch (unit) {
        case SECOND: return raw * 1_000_000L;
        case MILLISECOND: return raw * 1_000L;
        case NANOSECOND: return Math.floorDiv(raw, 1_000L);
        default: return raw;
      }
    }
    if (vector instanceof DateDayVector days) {
      return days.get(index);
    }
    if (vector instanceof BaseIntVector integers) {
      return integers.getValueAsLong(index);
    }
    if (vector instanceof Float8Vector doubles) {
      return (long) doubles.get(index);
    }
    throw mismatch("an integer");
  }

  private UnsupportedOperationException mismatch(String wanted) {
    return new UnsupportedOperationException("the Parquet column " + vector.getName() + " is "
        + vector.getField().getType() + ", which cannot be read as " + wanted + " (Delta type "
        + type + ")");
  }
}
