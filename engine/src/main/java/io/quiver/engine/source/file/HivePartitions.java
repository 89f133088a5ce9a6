package io.quiver.engine.source.file;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.Types;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Hive-style partition columns: the option {@code table_partition_cols} names them, each
 * {@code "name"} (typed by its values: BIGINT when every value is an integer, else VARCHAR) or
 * {@code "name:TYPE"} with TYPE one of BIGINT, INTEGER, DOUBLE, BOOLEAN, DATE, VARCHAR. A
 * file's value is the deepest directory {@code name=value} on its path; the value
 * {@code __HIVE_DEFAULT_PARTITION__} (and an empty one) is NULL. Undeclared {@code key=value}
 * directories add no column. A file whose path lacks a declared key, or whose value does not
 * fit the declared type, is a DATA error naming the file.
 */
public final class HivePartitions {
  static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

  private final List<Field> fields;
  private final Map<Path, List<Object>> values;

  private HivePartitions(List<Field> fields, Map<Path, List<Object>> values) {
    this.fields = List.copyOf(fields);
    this.values = values;
  }

  /** The partition columns of {@code declarations} over {@code files}. */
  public static HivePartitions of(List<String> declarations, List<Path> files) {
    List<String> names = new ArrayList<>();
    List<String> declaredTypes = new ArrayList<>();
    for (String declaration : declarations) {
      int colon = declaration.indexOf(':');
      String name = (colon < 0 ? declaration : declaration.substring(0, colon)).strip();
      if (name.isEmpty() || names.contains(name)) {
        throw new QuiverException(ErrorKind.DATA, "table_partition_cols: '" + declaration
            + "' " + (name.isEmpty() ? "has no column name" : "is declared twice")
            + "; write \"name\" or \"name:TYPE\"");
      }
      names.add(name);
      declaredTypes.add(colon < 0 ? null
          : declaration.substring(colon + 1).strip().toUpperCase(Locale.ROOT));
    }
    Map<Path, List<String>> texts = new HashMap<>();
    for (Path file : files) {
      texts.put(file, textValues(file, names));
    }
    List<Field> fields = new ArrayList<>();
    Map<Path, List<Object>> values = new HashMap<>();
    files.forEach(file -> values.put(file, new ArrayList<>()));
    for (int c = 0; c < names.size(); c++) {
      String type = declaredTypes.get(c);
      if (type == null) {
        type = "BIGINT";
        for (Path file : files) {
          String text = texts.get(file).get(c);
          if (text != null && !text.matches("[+-]?\\d{1,18}")) {
            type = "VARCHAR";
          }
        }
      }
      fields.add(new Field(names.get(c), FieldType.nullable(arrowType(type, names.get(c))),
          null));
      for (Path file : files) {
        values.get(file).add(convert(texts.get(file).get(c), type, names.get(c), file));
      }
    }
    return new HivePartitions(fields, values);
  }

  private static List<String> textValues(Path file, List<String> names) {
    Map<String, String> found = new LinkedHashMap<>();
    Path parent = file.getParent();
    if (parent != null) {
      for (Path part : parent) {
        String directory = part.toString();
        int equals = directory.indexOf('=');
        if (equals > 0) {
          found.put(directory.substring(0, equals), directory.substring(equals + 1));
        }
      }
    }
    List<String> texts = new ArrayList<>();
    for (String name : names) {
      if (!found.containsKey(name)) {
        throw new QuiverException(ErrorKind.DATA, "the file " + file + " has no directory "
            + name + "=... on its path, but table_partition_cols declares " + name);
      }
      String text = found.get(name);
      texts.add(text.isEmpty() || text.equals(DEFAULT_PARTITION) ? null : text);
    }
    return texts;
  }

  private static ArrowType arrowType(String type, String name) {
    switch (type) {
      case "BIGINT": return Types.BIGINT;
      case "INTEGER": case "INT": return new ArrowType.Int(32, true);
      case "DOUBLE": return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case "BOOLEAN": return ArrowType.Bool.INSTANCE;
      case "DATE": return new ArrowType.Date(DateUnit.DAY);
      case "VARCHAR": return ArrowType.Utf8.INSTANCE;
      default:
        throw new QuiverException(ErrorKind.DATA, "table_partition_cols: the type " + type
            + " of " + name + " is not supported; use BIGINT, INTEGER, DOUBLE, BOOLEAN, DATE"
            + " or VARCHAR");
    }
  }

  private static Object convert(String text, String type, String name, Path file) {
    if (text == null) {
      return null;
    }
    try {
      switch (type) {
        case "BIGINT": return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        case "INTEGER": case "INT": return Integer.parseInt(text);
        case "DOUBLE": return Double.parseDouble(text);
        case "BOOLEAN":
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
          }
          throw new IllegalArgumentException("not true or false");
        case "DATE": return LocalDate.parse(text);
        default: return text;
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new QuiverException(ErrorKind.DATA, "partition column " + name + ": the value '"
          + text + "' of " + file + " is not a " + type, e);
    }
  }

  /** The partition columns, in declaration order. */
  public List<Field> fields() {
    return fields;
  }

  /** {@code file}'s values (Java values), one per column. */
  public List<Object> values(Path file) {
    return values.get(file);
  }
}
