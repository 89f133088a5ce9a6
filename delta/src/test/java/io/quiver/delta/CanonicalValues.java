package io.quiver.delta;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * The canonical text of a row in the Delta conformance corpus ({@code delta-expected/README.md},
 * "Canonical values"), rendered from Quiver's Arrow output with the snapshot's Delta types.
 */
final class CanonicalValues {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

  private CanonicalValues() {}

  /** The header line: each column name as a JSON string, joined by commas. */
  static String header(StructType schema) {
    List<String> names = new ArrayList<>();
    for (StructField field : schema.fields()) {
      names.add(json(field.getName()));
    }
    return String.join(",", names);
  }

  /** Row {@code row} of {@code root} as one canonical line. */
  static String line(StructType schema, VectorSchemaRoot root, int row) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < schema.length(); c++) {
      if (c > 0) {
        line.append(',');
      }
      FieldVector vector = root.getVector(c);
      line.append(value(schema.at(c).getDataType(), vector, row, false));
    }
    return line.toString();
  }

  static String value(DataType type, ValueVector vector, int index, boolean nested) {
    if (vector.isNull(index)) {
      return nested ? "null" : "\\N";
    }
    if (type instanceof BooleanType) {
      return ((BitVector) vector).get(index) != 0 ? "true" : "false";
    }
    if (type instanceof DoubleType) {
      return number(((Float8Vector) vector).get(index), nested);
    }
    if (type instanceof FloatType) {
      return number((double) ((Float4Vector) vector).get(index), nested);
    }
    if (type instanceof DecimalType decimal) {
      BigDecimal value = ((DecimalVector) vector).getObject(index);
      return value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY).toPlainString();
    }
    if (type instanceof StringType) {
      return json(new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8));
    }
    if (type instanceof BinaryType) {
      StringBuilder hex = new StringBuilder("0x");
      for (byte b : ((VarBinaryVector) vector).get(index)) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return quoted(hex.toString(), nested);
    }
    if (type instanceof DateType) {
      String text = DateTimeFormatter.ISO_LOCAL_DATE.format(
          LocalDate.ofEpochDay(((DateDayVector) vector).get(index)));
      return quoted(text, nested);
    }
    if (type instanceof TimestampType || type instanceof TimestampNTZType) {
      long micros = ((TimeStampVector) vector).get(index);
      LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
      String text = TIMESTAMP.format(time) + (type instanceof TimestampType ? "Z" : "");
      return quoted(text, nested);
    }
    if (type instanceof StructType struct) {
      StructVector structVector = (StructVector) vector;
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < struct.length(); i++) {
        if (i > 0) {
          text.append(',');
        }
        text.append(json(struct.at(i).getName())).append(':').append(value(
            struct.at(i).getDataType(), structVector.getChildByOrdinal(i), index, true));
      }
      return text.append('}').toString();
    }
    if (type instanceof ArrayType array) {
      ListVector list = (ListVector) vector;
      StringBuilder text = new StringBuilder("[");
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        if (text.length() > 1) {
          text.append(',');
        }
        text.append(value(array.getElementType(), list.getDataVector(), i, true));
      }
      return text.append(']').toString();
    }
    if (type instanceof MapType map) {
      ListVector list = (ListVector) vector;
      StructVector entries = (StructVector) list.getDataVector();
      List<String[]> pairs = new ArrayList<>();
      for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
        String key = value(map.getKeyType(), entries.getChildByOrdinal(0), i, true);
        if (!key.startsWith("\"")) {
          key = json(key);
        }
        pairs.add(new String[] {key, value(map.getValueType(), entries.getChildByOrdinal(1), i,
            true)});
      }
      pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
      StringBuilder text = new StringBuilder("{");
      for (String[] pair : pairs) {
        if (text.length() > 1) {
          text.append(',');
        }
        text.append(pair[0]).append(':').append(pair[1]);
      }
      return text.append('}').toString();
    }
    if (vector instanceof BaseIntVector integers) {
      return Long.toString(integers.getValueAsLong(index));
    }
    throw new IllegalStateException("no canonical form for " + type);
  }

  private static String number(double value, boolean nested) {
    if (Double.isNaN(value)) {
      return quoted("NaN", nested);
    }
    if (Double.isInfinite(value)) {
      return quoted(value > 0 ? "Infinity" : "-Infinity", nested);
    }
    if (value == 0.0) {
      return "0.0";
    }
    return Double.toString(value);
  }

  private static String quoted(String text, boolean nested) {
    return nested ? "\"" + text + "\"" : text;
  }

  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
