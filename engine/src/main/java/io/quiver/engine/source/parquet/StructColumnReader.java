package io.quiver.engine.source.parquet;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * A struct column without repeated fields inside: each field is read by its own reader into
 * the struct's child vector; the struct is non-null on a row where its first leaf's definition
 * level reaches the struct's own level (a leaf's level counts the optional fields defined on
 * its path, so every leaf agrees on its ancestors).
 */
final class StructColumnReader implements ColumnReader {
  private final List<ColumnReader> fields;
  private final int definitionLevel;

  StructColumnReader(List<ColumnReader> fields, int definitionLevel) {
    this.fields = List.copyOf(fields);
    this.definitionLevel = definitionLevel;
  }

  @Override
  public void read(int rows, FieldVector vector, int start) {
    StructVector struct = (StructVector) vector;
    List<FieldVector> children = struct.getChildrenFromFields();
    for (int f = 0; f < fields.size(); f++) {
      fields.get(f).read(rows, children.get(f), start);
    }
    int[] levels = levels();
    for (int i = 0; i < rows; i++) {
      if (levels == null || levels[i] >= definitionLevel) {
        struct.setIndexDefined(start + i);
      } else {
        struct.setNull(start + i);
      }
    }
  }

  @Override
  public int[] levels() {
    return fields.get(0).levels();
  }
}
