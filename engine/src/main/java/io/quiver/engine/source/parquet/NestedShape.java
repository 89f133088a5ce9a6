package io.quiver.engine.source.parquet;

import java.util.List;

/**
 * One node of a nested column's assembly tree: how the repetition and definition levels of its
 * leaves turn into Arrow List, Map, Struct and leaf vectors (record assembly, the Dremel
 * scheme). Every node lives in a context of its enclosing list element: {@code contextRepetition}
 * is the number of repeated ancestors, and a level entry creates a slot of this node when its
 * repetition level is at most {@code contextRepetition} and its definition level reaches
 * {@code slotDefinition}.
 *
 * @param kind LEAF, STRUCT, LIST (a MAP is a LIST of non-null key/value structs) or ABSENT
 * @param path the dotted Parquet path, for messages
 * @param slotDefinition the definition level at which this node has a slot (its parent exists)
 * @param nullDefinition the definition level at which this node is non-null (equal to
 *     {@code slotDefinition} when the node is required)
 * @param contextRepetition the repetition depth of the node's slots
 * @param elementDefinition LIST: the definition level at which the list has an element
 * @param children LIST: the element; STRUCT: the fields; LEAF: none
 * @param leaf LEAF: the leaf column (chunk index, physical type, conversion, maximum
 *     definition level); else null
 * @param firstLeaf the index (among the column's leaves, depth first) of this node's first
 *     leaf, whose levels define the node's slots, nulls and list offsets
 */
record NestedShape(Kind kind, String path, int slotDefinition, int nullDefinition,
    int contextRepetition, int elementDefinition, List<NestedShape> children,
    ParquetColumn leaf, int firstLeaf) {

  /**
   * What a node assembles into; ABSENT is the missing value field of a map without values
   * (a Null vector, no leaf).
   */
  enum Kind { LEAF, STRUCT, LIST, ABSENT }

  NestedShape {
    children = List.copyOf(children);
  }

  /** The maximum repetition level of a leaf (its number of repeated ancestors). */
  int maxRepetition() {
    return contextRepetition;
  }

  /** LIST: the repetition level of its elements. */
  int elementRepetition() {
    return contextRepetition + 1;
  }

  /** The leaves under this node, depth first. */
  void collectLeaves(List<NestedShape> out) {
    if (kind == Kind.LEAF) {
      out.add(this);
    }
    for (NestedShape child : children) {
      child.collectLeaves(out);
    }
  }
}
