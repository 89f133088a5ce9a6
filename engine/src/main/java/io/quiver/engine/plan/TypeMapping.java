package io.quiver.engine.plan;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Maps Arrow types to SQL types and back. The engine's physical type set: BOOLEAN (Bit),
 * TINYINT..BIGINT (signed Int), REAL/DOUBLE (FloatingPoint), DECIMAL (Decimal128), VARCHAR and
 * CHAR (Utf8), DATE (Date DAY), TIME (Time MICROSECOND), TIMESTAMP (Timestamp MICROSECOND, no
 * zone), INTERVAL (Interval DAY_TIME or YEAR_MONTH) and the NULL type (Null). Nested types map
 * both ways too, for pass-through only (scans, projections, results): List as ARRAY, Map as
 * MAP (entries {@code key}, {@code value}), Struct as ROW.
 */
public final class TypeMapping {
  private TypeMapping() {}

  public static RelDataType toRelType(Schema schema, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (Field field : schema.getFields()) {
      builder.add(field.getName(), toRelType(field, factory));
    }
    return builder.build();
  }

  public static RelDataType toRelType(Field field, RelDataTypeFactory factory) {
    RelDataType type = nested(field, factory);
    if (type == null) {
      type = toRelType(field.getType(), field.getName(), factory);
    }
    return factory.createTypeWithNullability(type, field.isNullable());
  }

  /**
   * The SQL type of a List (ARRAY), Map (MAP) or Struct (ROW) field, from its children; null
   * for other types. The engine passes these through (scans, projections, results) but does
   * not compute on them.
   */
  private static RelDataType nested(Field field, RelDataTypeFactory factory) {
    ArrowType type = field.getType();
    List<Field> children = field.getChildren();
    if (type instanceof ArrowType.List && children.size() == 1) {
      return factory.createArrayType(toRelType(children.get(0), factory), -1);
    }
    if (type instanceof ArrowType.Map && children.size() == 1
        && children.get(0).getChildren().size() == 2) {
      List<Field> pair = children.get(0).getChildren();
      return factory.createMapType(toRelType(pair.get(0), factory),
          toRelType(pair.get(1), factory));
    }
    if (type instanceof ArrowType.Struct) {
      RelDataTypeFactory.Builder builder = factory.builder();
      for (Field child : children) {
        builder.add(child.getName(), toRelType(child, factory));
      }
      return builder.build();
    }
    return null;
  }

  /** The SQL type of an Arrow type with the given nullability. */
  public static RelDataType toRelType(ArrowType type, boolean nullable,
      RelDataTypeFactory factory) {
    return factory.createTypeWithNullability(toRelType(type, "value", factory), nullable);
  }

  private static RelDataType toRelType(ArrowType type, String name, RelDataTypeFactory factory) {
    switch (type.getTypeID()) {
      case Bool:
        return factory.createSqlType(SqlTypeName.BOOLEAN);
      case Int: {
        ArrowType.Int integer = (ArrowType.Int) type;
        if (!integer.getIsSigned()) {
          break;
        }
        switch (integer.getBitWidth()) {
          case 8: return factory.createSqlType(SqlTypeName.TINYINT);
          case 16: return factory.createSqlType(SqlTypeName.SMALLINT);
          case 32: return factory.createSqlType(SqlTypeName.INTEGER);
          case 64: return factory.createSqlType(SqlTypeName.BIGINT);
          default: break;
        }
        break;
      }
      case FloatingPoint: {
        FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
        if (precision == FloatingPointPrecision.SINGLE) {
          return factory.createSqlType(SqlTypeName.REAL);
        }
        if (precision == FloatingPointPrecision.DOUBLE) {
          return factory.createSqlType(SqlTypeName.DOUBLE);
        }
        break;
      }
      case Decimal: {
        ArrowType.Decimal decimal = (ArrowType.Decimal) type;
        if (decimal.getBitWidth() == 128) {
          return factory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(),
              decimal.getScale());
        }
        break;
      }
      case Utf8:
        return factory.createSqlType(SqlTypeName.VARCHAR);
      case Date:
        if (((ArrowType.Date) type).getUnit() == DateUnit.DAY) {
          return factory.createSqlType(SqlTypeName.DATE);
        }
        break;
      case Time: {
        ArrowType.Time time = (ArrowType.Time) type;
        if (time.getUnit() == TimeUnit.MICROSECOND) {
          return factory.createSqlType(SqlTypeName.TIME, 6);
        }
        break;
      }
      case Timestamp: {
        ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
        if (timestamp.getUnit() == TimeUnit.MICROSECOND && timestamp.getTimezone() == null) {
          return factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
        }
        break;
      }
      case Interval: {
        IntervalUnit unit = ((ArrowType.Interval) type).getUnit();
        if (unit == IntervalUnit.DAY_TIME) {
          return factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
              org.apache.calcite.avatica.util.TimeUnit.DAY,
              org.apache.calcite.avatica.util.TimeUnit.SECOND,
              org.apache.calcite.sql.parser.SqlParserPos.ZERO));
        }
        if (unit == IntervalUnit.YEAR_MONTH) {
          return factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
              org.apache.calcite.avatica.util.TimeUnit.YEAR,
              org.apache.calcite.avatica.util.TimeUnit.MONTH,
              org.apache.calcite.sql.parser.SqlParserPos.ZERO));
        }
        break;
      }
      case Null:
        return factory.createSqlType(SqlTypeName.NULL);
      default:
        break;
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "column '" + name + "' has Arrow type " + type + ", which Quiver does not support yet");
  }

  public static Schema toSchema(RelDataType rowType) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      fields.add(toField(field.getName(), field.getType()));
    }
    return new Schema(fields);
  }

  public static Field toField(String name, RelDataType type) {
    List<Field> children = null;
    switch (type.getSqlTypeName()) {
      case ARRAY:
        children = List.of(toField("element", type.getComponentType()));
        break;
      case MAP:
        children = List.of(new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
            List.of(toField("key", type.getKeyType()), toField("value", type.getValueType()))));
        break;
      case ROW:
        children = new ArrayList<>();
        for (RelDataTypeField field : type.getFieldList()) {
          children.add(toField(field.getName(), field.getType()));
        }
        break;
      default:
        break;
    }
    return new Field(name, new FieldType(type.isNullable(), toArrowType(type), null), children);
  }

  public static ArrowType toArrowType(RelDataType type) {
    SqlTypeName sqlType = type.getSqlTypeName();
    switch (sqlType) {
      case BOOLEAN: return ArrowType.Bool.INSTANCE;
      case TINYINT: return new ArrowType.Int(8, true);
      case SMALLINT: return new ArrowType.Int(16, true);
      case INTEGER: return new ArrowType.Int(32, true);
      case BIGINT: return new ArrowType.Int(64, true);
      case REAL: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case FLOAT:
      case DOUBLE: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DECIMAL: return new ArrowType.Decimal(type.getPrecision(), type.getScale(), 128);
      case CHAR:
      case VARCHAR: return ArrowType.Utf8.INSTANCE;
      case DATE: return new ArrowType.Date(DateUnit.DAY);
      case TIME: return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case NULL: return ArrowType.Null.INSTANCE;
      case ARRAY: return ArrowType.List.INSTANCE;
      case MAP: return new ArrowType.Map(false);
      case ROW: return ArrowType.Struct.INSTANCE;
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(sqlType)) {
          return new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
        }
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(sqlType)) {
          return new ArrowType.Interval(IntervalUnit.DAY_TIME);
        }
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "SQL type " + type.getFullTypeString() + " is not supported yet");
    }
  }
}
