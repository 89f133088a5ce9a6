package io.quiver.engine.source.file;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The schema of several files unified by column name ({@code union_by_name}): every column of
 * every file, in order of first appearance, nullable (a file that lacks a column reads it as
 * NULL). A column whose type differs between files is a DATA error naming both files.
 */
final class SchemaUnion {
  private SchemaUnion() {}

  static Schema unify(List<Path> files, List<Schema> schemas) {
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, Path> firstFile = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      for (Field field : schemas.get(i).getFields()) {
        Field known = fields.get(field.getName());
        if (known == null) {
          fields.put(field.getName(), nullable(field));
          firstFile.put(field.getName(), files.get(i));
        } else if (!known.getType().equals(field.getType())
            || !nullable(field).getChildren().equals(known.getChildren())) {
          throw new QuiverException(ErrorKind.DATA, "union_by_name: column "
              + field.getName() + " is " + known.getType() + " in "
              + firstFile.get(field.getName()) + " but " + field.getType() + " in "
              + files.get(i) + "; give one schema with the option schema_ipc");
        }
      }
    }
    return new Schema(new ArrayList<>(fields.values()));
  }

  private static Field nullable(Field field) {
    List<Field> children = new ArrayList<>();
    for (Field child : field.getChildren()) {
      children.add(nullable(child));
    }
    FieldType type = field.getFieldType();
    return new Field(field.getName(), new FieldType(true, type.getType(), type.getDictionary(),
        type.getMetadata()), children);
  }
}
