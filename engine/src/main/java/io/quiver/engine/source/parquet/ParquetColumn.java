package io.quiver.engine.source.parquet;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.format.Type;

/**
 * One top-level column of a Parquet file as the reader sees it.
 *
 * @param field the Arrow field the engine sees
 * @param path the dotted Parquet path (for messages)
 * @param chunkIndex index of its column chunk in each row group (its first leaf for nested
 *     columns)
 * @param physicalType the Parquet physical type (null for nested columns)
 * @param typeLength bytes per value of FIXED_LEN_BYTE_ARRAY, else 0
 * @param maxDefinitionLevel the definition level at which a value is present (a leaf) or the
 *     struct is non-null: the number of optional fields on its path
 * @param conversion how values map to the Arrow type, or null when the column is nested and
 *     cannot be decoded yet
 * @param description the Parquet type as written, for messages
 * @param children the fields of a {@link Conversion#STRUCT} column, else empty
 * @param shape the record-assembly tree of a column holding repeated fields (LIST, MAP,
 *     repeated fields), decoded by {@link NestedColumnReader}; null otherwise
 */
record ParquetColumn(Field field, String path, int chunkIndex, Type physicalType, int typeLength,
    int maxDefinitionLevel, Conversion conversion, String description,
    List<ParquetColumn> children, NestedShape shape) {

  ParquetColumn {
    children = List.copyOf(children);
  }

  /** A leaf or an undecodable column (no children). */
  ParquetColumn(Field field, String path, int chunkIndex, Type physicalType, int typeLength,
      int maxDefinitionLevel, Conversion conversion, String description) {
    this(field, path, chunkIndex, physicalType, typeLength, maxDefinitionLevel, conversion,
        description, List.of());
  }

  /** A leaf, an undecodable column or a struct of flat fields. */
  ParquetColumn(Field field, String path, int chunkIndex, Type physicalType, int typeLength,
      int maxDefinitionLevel, Conversion conversion, String description,
      List<ParquetColumn> children) {
    this(field, path, chunkIndex, physicalType, typeLength, maxDefinitionLevel, conversion,
        description, children, null);
  }

  /** True for a column without a flat conversion: repeated (see {@link #shape}) or unreadable. */
  boolean nested() {
    return conversion == null;
  }

  String name() {
    return field.getName();
  }
}
