package io.quiver.engine.plan;

import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.QuiverTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Presents the session {@link Catalog} to Calcite's validator as its root schema, for one
 * statement: a catalog table is read through {@link StatementTables#bound} (opened for the
 * statement on first use), and the statement's time-travel tables are added under their own
 * names.
 */
final class CatalogSchema extends AbstractSchema {
  private final Catalog catalog;
  private final ViewRowTypes viewRowTypes;
  private final StatementTables statementTables;

  /** Looks up the row type of a view (computed when the view was created). */
  interface ViewRowTypes {
    RelDataType rowType(Catalog.View view, RelDataTypeFactory factory);
  }

  CatalogSchema(Catalog catalog, ViewRowTypes viewRowTypes, StatementTables statementTables) {
    this.catalog = catalog;
    this.viewRowTypes = viewRowTypes;
    this.statementTables = statementTables;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> map = new LinkedHashMap<>();
    for (Map.Entry<String, QuiverTable> entry : catalog.tables().entrySet()) {
      QuiverTable table = entry.getValue();
      map.put(entry.getKey(), new TableAdapter(() -> statementTables.bound(table)));
    }
    for (Map.Entry<String, Catalog.View> entry : catalog.views().entrySet()) {
      map.put(entry.getKey(), new ViewAdapter(entry.getValue(), viewRowTypes));
    }
    for (Map.Entry<String, QuiverTable> entry : statementTables.travelled().entrySet()) {
      QuiverTable table = entry.getValue();
      map.put(entry.getKey(), new TableAdapter(() -> table));
    }
    return map;
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  /** A Quiver table as Calcite sees it: a row type and a row-count statistic. */
  static final class TableAdapter extends AbstractTable {
    private final Supplier<QuiverTable> table;

    /** @param table the table as the statement reads it, opened when first asked for */
    TableAdapter(Supplier<QuiverTable> table) {
      this.table = table;
    }

    QuiverTable table() {
      return table.get();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return TypeMapping.toRelType(table().schema(), typeFactory);
    }

    @Override
    public Statistic getStatistic() {
      QuiverTable table = table();
      double rows = table.rowCount();
      if (rows < 0) {
        return Statistics.UNKNOWN;
      }
      List<org.apache.calcite.util.ImmutableBitSet> keys = new java.util.ArrayList<>();
      for (int column : table.uniqueColumns()) {
        keys.add(org.apache.calcite.util.ImmutableBitSet.of(column));
      }
      return Statistics.of(rows, keys);
    }
  }

  /** A view: expanded into its query's plan wherever it is used. */
  static final class ViewAdapter extends AbstractTable implements TranslatableTable {
    private final Catalog.View view;
    private final ViewRowTypes rowTypes;

    ViewAdapter(Catalog.View view, ViewRowTypes rowTypes) {
      this.view = view;
      this.rowTypes = rowTypes;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return rowTypes.rowType(view, typeFactory);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
      RelDataType rowType = getRowType(context.getCluster().getTypeFactory());
      return context.expandView(rowType, view.sql(), List.of(), List.of(view.name())).project();
    }
  }
}
