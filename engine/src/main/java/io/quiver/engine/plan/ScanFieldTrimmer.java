package io.quiver.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite's field trimmer, which also trims the columns of a table function scan without
 * inputs ({@code read_parquet(...)}, {@code read_csv(...)}): a projection of the used columns
 * goes right above the scan, so the physical planner asks the scan for those columns only. Calcite
 * trims a table scan this way but leaves a table function's columns alone, so an aggregate
 * straight over {@code read_parquet} would otherwise decode every column of the file. Public
 * because Calcite dispatches to {@code trimFields} by reflection.
 */
public final class ScanFieldTrimmer extends RelFieldTrimmer {
  private final RelBuilder relBuilder;

  public ScanFieldTrimmer(RelBuilder relBuilder) {
    super(null, relBuilder);
    this.relBuilder = relBuilder;
  }

  /** Called by the trimmer's reflective dispatch (the most specific {@code trimFields}). */
  @Override
  public TrimResult trimFields(LogicalTableFunctionScan scan, ImmutableBitSet fieldsUsed,
      Set<RelDataTypeField> extraFields) {
    int fieldCount = scan.getRowType().getFieldCount();
    if (!scan.getInputs().isEmpty() || fieldsUsed.isEmpty()
        || fieldsUsed.cardinality() >= fieldCount || !extraFields.isEmpty()) {
      // No columns used (COUNT(*)) keeps the scan whole, as Calcite does.
      return super.trimFields(scan, fieldsUsed, extraFields);
    }
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount,
        fieldsUsed.cardinality());
    relBuilder.push(scan);
    List<RexNode> columns = new ArrayList<>();
    int target = 0;
    for (int field : fieldsUsed) {
      columns.add(relBuilder.field(field));
      mapping.set(field, target++);
    }
    RelNode project = relBuilder.project(columns).build();
    return result(project, mapping);
  }
}
