package io.quiver.delta.kernel;

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
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow type of each Delta type, as Quiver's engine sees it: integers and floats by width,
 * string as Utf8, decimal as 128-bit Decimal, date as Date(DAY), and both timestamp and
 * timestamp_ntz as Timestamp(MICROSECOND, no zone) holding microseconds since the epoch (UTC
 * for {@code timestamp}; the engine, like {@code read_parquet}, has one timestamp type); arrays
 * as List, maps as Map of {key, value} entries, structs as Struct. Other types (variant,
 * geometry, ...) are UNSUPPORTED.
 */
public final class DeltaArrowTypes {
  private DeltaArrowTypes() {}

  /** The Arrow schema of a Delta schema. */
  public static Schema schema(StructType struct) {
    List<Field> fields = new ArrayList<>(struct.length());
    for (StructField field : struct.fields()) {
      fields.add(field(field.getName(), field.getDataType(), field.isNullable()));
    }
    return new Schema(fields);
  }

  /** The Arrow field of a Delta field. */
  public static Field field(String name, DataType type, boolean nullable) {
    if (type instanceof StructType struct) {
      List<Field> children = new ArrayList<>(struct.length());
      for (StructField child : struct.fields()) {
        children.add(field(child.getName(), child.getDataType(), child.isNullable()));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    if (type instanceof ArrayType array) {
      Field element = field("element", array.getElementType(), array.containsNull());
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
          List.of(element));
    }
    if (type instanceof MapType map) {
      Field key = field("key", map.getKeyType(), false);
      Field value = field("value", map.getValueType(), map.isValueContainsNull());
      Field entries = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null),
          List.of(key, value));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null),
          List.of(entries));
    }
    return new Field(name, new FieldType(nullable, primitive(name, type), null), null);
  }

  private static ArrowType primitive(String name, DataType type) {
    if (type instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    }
    if (type instanceof ByteType) {
      return new ArrowType.Int(8, true);
    }
    if (type instanceof ShortType) {
      return new ArrowType.Int(16, true);
    }
    if (type instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    }
    if (type instanceof LongType) {
      return new ArrowType.Int(64, true);
    }
    if (type instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    }
    if (type instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    if (type instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    }
    if (type instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    }
    if (type instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    }
    if (type instanceof DecimalType decimal) {
      return new ArrowType.Decimal(decimal.getPrecision(), decimal.getScale(), 128);
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED, "column " + name + " has Delta type "
        + type + ", which Quiver cannot read yet; leave it out of the query");
  }
}
