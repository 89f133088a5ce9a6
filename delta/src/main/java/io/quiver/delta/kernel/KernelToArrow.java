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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Turns a Kernel {@link ColumnVector} into an Arrow vector of the type {@link DeltaArrowTypes}
 * gives its Delta type. A column that is a whole {@link ArrowColumnVector} of exactly that type
 * (Quiver's own Parquet batches) moves over without copying; anything else (partition values,
 * columns Kernel built, rows a deletion vector removes, widened types) is copied value by value.
 */
public final class KernelToArrow {
  private KernelToArrow() {}

  /**
   * The vector for {@code field} holding rows {@code rows} (null: all {@code count} rows) of
   * {@code source}, allocated in {@code allocator}; the caller owns it.
   */
  public static FieldVector convert(ColumnVector source, DataType type, Field field, int[] rows,
      int count, BufferAllocator allocator) {
    if (rows == null && source instanceof ArrowColumnVector arrow && arrow.coversWholeVector()
        && sameShape(arrow.arrowVector().getField(), field)) {
      // Ownership moves to the returned vector; the Parquet batch keeps an empty shell.
      TransferPair transfer = arrow.arrowVector().getTransferPair(field, allocator);
      transfer.transfer();
      return (FieldVector) transfer.getTo();
    }
    FieldVector target = field.createVector(allocator);
    try {
      int n = rows == null ? count : rows.length;
      target.setInitialCapacity(n);
      target.allocateNew();
      for (int i = 0; i < n; i++) {
        write(source, rows == null ? i : rows[i], type, target, i);
      }
      target.setValueCount(n);
      return target;
    } catch (RuntimeException | Error e) {
      target.close();
      throw e;
    }
  }

  /** Same Arrow type tree (names of nested children included, nullability ignored). */
  public static boolean sameShape(Field from, Field to) {
    if (!from.getType().equals(to.getType())
        || from.getChildren().size() != to.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < from.getChildren().size(); i++) {
      Field a = from.getChildren().get(i);
      Field b = to.getChildren().get(i);
      if (!a.getName().equals(b.getName()) || !sameShape(a, b)) {
        return false;
      }
    }
    return true;
  }

  /** Writes value {@code row} of {@code source} at {@code index} of {@code target}. */
  static void write(ColumnVector source, int row, DataType type, ValueVector target, int index) {
    if (source.isNullAt(row)) {
      setNull(target, index);
      return;
    }
    if (type instanceof BooleanType) {
      ((BitVector) target).setSafe(index, source.getBoolean(row) ? 1 : 0);
    } else if (type instanceof ByteType) {
      ((TinyIntVector) target).setSafe(index, source.getByte(row));
    } else if (type instanceof ShortType) {
      ((SmallIntVector) target).setSafe(index, source.getShort(row));
    } else if (type instanceof IntegerType) {
      ((IntVector) target).setSafe(index, source.getInt(row));
    } else if (type instanceof LongType) {
      ((BigIntVector) target).setSafe(index, source.getLong(row));
    } else if (type instanceof FloatType) {
      ((Float4Vector) target).setSafe(index, source.getFloat(row));
    } else if (type instanceof DoubleType) {
      ((Float8Vector) target).setSafe(index, source.getDouble(row));
    } else if (type instanceof StringType) {
      ((VarCharVector) target).setSafe(index,
          source.getString(row).getBytes(StandardCharsets.UTF_8));
    } else if (type instanceof BinaryType) {
      ((VarBinaryVector) target).setSafe(index, source.getBinary(row));
    } else if (type instanceof DateType) {
      ((DateDayVector) target).setSafe(index, source.getInt(row));
    } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      ((TimeStampVector) target).setSafe(index, source.getLong(row));
    } else if (type instanceof DecimalType decimal) {
      BigDecimal value = source.getDecimal(row);
      if (value.scale() != decimal.getScale()) {
        value = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
      }
      ((DecimalVector) target).setSafe(index, value);
    } else if (type instanceof StructType struct) {
      StructVector vector = (StructVector) target;
      vector.setIndexDefined(index);
      for (int i = 0; i < struct.length(); i++) {
        write(source.getChild(i), row, struct.at(i).getDataType(), vector.getChildByOrdinal(i),
            index);
      }
    } else if (type instanceof ArrayType array) {
      ListVector vector = (ListVector) target;
      ArrayValue value = source.getArray(row);
      int start = vector.startNewValue(index);
      ColumnVector elements = value.getElements();
      for (int i = 0; i < value.getSize(); i++) {
        write(elements, i, array.getElementType(), vector.getDataVector(), start + i);
      }
      vector.endValue(index, value.getSize());
    } else if (type instanceof MapType map) {
      ListVector vector = (ListVector) target;
      MapValue value = source.getMap(row);
      int start = vector.startNewValue(index);
      StructVector entries = (StructVector) vector.getDataVector();
      ColumnVector keys = value.getKeys();
      ColumnVector values = value.getValues();
      for (int i = 0; i < value.getSize(); i++) {
        entries.setIndexDefined(start + i);
        write(keys, i, map.getKeyType(), entries.getChildByOrdinal(0), start + i);
        write(values, i, map.getValueType(), entries.getChildByOrdinal(1), start + i);
      }
      vector.endValue(index, value.getSize());
    } else {
      throw new UnsupportedOperationException("Delta type " + type + " cannot be read yet");
    }
  }

  private static void setNull(ValueVector target, int index) {
    if (target instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (target instanceof BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else if (target instanceof ListVector list) {
      list.setNull(index);
    } else if (target instanceof StructVector struct) {
      struct.setNull(index);
    } else {
      throw new UnsupportedOperationException("null in a " + target.getField().getType());
    }
  }
}
