package io.quiver.engine.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quiver.engine.source.text.TextColumnKind;
import io.quiver.engine.source.text.TextValueParser;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Writes the value at a Jackson parser's current token into one Arrow vector position, by the
 * column's type; objects go into Struct children by key (unknown keys are skipped, missing ones
 * are NULL), arrays into List elements. The root writer does the same for a line's object and
 * the batch's projected columns.
 */
final class NdjsonValueWriter {
  private static final int ROOT = 0;
  private static final int BOOLEAN = TextColumnKind.BOOLEAN;
  private static final int TINYINT = TextColumnKind.TINYINT;
  private static final int SMALLINT = TextColumnKind.SMALLINT;
  private static final int INTEGER = TextColumnKind.INTEGER;
  private static final int BIGINT = TextColumnKind.BIGINT;
  private static final int REAL = TextColumnKind.REAL;
  private static final int DOUBLE = TextColumnKind.DOUBLE;
  private static final int DECIMAL = TextColumnKind.DECIMAL;
  private static final int VARCHAR = TextColumnKind.VARCHAR;
  private static final int DATE = TextColumnKind.DATE;
  private static final int TIME = TextColumnKind.TIME;
  private static final int TIMESTAMP = TextColumnKind.TIMESTAMP;
  private static final int STRUCT = 13;
  private static final int LIST = 14;

  private final int kind;
  private final String path;
  private final Field field;
  private final NdjsonValueWriter[] children;
  private final Map<String, Integer> childIndex;
  private final NdjsonValueWriter element;
  private final boolean[] seen;
  private FieldVector vector;

  /** The root writer over the projected top-level fields. */
  static NdjsonValueWriter root(List<Field> fields) {
    return new NdjsonValueWriter(ROOT, "", null, fields);
  }

  private NdjsonValueWriter(int kind, String path, Field field, List<Field> childFields) {
    this.kind = kind;
    this.path = path;
    this.field = field;
    if (kind == ROOT || kind == STRUCT) {
      children = new NdjsonValueWriter[childFields.size()];
      childIndex = new HashMap<>();
      for (int i = 0; i < children.length; i++) {
        Field child = childFields.get(i);
        String childPath = path.isEmpty() ? child.getName() : path + "." + child.getName();
        children[i] = of(child, childPath);
        childIndex.putIfAbsent(child.getName(), i);
      }
      seen = new boolean[children.length];
      element = null;
    } else if (kind == LIST) {
      children = null;
      childIndex = null;
      seen = null;
      element = of(childFields.get(0), path + "[]");
    } else {
      children = null;
      childIndex = null;
      seen = null;
      element = null;
    }
  }

  private static NdjsonValueWriter of(Field field, String path) {
    return new NdjsonValueWriter(kindOf(field, path), path, field, field.getChildren());
  }

  private static int kindOf(Field field, String path) {
    ArrowType type = field.getType();
    if (type instanceof ArrowType.Struct) {
      return STRUCT;
    }
    if (type instanceof ArrowType.List) {
      return LIST;
    }
    int kind = TextColumnKind.of(type);
    if (kind == TextColumnKind.UNSUPPORTED) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "NDJSON column " + path + " has type "
          + type + ", which JSON values cannot be read as. Use BOOLEAN, integers, REAL, DOUBLE,"
          + " DECIMAL, VARCHAR, DATE, TIME, TIMESTAMP, Struct or List");
    }
    return kind;
  }


  /** Checks that every field of {@code fields} can be read (UNSUPPORTED otherwise). */
  static void check(List<Field> fields) {
    root(fields);
  }

  /** Root: writes into these vectors (the batch's projected columns) from now on. */
  void bindRoot(List<FieldVector> vectors) {
    for (int i = 0; i < children.length; i++) {
      children[i].bind(vectors.get(i));
    }
  }

  private void bind(FieldVector target) {
    this.vector = target;
    if (kind == STRUCT) {
      StructVector struct = (StructVector) target;
      for (int i = 0; i < children.length; i++) {
        children[i].bind((FieldVector) struct.getChildByOrdinal(i));
      }
    } else if (kind == LIST) {
      element.bind(((ListVector) target).getDataVector());
    }
  }

  /** Root: writes the object whose START_OBJECT is the parser's current token into row. */
  void writeRoot(JsonParser parser, int row, Context context) throws IOException {
    writeObject(parser, row, context);
  }

  /** The state one scan shares with its writers. */
  static final class Context {
    final String file;
    final JsonFactory factory;
    final TextValueParser values = new TextValueParser();
    long line;

    Context(String file, JsonFactory factory) {
      this.file = file;
      this.factory = factory;
    }
  }

  private void writeObject(JsonParser parser, int row, Context context) throws IOException {
    java.util.Arrays.fill(seen, false);
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      Integer index = childIndex.get(parser.currentName());
      JsonToken value = parser.nextToken();
      if (index == null || seen[index]) {
        parser.skipChildren();
        continue;
      }
      seen[index] = true;
      children[index].write(parser, value, row, context);
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + token + " in an object");
    }
    for (int i = 0; i < children.length; i++) {
      if (!seen[i]) {
        children[i].writeNull(row);
      }
    }
  }

  /** Sets every column of row {@code row} NULL (after a line that could not be read). */
  void writeNullRow(int row) {
    for (NdjsonValueWriter child : children) {
      child.writeNull(row);
    }
  }

  void writeNull(int row) {
    if (vector instanceof BaseFixedWidthVector) {
      ((BaseFixedWidthVector) vector).setNull(row);
    } else if (vector instanceof BaseVariableWidthVector) {
      ((BaseVariableWidthVector) vector).setNull(row);
    } else if (vector instanceof StructVector) {
      ((StructVector) vector).setNull(row);
    } else if (vector instanceof ListVector) {
      ((ListVector) vector).setNull(row);
    }
  }

  private void write(JsonParser parser, JsonToken token, int row, Context context)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      writeNull(row);
      return;
    }
    switch (kind) {
      case BOOLEAN:
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          ((BitVector) vector).setSafe(row, token == JsonToken.VALUE_TRUE ? 1 : 0);
          return;
        }
        break;
      case BIGINT:
      case INTEGER:
      case SMALLINT:
      case TINYINT: {
        if (token == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          long value = parser.getLongValue();
          if (writeInteger(row, value)) {
            return;
          }
        }
        break;
      }
      case DOUBLE:
      case REAL:
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          double value = parser.getDoubleValue();
          if (kind == DOUBLE) {
            ((Float8Vector) vector).setSafe(row, value);
          } else {
            ((Float4Vector) vector).setSafe(row, (float) value);
          }
          return;
        }
        break;
      case DECIMAL:
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
            || token == JsonToken.VALUE_STRING) {
          ArrowType.Decimal type = (ArrowType.Decimal) field.getType();
          try {
            BigDecimal value = new BigDecimal(parser.getText().trim())
                .setScale(type.getScale(), RoundingMode.HALF_UP);
            if (value.precision() <= type.getPrecision()) {
              ((DecimalVector) vector).setSafe(row, value);
              return;
            }
          } catch (NumberFormatException e) {
            // reported below
          }
        }
        break;
      case VARCHAR:
        writeText(parser, token, row, context);
        return;
      case DATE:
      case TIME:
      case TIMESTAMP:
        if (token == JsonToken.VALUE_STRING && writeTemporal(parser.getText(), row, context)) {
          return;
        }
        break;
      case STRUCT:
        if (token == JsonToken.START_OBJECT) {
          writeObject(parser, row, context);
          ((StructVector) vector).setIndexDefined(row);
          return;
        }
        break;
      case LIST:
        if (token == JsonToken.START_ARRAY) {
          ListVector list = (ListVector) vector;
          int offset = list.startNewValue(row);
          int count = 0;
          JsonToken item;
          while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item == null) {
              throw new IOException("unexpected end of an array");
            }
            element.write(parser, item, offset + count, context);
            count++;
          }
          list.endValue(row, count);
          return;
        }
        break;
      default:
        break;
    }
    throw mismatch(parser, token, context);
  }

  private boolean writeInteger(int row, long value) {
    switch (kind) {
      case BIGINT:
        ((BigIntVector) vector).setSafe(row, value);
        return true;
      case INTEGER:
        if (value == (int) value) {
          ((IntVector) vector).setSafe(row, (int) value);
          return true;
        }
        return false;
      case SMALLINT:
        if (value == (short) value) {
          ((SmallIntVector) vector).setSafe(row, (short) value);
          return true;
        }
        return false;
      default:
        if (value == (byte) value) {
          ((TinyIntVector) vector).setSafe(row, (byte) value);
          return true;
        }
        return false;
    }
  }

  private boolean writeTemporal(String text, int row, Context context) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    TextValueParser values = context.values;
    switch (kind) {
      case DATE: {
        int day = values.parseDate(bytes, 0, bytes.length);
        if (values.ok) {
          ((DateDayVector) vector).setSafe(row, day);
        }
        return values.ok;
      }
      case TIME: {
        long micros = values.parseTime(bytes, 0, bytes.length);
        if (values.ok) {
          ((TimeMicroVector) vector).setSafe(row, micros);
        }
        return values.ok;
      }
      default: {
        long micros = values.parseTimestamp(bytes, 0, bytes.length);
        if (values.ok) {
          ((TimeStampMicroVector) vector).setSafe(row, micros);
        }
        return values.ok;
      }
    }
  }

  private void writeText(JsonParser parser, JsonToken token, int row, Context context)
      throws IOException {
    byte[] bytes;
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      // A nested value in a VARCHAR column keeps its JSON text.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator generator = context.factory.createGenerator(out)) {
        generator.copyCurrentStructure(parser);
      }
      bytes = out.toByteArray();
    } else {
      bytes = parser.getText().getBytes(StandardCharsets.UTF_8);
    }
    ((VarCharVector) vector).setSafe(row, bytes, 0, bytes.length);
  }

  private QuiverException mismatch(JsonParser parser, JsonToken token, Context context) {
    String value;
    try {
      value = token.isScalarValue() ? parser.getText() : token == JsonToken.START_OBJECT
          ? "an object" : "an array";
    } catch (IOException e) {
      value = token.toString();
    }
    if (value.length() > 100) {
      value = value.substring(0, 100) + "...";
    }
    return new QuiverException(ErrorKind.DATA, "file " + context.file + ", line " + context.line
        + ", column " + parser.currentTokenLocation().getColumnNr() + ": key " + path
        + " holds " + value + ", which is not a " + field.getType() + ". The schema was given"
        + " or inferred from the first lines: raise schema_infer_max_records or give a schema"
        + " with schema_ipc");
  }
}
