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
 * zone), INTERVAL (Interval DAY_TIME or YEAR_MONTH) and the NULL type (Null). Nested types, which
 * the engine carries and takes apart but does not compute with: ARRAY (List), ROW (Struct) and
 * MAP (Map of a non-null key and a value); their element, field, key and value types map
 * recursively, so they are mapped from and to whole {@link Field}s (children included).
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
    RelDataType type = nestedRelType(field, factory);
    if (type == null) {
      type = toRelType(field.getType(), field.getName(), factory);
    }
    return factory.createTypeWithNullability(type, field.isNullable());
  }

  /** The SQL type of a List, Struct or Map field (from its children), else null. */
  private static RelDataType nestedRelType(Field field, RelDataTypeFactory factory) {
    List<Field> children = field.getChildren();
    switch (field.getType().getTypeID()) {
      case List:
        if (children.size() == 1) {
          return factory.createArrayType(toRelType(children.get(0), factory), -1);
        }
        break;
      case Struct: {
        RelDataTypeFactory.Builder row = factory.builder();
        for (Field child : children) {
          row.add(child.getName(), toRelType(child, factory));
        }
        return row.build();
      }
      case Map:
        if (children.size() == 1 && children.get(0).getChildren().size() == 2) {
          List<Field> entry = children.get(0).getChildren();
          return factory.createMapType(toRelType(entry.get(0), factory),
              toRelType(entry.get(1), factory));
        }
        break;
      default:
        return null;
    }
    throw new QuiverException(ErrorKind.DATA, "column '" + field.getName() + "' has a malformed"
        + " " + field.getType() + " field: " + field);
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
    switch (type.getSqlTypeName()) {
      case ARRAY:
        return new Field(name, new FieldType(type.isNullable(), ArrowType.List.INSTANCE, null),
            List.of(toField("item", type.getComponentType())));
      case ROW: {
        List<Field> children = new ArrayList<>();
        for (RelDataTypeField child : type.getFieldList()) {
          children.add(toField(child.getName(), child.getType()));
        }
        return new Field(name, new FieldType(type.isNullable(), ArrowType.Struct.INSTANCE, null),
            children);
      }
      case MAP: {
        Field key = toField("key", type.getKeyType());
        Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
            List.of(new Field("key", FieldType.notNullable(key.getType()), key.getChildren()),
                toField("value", type.getValueType())));
        return new Field(name, new FieldType(type.isNullable(), new ArrowType.Map(false), null),
            List.of(entries));
      }
      default:
        return new Field(name, new FieldType(type.isNullable(), toArrowType(type), null), null);
    }
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
      case ROW: return ArrowType.Struct.INSTANCE;
      case MAP: return new ArrowType.Map(false);
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
