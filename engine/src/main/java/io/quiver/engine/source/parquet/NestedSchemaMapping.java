package io.quiver.engine.source.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.SchemaElement;

/**
 * Maps one top-level Parquet column that holds repeated fields (LIST, MAP, bare repeated
 * fields, or structs holding them) to its Arrow field and its {@link NestedShape}, following
 * the backward-compatibility rules of the Parquet LogicalTypes spec:
 *
 * <ul>
 *   <li>LIST: a group with one repeated child. The repeated child is the element itself (each
 *       element required) when it is a primitive, a group with more than one field, or a group
 *       named {@code array} or {@code <list name>_tuple}; otherwise its only field is the
 *       element (the standard 3-level list).
 *   <li>MAP (and the legacy MAP_KEY_VALUE, on the outer group): a group with one repeated
 *       group of {@code key} and {@code value}; the entries are non-null structs. A map
 *       without a value field has values of the Null type (all null). A repeated group
 *       annotated MAP_KEY_VALUE outside a MAP group is a non-null map of its key and value.
 *   <li>A repeated field without LIST or MAP annotation: a non-null list of non-null elements.
 * </ul>
 *
 * Shapes it cannot assemble are UNSUPPORTED naming the Parquet path; the caller then keeps the
 * column undecodable.
 */
final class NestedSchemaMapping {
  private static final int MAX_DEPTH = 64;

  private final List<SchemaElement> elements;
  private int cursor;
  private int leaves;

  private NestedSchemaMapping(List<SchemaElement> elements, int cursor, int leaves) {
    this.elements = elements;
    this.cursor = cursor;
    this.leaves = leaves;
  }

  /** A mapped column and where the schema walk continues. */
  record Mapped(ParquetColumn column, int cursor, int leaves) {}

  /** A node's Arrow field and assembly shape. */
  private record Node(Field field, NestedShape shape) {}

  /**
   * Maps the top-level element at {@code cursor} (whose first leaf is column chunk
   * {@code firstLeaf}) and its subtree.
   */
  static Mapped map(List<SchemaElement> elements, int cursor, int firstLeaf) {
    NestedSchemaMapping mapping = new NestedSchemaMapping(elements, cursor, firstLeaf);
    SchemaElement element = mapping.take();
    Node node = mapping.build(element, 0, 0, 0, element.getName(), 0);
    ParquetColumn column = new ParquetColumn(node.field(), element.getName(), firstLeaf, null, 0,
        0, null, ParquetSchemaMapping.describe(element), List.of(), node.shape());
    return new Mapped(column, mapping.cursor, mapping.leaves);
  }

  private SchemaElement take() {
    if (cursor >= elements.size()) {
      throw ParquetData.corrupt("the footer schema tree needs more elements than the %d"
          + " listed", elements.size());
    }
    return elements.get(cursor++);
  }

  private static boolean group(SchemaElement element) {
    return element.isSetNum_children() && element.getNum_children() > 0 || !element.isSetType();
  }

  private int childCount(SchemaElement element, String path) {
    int count = element.isSetNum_children() ? element.getNum_children() : 0;
    if (count < 0 || count > elements.size() - cursor) {
      throw ParquetData.corrupt("schema group %s claims %d children", path, count);
    }
    return count;
  }

  private static String name(SchemaElement element) {
    return element.getName() == null ? "" : element.getName();
  }

  /**
   * A field in the context of its parent: slots exist from definition level {@code slot}, the
   * parent is defined from {@code parentDefinition}, {@code repetition} repeated ancestors.
   */
  private Node build(SchemaElement element, int slot, int parentDefinition, int repetition,
      String path, int depth) {
    if (element.getRepetition_type() == FieldRepetitionType.REPEATED && group(element)
        && element.getConverted_type() == ConvertedType.MAP_KEY_VALUE) {
      // A legacy key/value group without an enclosing MAP group: a non-null map.
      check(depth, path);
      return entries(name(element), element, slot, parentDefinition, repetition, false, path,
          path, depth);
    }
    if (element.getRepetition_type() == FieldRepetitionType.REPEATED) {
      // A bare repeated field: a non-null list of non-null elements.
      check(depth, path);
      int elementDefinition = parentDefinition + 1;
      int firstLeaf = leaves;
      Node item = value(element, elementDefinition, elementDefinition, repetition + 1, false,
          path, depth + 1);
      NestedShape shape = new NestedShape(NestedShape.Kind.LIST, path, slot, parentDefinition,
          repetition, elementDefinition, List.of(item.shape()), null, firstLeaf);
      Field field = new Field(name(element), new FieldType(false, ArrowType.List.INSTANCE,
          null), List.of(item.field()));
      return new Node(field, shape);
    }
    return value(element, slot, parentDefinition, repetition,
        element.getRepetition_type() != FieldRepetitionType.REQUIRED, path, depth);
  }

  /** A field taken as a (non-repeated) value, nullable or not. */
  private Node value(SchemaElement element, int slot, int parentDefinition, int repetition,
      boolean nullable, String path, int depth) {
    check(depth, path);
    int definition = parentDefinition + (nullable ? 1 : 0);
    int firstLeaf = leaves;
    if (!group(element)) {
      Conversion conversion = ParquetSchemaMapping.conversion(element);
      if (conversion == null) {
        throw ParquetData.unsupported("%s has Parquet type %s, which Quiver cannot read", path,
            ParquetSchemaMapping.describe(element));
      }
      Field field = new Field(name(element), new FieldType(nullable,
          ParquetSchemaMapping.arrowType(conversion, element), null), null);
      ParquetColumn leaf = new ParquetColumn(field, path, leaves++, element.getType(),
          element.isSetType_length() ? element.getType_length() : 0, definition, conversion,
          ParquetSchemaMapping.describe(element));
      return new Node(field, new NestedShape(NestedShape.Kind.LEAF, path, slot, definition,
          repetition, 0, List.of(), leaf, firstLeaf));
    }
    int count = childCount(element, path);
    if (isList(element)) {
      return list(element, count, slot, definition, repetition, nullable, path, depth);
    }
    if (isMap(element)) {
      return map(element, count, slot, definition, repetition, nullable, path, depth);
    }
    if (count == 0) {
      throw ParquetData.unsupported("%s is a group without fields", path);
    }
    List<Field> fields = new ArrayList<>();
    List<NestedShape> shapes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SchemaElement child = take();
      Node node = build(child, slot, definition, repetition, path + "." + name(child),
          depth + 1);
      fields.add(node.field());
      shapes.add(node.shape());
    }
    Field field = new Field(name(element), new FieldType(nullable, ArrowType.Struct.INSTANCE,
        null), fields);
    return new Node(field, new NestedShape(NestedShape.Kind.STRUCT, path, slot, definition,
        repetition, 0, shapes, null, firstLeaf));
  }

  private Node list(SchemaElement element, int count, int slot, int definition,
      int repetition, boolean nullable, String path, int depth) {
    if (count != 1) {
      throw ParquetData.unsupported("LIST group %s has %d fields (a list has one repeated"
          + " field)", path, count);
    }
    int firstLeaf = leaves;
    SchemaElement repeated = take();
    String repeatedPath = path + "." + name(repeated);
    if (repeated.getRepetition_type() != FieldRepetitionType.REPEATED) {
      throw ParquetData.unsupported("LIST group %s has a field %s that is not repeated", path,
          repeatedPath);
    }
    int elementDefinition = definition + 1;
    int elementRepetition = repetition + 1;
    Node item;
    boolean legacy = !group(repeated) || childCount(repeated, repeatedPath) != 1
        || "array".equals(repeated.getName())
        || (name(element) + "_tuple").equals(repeated.getName());
    if (legacy) {
      // 2-level list: the repeated field is the element, and elements are required.
      item = value(repeated, elementDefinition, elementDefinition, elementRepetition, false,
          repeatedPath, depth + 1);
    } else {
      SchemaElement child = take();
      item = build(child, elementDefinition, elementDefinition, elementRepetition,
          repeatedPath + "." + name(child), depth + 1);
    }
    Field field = new Field(name(element), new FieldType(nullable, ArrowType.List.INSTANCE,
        null), List.of(item.field()));
    return new Node(field, new NestedShape(NestedShape.Kind.LIST, path, slot, definition,
        repetition, elementDefinition, List.of(item.shape()), null, firstLeaf));
  }

  private Node map(SchemaElement element, int count, int slot, int definition,
      int repetition, boolean nullable, String path, int depth) {
    if (count != 1) {
      throw ParquetData.unsupported("MAP group %s has %d fields (a map has one repeated group"
          + " of key and value)", path, count);
    }
    SchemaElement entries = take();
    String entriesPath = path + "." + name(entries);
    if (entries.getRepetition_type() != FieldRepetitionType.REPEATED || !group(entries)) {
      throw ParquetData.unsupported("MAP group %s has a field %s that is not a repeated group",
          path, entriesPath);
    }
    return entries(name(element), entries, slot, definition, repetition, nullable, path,
        entriesPath, depth);
  }

  /**
   * A map (named {@code name}) whose repeated key/value group {@code entries} has been taken:
   * from a MAP group, or a bare repeated group annotated MAP_KEY_VALUE (a non-null map).
   */
  private Node entries(String name, SchemaElement entries, int slot, int definition,
      int repetition, boolean nullable, String path, String entriesPath, int depth) {
    int firstLeaf = leaves;
    int pairs = childCount(entries, entriesPath);
    if (pairs != 1 && pairs != 2) {
      throw ParquetData.unsupported("MAP %s has %d fields in its key/value group %s (a key and"
          + " at most one value are read)", path, pairs, entriesPath);
    }
    int elementDefinition = definition + 1;
    int elementRepetition = repetition + 1;
    SchemaElement keyElement = take();
    Node key = build(keyElement, elementDefinition, elementDefinition, elementRepetition,
        entriesPath + "." + name(keyElement), depth + 2);
    Node value;
    if (pairs == 2) {
      SchemaElement valueElement = take();
      value = build(valueElement, elementDefinition, elementDefinition, elementRepetition,
          entriesPath + "." + name(valueElement), depth + 2);
    } else {
      // The spec allows a map without values: read as a map whose values are all null.
      value = new Node(new Field("value", FieldType.nullable(ArrowType.Null.INSTANCE), null),
          new NestedShape(NestedShape.Kind.ABSENT, entriesPath + ".value", elementDefinition,
              elementDefinition, elementRepetition, 0, List.of(), null, leaves));
    }
    Field keyField = new Field("key", new FieldType(false, key.field().getType(), null),
        key.field().getChildren());
    Field valueField = new Field("value", value.field().getFieldType(),
        value.field().getChildren());
    Field entryField = new Field("entries", new FieldType(false, ArrowType.Struct.INSTANCE,
        null), List.of(keyField, valueField));
    NestedShape entryShape = new NestedShape(NestedShape.Kind.STRUCT, entriesPath,
        elementDefinition, elementDefinition, elementRepetition, 0,
        List.of(key.shape(), value.shape()), null, firstLeaf);
    Field field = new Field(name, new FieldType(nullable, new ArrowType.Map(false),
        null), List.of(entryField));
    return new Node(field, new NestedShape(NestedShape.Kind.LIST, path, slot, definition,
        repetition, elementDefinition, List.of(entryShape), null, firstLeaf));
  }

  private static void check(int depth, String path) {
    if (depth > MAX_DEPTH) {
      throw ParquetData.unsupported("schema nesting deeper than %d levels at %s", MAX_DEPTH,
          path);
    }
  }

  static boolean isList(SchemaElement element) {
    return element.isSetLogicalType() && element.getLogicalType().isSetLIST()
        || element.getConverted_type() == ConvertedType.LIST;
  }

  static boolean isMap(SchemaElement element) {
    return element.isSetLogicalType() && element.getLogicalType().isSetMAP()
        || element.getConverted_type() == ConvertedType.MAP
        || element.getConverted_type() == ConvertedType.MAP_KEY_VALUE;
  }
}
