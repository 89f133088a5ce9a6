package io.quiver.delta;

import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.quiver.delta.kernel.DeltaArrowTypes;
import io.quiver.delta.kernel.KernelToArrow;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a {@code delta_scan} table looks like and reads, after its options: the columns (the
 * snapshot's, or those {@code schema_ipc} names, in its order and with its names, plus the
 * {@code file_column_name} column last), the data files ({@code files}) and the scan config.
 *
 * <p>{@code schema_ipc} columns must be table columns (matched by name, exactly or else
 * ignoring case) of the table's type: Quiver has no public conversion for a Delta scan to
 * reuse, so another type is a DATA error naming the column and both types.
 */
final class DeltaScanLayout {
  /** The index of the file column in {@link #tableColumn}. */
  static final int FILE_COLUMN = -1;

  private final Schema schema;
  private final int[] tableColumns;
  private final DeltaFileSelection files;
  private final DeltaScanConfig config;

  private DeltaScanLayout(Schema schema, int[] tableColumns, DeltaFileSelection files,
      DeltaScanConfig config) {
    this.schema = schema;
    this.tableColumns = tableColumns;
    this.files = files;
    this.config = config;
  }

  /** Every column of the table, every active file, the default config. */
  static DeltaScanLayout of(StructType deltaSchema) {
    return of(deltaSchema, DeltaScanConfig.DEFAULT, null);
  }

  /**
   * The layout {@code config} and {@code files} (null: every active file) give a table of
   * {@code deltaSchema}; DATA errors for a bad {@code schema_ipc} or file column name.
   */
  static DeltaScanLayout of(StructType deltaSchema, DeltaScanConfig config,
      DeltaFileSelection files) {
    Schema table = DeltaArrowTypes.schema(deltaSchema);
    List<Field> fields = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    if (config.schemaIpc() == null) {
      for (int i = 0; i < table.getFields().size(); i++) {
        fields.add(table.getFields().get(i));
        columns.add(i);
      }
    } else {
      Set<Integer> seen = new HashSet<>();
      for (Field given : config.schemaIpc().getFields()) {
        int index = find(table, given.getName());
        if (index < 0) {
          throw new QuiverException(ErrorKind.DATA, "schema_ipc column '" + given.getName()
              + "' is not a column of the table; its columns are " + names(table));
        }
        if (!seen.add(index)) {
          throw new QuiverException(ErrorKind.DATA, "schema_ipc names column '"
              + given.getName() + "' twice");
        }
        Field stored = table.getFields().get(index);
        if (!KernelToArrow.sameShape(given, stored)) {
          throw new QuiverException(ErrorKind.DATA, "schema_ipc gives column '"
              + given.getName() + "' the type " + typeText(given) + ", but the table stores "
              + typeText(stored) + ", and delta_scan converts no types: give the table's type"
              + " or leave the column out");
        }
        fields.add(new Field(given.getName(), stored.getFieldType(), stored.getChildren()));
        columns.add(index);
      }
    }
    String fileColumn = config.fileColumnName();
    if (fileColumn != null) {
      if (find(table, fileColumn) >= 0) {
        throw new QuiverException(ErrorKind.DATA, "scan_config file_column_name '" + fileColumn
            + "' is the name of a column of the table: choose another name");
      }
      fields.add(new Field(fileColumn, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
      columns.add(FILE_COLUMN);
    }
    return new DeltaScanLayout(new Schema(fields),
        columns.stream().mapToInt(Integer::intValue).toArray(), files, config);
  }

  /** The index of the table column named {@code name}: exactly, else ignoring case; or -1. */
  private static int find(Schema table, String name) {
    List<Field> fields = table.getFields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(name)) {
        return i;
      }
    }
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().toLowerCase(Locale.ROOT)
          .equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> names(Schema schema) {
    return schema.getFields().stream().map(Field::getName).toList();
  }

  private static String typeText(Field field) {
    if (field.getChildren().isEmpty()) {
      return field.getType().toString();
    }
    List<String> children = new ArrayList<>();
    for (Field child : field.getChildren()) {
      children.add(child.getName() + ": " + typeText(child));
    }
    return field.getType() + "<" + String.join(", ", children) + ">";
  }

  /** The table's schema as the query sees it. */
  Schema schema() {
    return schema;
  }

  /** The snapshot column output column {@code index} reads, or {@link #FILE_COLUMN}. */
  int tableColumn(int index) {
    return tableColumns[index];
  }

  /** The Delta field output column {@code index} reads, or null for the file column. */
  StructField deltaField(StructType deltaSchema, int index) {
    int column = tableColumns[index];
    return column == FILE_COLUMN ? null : deltaSchema.at(column);
  }

  /** The files the scan is restricted to, or null for every active file. */
  DeltaFileSelection files() {
    return files;
  }

  DeltaScanConfig config() {
    return config;
  }
}
