package io.quiver.engine.source.parquet;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * A top-level column holding repeated fields (LIST, MAP, repeated fields, and structs of them
 * at any depth), decoded by record assembly: each leaf reads the levels and values of the
 * batch's records ({@link NestedLeafReader}), then every list and struct of the
 * {@link NestedShape} takes its slots, nulls and offsets from its first leaf's levels in one
 * loop over int arrays. Leaves that disagree on records or on the number of values of a shared
 * ancestor are a DATA error.
 */
final class NestedColumnReader implements ColumnReader {
  private final NestedShape root;
  private final NestedLeafReader[] leaves;
  private final long groupRows;
  private long rowsRead;
  private int[] offsets = new int[1025];
  private byte[] valid = new byte[1024];

  /**
   * @param leaves the readers of the column's leaves, depth first
   * @param groupRows the rows of the row group, which every leaf must hold exactly
   */
  NestedColumnReader(NestedShape root, List<NestedLeafReader> leaves, long groupRows) {
    this.root = root;
    this.leaves = leaves.toArray(new NestedLeafReader[0]);
    this.groupRows = groupRows;
  }

  @Override
  public void read(int rows, FieldVector vector, int start) {
    if (start != 0) {
      throw new IllegalStateException("a nested column is read from row 0 of a batch");
    }
    FieldVector[] leafVectors = new FieldVector[leaves.length];
    collectLeafVectors(root, vector, leafVectors);
    for (int j = 0; j < leaves.length; j++) {
      leaves[j].readRecords(rows, leafVectors[j]);
    }
    int slots = assemble(root, vector);
    if (slots != rows) {
      throw ParquetData.corrupt("column %s assembled %d rows where %d were read", root.path(),
          slots, rows);
    }
    rowsRead += rows;
    if (rowsRead == groupRows) {
      for (NestedLeafReader leaf : leaves) {
        if (!leaf.exhausted()) {
          throw ParquetData.corrupt("leaf %s holds more records than the row group's %d rows",
              leaf.leaf().path(), groupRows);
        }
      }
    }
  }

  /** Not meaningful for a nested column (only struct fields are asked): null. */
  @Override
  public int[] levels() {
    return null;
  }

  private void collectLeafVectors(NestedShape node, FieldVector vector, FieldVector[] out) {
    switch (node.kind()) {
      case LEAF:
        out[node.firstLeaf() - root.firstLeaf()] = vector;
        break;
      case ABSENT:
        break;
      case LIST:
        collectLeafVectors(node.children().get(0), ((ListVector) vector).getDataVector(), out);
        break;
      default: {
        List<FieldVector> children = ((StructVector) vector).getChildrenFromFields();
        for (int f = 0; f < node.children().size(); f++) {
          collectLeafVectors(node.children().get(f), children.get(f), out);
        }
        break;
      }
    }
  }

  /** Writes the node's slots (and its subtree's) into {@code vector}; returns their number. */
  private int assemble(NestedShape node, FieldVector vector) {
    NestedLeafReader levels = leaves[node.firstLeaf() - root.firstLeaf()];
    if (node.kind() == NestedShape.Kind.LEAF) {
      return levels.slots();
    }
    int[] repetition = levels.repetition();
    int[] definition = levels.definition();
    int count = levels.count();
    if (valid.length < count) {
      valid = new byte[Math.max(count, valid.length * 2)];
      offsets = new int[valid.length + 1];
    }
    int context = node.contextRepetition();
    int slot = node.slotDefinition();
    int nonNull = node.nullDefinition();
    if (node.kind() == NestedShape.Kind.STRUCT) {
      int slots = 0;
      for (int i = 0; i < count; i++) {
        int level = definition[i];
        if (repetition[i] <= context && level >= slot) {
          valid[slots++] = (byte) (level >= nonNull ? 1 : 0);
        }
      }
      NestedVectors.setStruct((StructVector) vector, slots, valid);
      List<FieldVector> children = ((StructVector) vector).getChildrenFromFields();
      for (int f = 0; f < node.children().size(); f++) {
        NestedShape child = node.children().get(f);
        if (child.kind() == NestedShape.Kind.ABSENT) {
          continue;
        }
        int childSlots = assemble(child, children.get(f));
        if (childSlots != slots) {
          throw disagree(node, child, childSlots, slots);
        }
      }
      return slots;
    }
    int elementRepetition = node.elementRepetition();
    int element = node.elementDefinition();
    int slots = 0;
    int elements = 0;
    boolean open = false;
    for (int i = 0; i < count; i++) {
      int r = repetition[i];
      int level = definition[i];
      if (r <= context) {
        if (level < slot) {
          open = false;
          continue;
        }
        offsets[slots] = elements;
        valid[slots++] = (byte) (level >= nonNull ? 1 : 0);
        open = level >= element;
      } else if (!open) {
        throw ParquetData.corrupt("leaf %s: level entry %d of the batch repeats inside list %s,"
            + " which is null or empty there", levels.leaf().path(), i, node.path());
      }
      elements += r <= elementRepetition && level >= element ? 1 : 0;
    }
    offsets[slots] = elements;
    ListVector list = (ListVector) vector;
    NestedVectors.setList(list, slots, offsets, valid);
    NestedShape child = node.children().get(0);
    int childSlots = assemble(child, list.getDataVector());
    if (childSlots != elements) {
      throw disagree(node, child, childSlots, elements);
    }
    return slots;
  }

  private static RuntimeException disagree(NestedShape parent, NestedShape child, int childSlots,
      int expected) {
    return ParquetData.corrupt("the leaves of %s disagree: %s has %d values where %d were"
        + " expected", parent.path(), child.path(), childSlots, expected);
  }
}
