package io.quiver.engine.plan;

import io.quiver.engine.catalog.QuiverTable;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdDistinctRowCount;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Cardinality estimates for join ordering. Calcite's default gives every equi-join the same
 * selectivity (0.15) whatever the keys, so a many-to-many join on a low-cardinality column
 * (TPC-H Q5's c_nationkey = s_nationkey) looks as cheap as a key join. Here an equi-join's
 * row count is {@code left * right / max(ndv(left keys), ndv(right keys))}, with distinct
 * counts that table providers measure ({@link QuiverTable#distinctCount}).
 */
final class QuiverMetadata {
  private QuiverMetadata() {}

  static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new JoinRowCount(),
          BuiltInMetadata.RowCount.Handler.class),
      ReflectiveRelMetadataProvider.reflectiveSource(new ScanDistinctRowCount(),
          BuiltInMetadata.DistinctRowCount.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  static RelMetadataQuery newQuery() {
    return RelMetadataQuery.instance();
  }

  static JaninoRelMetadataProvider janino() {
    return JaninoRelMetadataProvider.of(PROVIDER);
  }

  /** Row counts of joins from key distinct counts. */
  static final class JoinRowCount extends RelMdRowCount {
    @Override
    public Double getRowCount(Join join, RelMetadataQuery mq) {
      JoinRelType type = join.getJoinType();
      if (!type.projectsRight()) {
        return super.getRowCount(join, mq);
      }
      JoinInfo info = join.analyzeCondition();
      if (info.leftKeys.isEmpty()) {
        return super.getRowCount(join, mq);
      }
      Double left = mq.getRowCount(join.getLeft());
      Double right = mq.getRowCount(join.getRight());
      Double leftDistinct = mq.getDistinctRowCount(join.getLeft(),
          ImmutableBitSet.of(info.leftKeys), null);
      Double rightDistinct = mq.getDistinctRowCount(join.getRight(),
          ImmutableBitSet.of(info.rightKeys), null);
      if (left == null || right == null || leftDistinct == null || rightDistinct == null) {
        return super.getRowCount(join, mq);
      }
      double rows = left * right / Math.max(1.0, Math.max(leftDistinct, rightDistinct));
      RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
      if (!remaining.isAlwaysTrue()) {
        rows *= RelMdUtil.guessSelectivity(remaining);
      }
      if (type == JoinRelType.LEFT || type == JoinRelType.FULL) {
        rows = Math.max(rows, left);
      }
      if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
        rows = Math.max(rows, right);
      }
      return Math.max(1.0, rows);
    }
  }

  /** Distinct counts of scanned columns, measured by the table where it can. */
  static final class ScanDistinctRowCount extends RelMdDistinctRowCount {
    @Override
    public Double getDistinctRowCount(TableScan scan, RelMetadataQuery mq,
        ImmutableBitSet groupKey, RexNode predicate) {
      CatalogSchema.TableAdapter adapter = scan.getTable().unwrap(CatalogSchema.TableAdapter.class);
      if (adapter == null || groupKey.isEmpty()) {
        return super.getDistinctRowCount(scan, mq, groupKey, predicate);
      }
      QuiverTable table = adapter.table();
      double rows = table.rowCount();
      double distinct = 1;
      for (int column : groupKey) {
        double columnDistinct = table.distinctCount(column);
        if (columnDistinct < 0) {
          return super.getDistinctRowCount(scan, mq, groupKey, predicate);
        }
        distinct *= columnDistinct;
      }
      distinct = Math.min(distinct, rows);
      if (predicate != null && !predicate.isAlwaysTrue()) {
        double selected = rows * RelMdUtil.guessSelectivity(predicate);
        distinct = RelMdUtil.numDistinctVals(distinct, selected);
      }
      return Math.max(1.0, distinct);
    }
  }

}
