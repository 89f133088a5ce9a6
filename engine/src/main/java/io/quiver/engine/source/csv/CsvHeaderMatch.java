package io.quiver.engine.source.csv;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Matches the columns of a schema given with {@code schema_ipc} to the fields of a CSV file
 * that has a header:
 * <ul>
 *   <li>every column named in the header (exactly, else ignoring case): by name, so the
 *       schema may list a subset of the file's fields in any order;</li>
 *   <li>no column named in the header and as many columns as header fields: by position (the
 *       schema renames the fields, as without a header);</li>
 *   <li>otherwise a DATA error naming the missing columns and the header.</li>
 * </ul>
 */
final class CsvHeaderMatch {
  private CsvHeaderMatch() {}

  /** For each schema column, the index of its field in the file's records. */
  static int[] fieldOfColumn(List<String> header, Schema schema, Path file) {
    List<Field> fields = schema.getFields();
    int[] fieldOf = new int[fields.size()];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < fields.size(); c++) {
      fieldOf[c] = find(header, fields.get(c).getName());
      if (fieldOf[c] < 0) {
        missing.add(fields.get(c).getName());
      }
    }
    if (missing.isEmpty()) {
      return fieldOf;
    }
    if (missing.size() == fields.size() && fields.size() == header.size()) {
      for (int c = 0; c < fieldOf.length; c++) {
        fieldOf[c] = c;
      }
      return fieldOf;
    }
    throw new QuiverException(ErrorKind.DATA, "file " + file + ": the columns " + missing
        + " of schema_ipc are not in the file's header " + header + ". Name the header's"
        + " fields in schema_ipc (any order, a subset is fine), give one column per field to"
        + " match them by position, or set has_header to false");
  }

  private static int find(List<String> header, String name) {
    int ignoringCase = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(name)) {
        return i;
      }
      if (ignoringCase < 0 && header.get(i).equalsIgnoreCase(name)) {
        ignoringCase = i;
      }
    }
    return ignoringCase;
  }
}
