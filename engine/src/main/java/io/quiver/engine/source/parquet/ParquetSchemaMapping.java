package io.quiver.engine.source.parquet;

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
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * Maps a Parquet schema (the footer's depth-first list of schema elements) to top-level
 * {@link ParquetColumn}s and an Arrow schema of the engine's types. Timestamps of any unit,
 * UTC-adjusted or not, and INT96 become Timestamp(MICROSECOND, no zone) holding microseconds
 * since the epoch as stored (nanoseconds truncated toward negative infinity); unsigned
 * integers widen to the next signed type (UINT64 to DECIMAL(20, 0)); FLOAT16 widens to REAL;
 * UUID becomes its 36-character text. Groups without repeated fields map to Arrow Struct
 * columns; columns holding LIST, MAP or repeated fields are mapped by
 * {@link NestedSchemaMapping} (a shape it cannot assemble keeps the column undecodable: a scan
 * of it is UNSUPPORTED).
 */
final class ParquetSchemaMapping {
  private final List<SchemaElement> elements;
  private int cursor;
  private int leaves;

  private ParquetSchemaMapping(List<SchemaElement> elements) {
    this.elements = elements;
  }

  /** The top-level columns of a file's schema. */
  static List<ParquetColumn> columns(List<SchemaElement> elements) {
    if (elements == null || elements.isEmpty()) {
      throw ParquetData.corrupt("the footer has no schema");
    }
    ParquetSchemaMapping mapping = new ParquetSchemaMapping(elements);
    SchemaElement root = elements.get(0);
    int children = root.isSetNum_children() ? root.getNum_children() : 0;
    mapping.cursor = 1;
    List<ParquetColumn> columns = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      columns.add(mapping.topLevel());
    }
    if (mapping.cursor != elements.size()) {
      throw ParquetData.corrupt("the footer schema has %d elements but its tree uses %d",
          elements.size(), mapping.cursor);
    }
    return columns;
  }

  static Schema arrowSchema(List<ParquetColumn> columns) {
    List<Field> fields = new ArrayList<>(columns.size());
    for (ParquetColumn column : columns) {
      fields.add(column.field());
    }
    return new Schema(fields);
  }

  private SchemaElement take() {
    if (cursor >= elements.size()) {
      throw ParquetData.corrupt("the footer schema tree needs more elements than the %d"
          + " listed", elements.size());
    }
    return elements.get(cursor++);
  }

  private ParquetColumn topLevel() {
    int firstLeaf = leaves;
    SchemaElement element = elements.get(Math.min(cursor, elements.size() - 1));
    if (element.isSetNum_children() && element.getNum_children() > 0
        && element.getRepetition_type() != FieldRepetitionType.REPEATED && !isList(element)
        && !isMap(element)) {
      int savedCursor = cursor;
      take();
      ParquetColumn struct = struct(element, 0, element.getName(), 0);
      if (struct != null) {
        return struct;
      }
      cursor = savedCursor;
      leaves = firstLeaf;
    }
    String name = element.getName();
    boolean group = element.isSetNum_children() && element.getNum_children() > 0
        || !element.isSetType();
    boolean repeated = element.getRepetition_type() == FieldRepetitionType.REPEATED;
    String unsupported = "";
    if (group || repeated) {
      int savedCursor = cursor;
      try {
        NestedSchemaMapping.Mapped mapped = NestedSchemaMapping.map(elements, cursor, firstLeaf);
        cursor = mapped.cursor();
        leaves = mapped.leaves();
        return mapped.column();
      } catch (QuiverException e) {
        if (e.kind() != ErrorKind.UNSUPPORTED) {
          throw e;
        }
        unsupported = ": " + e.getMessage();
        cursor = savedCursor;
        leaves = firstLeaf;
      }
    }
    Field field = field(take(), 0, false);
    if (group || repeated) {
      return new ParquetColumn(field, name, firstLeaf, null, 0, 0, null,
          describe(element) + (repeated && !group ? " (repeated)" : "") + unsupported);
    }
    Conversion conversion = conversion(element);
    int maxDefinition = element.getRepetition_type() == FieldRepetitionType.REQUIRED ? 0 : 1;
    return new ParquetColumn(field, name, firstLeaf, element.getType(),
        element.isSetType_length() ? element.getType_length() : 0, maxDefinition, conversion,
        describe(element));
  }

  /**
   * A struct column for a group (already taken) whose subtree has no repeated field, LIST or
   * MAP, and only readable leaves; null otherwise (the caller rewinds).
   */
  private ParquetColumn struct(SchemaElement element, int parentDefinition, String path,
      int depth) {
    if (depth > 64) {
      return null;
    }
    int definition = parentDefinition
        + (element.getRepetition_type() == FieldRepetitionType.REQUIRED ? 0 : 1);
    int count = element.getNum_children();
    if (count <= 0 || count > elements.size()) {
      return null;
    }
    int firstLeaf = leaves;
    List<ParquetColumn> children = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SchemaElement child = take();
      if (child.getRepetition_type() == FieldRepetitionType.REPEATED) {
        return null;
      }
      String childPath = path + "." + child.getName();
      ParquetColumn column;
      if (child.isSetNum_children() && child.getNum_children() > 0 || !child.isSetType()) {
        if (isList(child) || isMap(child)) {
          return null;
        }
        column = struct(child, definition, childPath, depth + 1);
        if (column == null) {
          return null;
        }
      } else {
        int leaf = leaves++;
        Conversion conversion = conversion(child);
        if (conversion == null) {
          return null;
        }
        boolean optional = child.getRepetition_type() != FieldRepetitionType.REQUIRED;
        Field field = new Field(child.getName(), new FieldType(optional,
            arrowType(conversion, child), null), null);
        column = new ParquetColumn(field, childPath, leaf, child.getType(),
            child.isSetType_length() ? child.getType_length() : 0,
            definition + (optional ? 1 : 0), conversion, describe(child));
      }
      children.add(column);
      fields.add(column.field());
    }
    boolean nullable = element.getRepetition_type() != FieldRepetitionType.REQUIRED;
    Field field = new Field(element.getName(), new FieldType(nullable, ArrowType.Struct.INSTANCE,
        null), fields);
    return new ParquetColumn(field, path, firstLeaf, null, 0, definition, Conversion.STRUCT,
        describe(element), children);
  }

  /**
   * The Arrow field of {@code element}, consuming its subtree.
   *
   * @param listLayer whether the parent is LIST or MAP annotated (its repeated child is the
   *     list layer, not a list of its own)
   */
  private Field field(SchemaElement element, int depth, boolean listLayer) {
    if (depth > 64) {
      throw ParquetData.unsupported("schema nesting deeper than 64 levels at %s",
          element.getName());
    }
    String name = element.getName() == null ? "column" + leaves : element.getName();
    boolean nullable = element.getRepetition_type() != FieldRepetitionType.REQUIRED;
    boolean group = element.isSetNum_children() && element.getNum_children() > 0
        || !element.isSetType();
    Field field;
    if (!group) {
      leaves++;
      Conversion conversion = conversion(element);
      ArrowType type = conversion == null ? ArrowType.Binary.INSTANCE
          : arrowType(conversion, element);
      field = new Field(name, new FieldType(nullable, type, null), null);
    } else {
      int count = element.isSetNum_children() ? element.getNum_children() : 0;
      if (count < 0 || count > elements.size()) {
        throw ParquetData.corrupt("schema group %s claims %d children", name, count);
      }
      List<Field> children = new ArrayList<>();
      boolean listOrMap = isList(element) || isMap(element);
      for (int i = 0; i < count; i++) {
        children.add(field(take(), depth + 1, listOrMap));
      }
      if (isList(element) && children.size() == 1) {
        Field repeated = children.get(0);
        Field item = repeated.getChildren().size() == 1 && !repeated.getName().equals("array")
            && !repeated.getName().endsWith("_tuple") ? repeated.getChildren().get(0) : repeated;
        field = new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
            List.of(item));
      } else if (isMap(element) && children.size() == 1
          && children.get(0).getChildren().size() == 2) {
        Field entries = children.get(0);
        List<Field> pair = entries.getChildren();
        Field key = new Field("key", new FieldType(false, pair.get(0).getType(), null),
            pair.get(0).getChildren());
        Field entry = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE, null),
            List.of(key, pair.get(1)));
        field = new Field(name, new FieldType(nullable, new ArrowType.Map(false), null),
            List.of(entry));
      } else {
        field = new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null),
            children);
      }
    }
    if (element.getRepetition_type() == FieldRepetitionType.REPEATED && !listLayer) {
      // A repeated field outside a LIST/MAP annotation is a list of its values; inside one it
      // is the annotation's repeated layer, which the parent unwraps.
      return new Field(name, new FieldType(true, ArrowType.List.INSTANCE, null),
          List.of(field));
    }
    return field;
  }

  private static boolean isList(SchemaElement element) {
    return element.isSetLogicalType() && element.getLogicalType().isSetLIST()
        || element.getConverted_type() == ConvertedType.LIST;
  }

  private static boolean isMap(SchemaElement element) {
    return element.isSetLogicalType() && element.getLogicalType().isSetMAP()
        || element.getConverted_type() == ConvertedType.MAP
        || element.getConverted_type() == ConvertedType.MAP_KEY_VALUE;
  }

  /** The conversion of a leaf, or null when its type cannot be read (described by the column). */
  static Conversion conversion(SchemaElement element) {
    Type type = element.getType();
    LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
    ConvertedType converted = element.getConverted_type();
    if (type == null) {
      return null;
    }
    boolean decimal = logical != null && logical.isSetDECIMAL()
        || logical == null && converted == ConvertedType.DECIMAL;
    if (decimal && decimalPrecision(element) > 38) {
      return null;
    }
    switch (type) {
      case BOOLEAN:
        return Conversion.BOOLEAN;
      case INT32:
        if (decimal) {
          return Conversion.DECIMAL_INT32;
        }
        if (logical != null && logical.isSetINTEGER()) {
          int bits = logical.getINTEGER().getBitWidth();
          boolean signed = logical.getINTEGER().isIsSigned();
          if (bits == 8) {
            return signed ? Conversion.INT8 : Conversion.UINT8;
          }
          if (bits == 16) {
            return signed ? Conversion.INT16 : Conversion.UINT16;
          }
          return signed ? Conversion.INT32 : Conversion.UINT32;
        }
        if (logical != null && logical.isSetDATE() || converted == ConvertedType.DATE) {
          return Conversion.DATE;
        }
        if (logical != null && logical.isSetTIME() || converted == ConvertedType.TIME_MILLIS) {
          return Conversion.TIME_MILLIS;
        }
        if (logical == null && converted != null) {
          switch (converted) {
            case INT_8: return Conversion.INT8;
            case INT_16: return Conversion.INT16;
            case UINT_8: return Conversion.UINT8;
            case UINT_16: return Conversion.UINT16;
            case UINT_32: return Conversion.UINT32;
            default: break;
          }
        }
        return Conversion.INT32;
      case INT64:
        if (decimal) {
          return Conversion.DECIMAL_INT64;
        }
        if (logical != null && logical.isSetINTEGER()) {
          return logical.getINTEGER().isIsSigned() ? Conversion.INT64 : Conversion.UINT64;
        }
        if (logical != null && logical.isSetTIMESTAMP()) {
          org.apache.parquet.format.TimeUnit unit = logical.getTIMESTAMP().getUnit();
          return unit.isSetMILLIS() ? Conversion.TIMESTAMP_MILLIS
              : unit.isSetNANOS() ? Conversion.TIMESTAMP_NANOS : Conversion.TIMESTAMP_MICROS;
        }
        if (logical != null && logical.isSetTIME()) {
          org.apache.parquet.format.TimeUnit unit = logical.getTIME().getUnit();
          return unit.isSetNANOS() ? Conversion.TIME_NANOS : unit.isSetMILLIS()
              ? Conversion.TIME_MILLIS : Conversion.TIME_MICROS;
        }
        if (logical == null && converted != null) {
          switch (converted) {
            case TIMESTAMP_MILLIS: return Conversion.TIMESTAMP_MILLIS;
            case TIMESTAMP_MICROS: return Conversion.TIMESTAMP_MICROS;
            case TIME_MICROS: return Conversion.TIME_MICROS;
            case UINT_64: return Conversion.UINT64;
            default: break;
          }
        }
        return Conversion.INT64;
      case INT96:
        return Conversion.INT96_TIMESTAMP;
      case FLOAT:
        return Conversion.FLOAT;
      case DOUBLE:
        return Conversion.DOUBLE;
      case BYTE_ARRAY:
        if (decimal) {
          return Conversion.DECIMAL_BYTES;
        }
        if (logical != null && (logical.isSetSTRING() || logical.isSetENUM()
            || logical.isSetJSON())
            || converted == ConvertedType.UTF8 || converted == ConvertedType.ENUM
            || converted == ConvertedType.JSON) {
          return Conversion.STRING;
        }
        return Conversion.BINARY;
      case FIXED_LEN_BYTE_ARRAY:
        if (!element.isSetType_length() || element.getType_length() <= 0) {
          throw ParquetData.corrupt("FIXED_LEN_BYTE_ARRAY column %s has no positive length",
              element.getName());
        }
        if (decimal) {
          return Conversion.DECIMAL_BYTES;
        }
        if (logical != null && logical.isSetUUID() && element.getType_length() == 16) {
          return Conversion.UUID;
        }
        if (logical != null && logical.isSetFLOAT16() && element.getType_length() == 2) {
          return Conversion.FLOAT16;
        }
        return Conversion.BINARY;
      default:
        return null;
    }
  }

  private static int decimalPrecision(SchemaElement element) {
    if (element.isSetLogicalType() && element.getLogicalType().isSetDECIMAL()) {
      return element.getLogicalType().getDECIMAL().getPrecision();
    }
    return element.getPrecision();
  }

  private static int decimalScale(SchemaElement element) {
    if (element.isSetLogicalType() && element.getLogicalType().isSetDECIMAL()) {
      return element.getLogicalType().getDECIMAL().getScale();
    }
    return element.getScale();
  }

  static ArrowType arrowType(Conversion conversion, SchemaElement element) {
    switch (conversion) {
      case BOOLEAN: return ArrowType.Bool.INSTANCE;
      case INT8: return new ArrowType.Int(8, true);
      case INT16:
      case UINT8: return new ArrowType.Int(16, true);
      case INT32:
      case UINT16: return new ArrowType.Int(32, true);
      case INT64:
      case UINT32: return new ArrowType.Int(64, true);
      case UINT64: return new ArrowType.Decimal(20, 0, 128);
      case DECIMAL_INT32:
      case DECIMAL_INT64:
      case DECIMAL_BYTES: {
        int precision = decimalPrecision(element);
        int scale = decimalScale(element);
        if (precision <= 0 || scale < 0 || scale > precision) {
          throw ParquetData.corrupt("column %s is DECIMAL(%d, %d), which is not valid",
              element.getName(), precision, scale);
        }
        return new ArrowType.Decimal(precision, scale, 128);
      }
      case FLOAT:
      case FLOAT16: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE: return new ArrowType.Date(DateUnit.DAY);
      case TIME_MILLIS:
      case TIME_MICROS:
      case TIME_NANOS: return new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP_MILLIS:
      case TIMESTAMP_MICROS:
      case TIMESTAMP_NANOS:
      case INT96_TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
      case STRING:
      case UUID: return ArrowType.Utf8.INSTANCE;
      case BINARY: return ArrowType.Binary.INSTANCE;
      case STRUCT: return ArrowType.Struct.INSTANCE;
      default: throw new IllegalStateException("unmapped conversion " + conversion);
    }
  }

  static String describe(SchemaElement element) {
    StringBuilder text = new StringBuilder();
    text.append(element.getRepetition_type() == null ? "" : element.getRepetition_type()
        .name().toLowerCase(java.util.Locale.ROOT) + " ");
    if (element.isSetType()) {
      text.append(element.getType());
      if (element.isSetType_length()) {
        text.append('(').append(element.getType_length()).append(')');
      }
    } else {
      text.append("group");
    }
    if (element.isSetLogicalType()) {
      text.append(' ').append(element.getLogicalType().getSetField());
    } else if (element.getConverted_type() != null) {
      text.append(' ').append(element.getConverted_type());
    }
    return text.toString();
  }
}
