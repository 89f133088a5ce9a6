package io.quiver.delta.kernel;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;

/**
 * A Kernel {@link ColumnVector} copied onto the Java heap. Batches that Kernel reads for itself
 * (checkpoints, sidecars) are copied into these before their Arrow memory is released, because
 * Kernel keeps references to log values (a table's configuration map, for example) long after
 * it has moved past the batch they came from.
 */
public final class HeapColumnVector extends SizedColumnVector {
  private final Object[] values;
  private final ColumnVector[] children;

  private HeapColumnVector(DataType type, int size, Object[] values, ColumnVector[] children) {
    super(type, size);
    this.values = values;
    this.children = children;
  }

  /** A heap copy of {@code source}. */
  public static HeapColumnVector copyOf(ColumnVector source) {
    DataType type = source.getDataType();
    int size = source.getSize();
    Object[] values = new Object[size];
    ColumnVector[] children = null;
    if (type instanceof StructType struct) {
      children = new ColumnVector[struct.length()];
      for (int i = 0; i < children.length; i++) {
        children[i] = copyOf(source.getChild(i));
      }
      for (int row = 0; row < size; row++) {
        values[row] = source.isNullAt(row) ? null : Boolean.TRUE;
      }
      return new HeapColumnVector(type, size, values, children);
    }
    for (int row = 0; row < size; row++) {
      values[row] = source.isNullAt(row) ? null : value(source, type, row);
    }
    return new HeapColumnVector(type, size, values, null);
  }

  private static Object value(ColumnVector source, DataType type, int row) {
    if (type instanceof BooleanType) {
      return source.getBoolean(row);
    }
    if (type instanceof ByteType) {
      return source.getByte(row);
    }
    if (type instanceof ShortType) {
      return source.getShort(row);
    }
    if (type instanceof IntegerType || type instanceof DateType) {
      return source.getInt(row);
    }
    if (type instanceof LongType || type instanceof TimestampType
        || type instanceof TimestampNTZType) {
      return source.getLong(row);
    }
    if (type instanceof FloatType) {
      return source.getFloat(row);
    }
    if (type instanceof DoubleType) {
      return source.getDouble(row);
    }
    if (type instanceof StringType) {
      return source.getString(row);
    }
    if (type instanceof BinaryType) {
      return source.getBinary(row);
    }
    if (type instanceof DecimalType) {
      return source.getDecimal(row);
    }
    if (type instanceof ArrayType) {
      ArrayValue array = source.getArray(row);
      ColumnVector elements = copyOf(array.getElements());
      int count = array.getSize();
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
    if (type instanceof MapType) {
      MapValue map = source.getMap(row);
      ColumnVector keys = copyOf(map.getKeys());
      ColumnVector mapValues = copyOf(map.getValues());
      int count = map.getSize();
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
          return mapValues;
        }
      };
    }
    throw new UnsupportedOperationException("Delta type " + type + " cannot be read yet");
  }

  @Override
  public boolean isNullAt(int rowId) {
    return values[rowId] == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values[rowId];
  }

  @Override
  public byte getByte(int rowId) {
    return ((Number) values[rowId]).byteValue();
  }

  @Override
  public short getShort(int rowId) {
    return ((Number) values[rowId]).shortValue();
  }

  @Override
  public int getInt(int rowId) {
    return ((Number) values[rowId]).intValue();
  }

  @Override
  public long getLong(int rowId) {
    return ((Number) values[rowId]).longValue();
  }

  @Override
  public float getFloat(int rowId) {
    return ((Number) values[rowId]).floatValue();
  }

  @Override
  public double getDouble(int rowId) {
    return ((Number) values[rowId]).doubleValue();
  }

  @Override
  public String getString(int rowId) {
    return (String) values[rowId];
  }

  @Override
  public byte[] getBinary(int rowId) {
    return (byte[]) values[rowId];
  }

  @Override
  public BigDecimal getDecimal(int rowId) {
    return (BigDecimal) values[rowId];
  }

  @Override
  public ArrayValue getArray(int rowId) {
    return (ArrayValue) values[rowId];
  }

  @Override
  public MapValue getMap(int rowId) {
    return (MapValue) values[rowId];
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return children[ordinal];
  }
}
