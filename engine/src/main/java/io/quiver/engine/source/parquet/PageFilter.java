package io.quiver.engine.source.parquet;

import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.RowGroup;

/**
 * Narrows a row group to the rows its page index says may satisfy the pushed predicates: for
 * each predicate on a flat column whose chunk has a column index and an offset index, the
 * pages whose bounds and null counts may match (the same test {@link StatisticsPruner} applies
 * to a whole row group) give row ranges; predicates on different columns intersect. Predicates
 * it cannot use (nested columns, no page index, bounds in an order it cannot trust) leave the
 * rows as they are: the engine re-applies every filter, so more rows is never wrong.
 */
final class PageFilter {
  private PageFilter() {}

  /**
   * The rows of {@code group} that may match every predicate; all its rows when the page
   * index rules nothing out.
   *
   * @param columns the file's column for each predicate's column index (null when the file
   *     lacks it)
   * @param indexes receives the page index read for each chunk index (null for a chunk
   *     without one), for the reader to reuse
   */
  static RowRanges select(FileChannel channel, ParquetFooter footer, RowGroup group,
      List<ColumnPredicate> predicates, ParquetColumn[] columns, Map<Integer, PageIndex> indexes)
      throws IOException {
    long rows = group.getNum_rows();
    RowRanges selected = RowRanges.all(rows);
    for (ColumnPredicate predicate : predicates) {
      ParquetColumn column = StatisticsPruner.flatColumn(predicate, columns, group);
      if (column == null || !typeOrder(footer, column) && !StatisticsPruner.legacy(column)) {
        continue;
      }
      ColumnChunk chunk = group.getColumns().get(column.chunkIndex());
      PageIndex pages;
      if (indexes.containsKey(column.chunkIndex())) {
        pages = indexes.get(column.chunkIndex());
      } else {
        try {
          pages = PageIndex.read(channel, footer.fileSize(), chunk, rows, true);
        } catch (QuiverException e) {
          throw e.withContext("column " + column.name());
        }
        indexes.put(column.chunkIndex(), pages);
      }
      if (pages == null) {
        continue;
      }
      selected = selected.intersect(matching(pages, predicate, column));
      if (selected.isEmpty()) {
        break;
      }
    }
    return selected;
  }

  /**
   * Whether the footer says the column's bounds follow its logical type's order (the only
   * column order Parquet defines); without it bounds are in signed order.
   */
  private static boolean typeOrder(ParquetFooter footer, ParquetColumn column) {
    List<ColumnOrder> orders = footer.metadata().getColumn_orders();
    return orders != null && column.chunkIndex() < orders.size()
        && orders.get(column.chunkIndex()).isSetTYPE_ORDER();
  }

  /** The rows of the pages that may hold a value satisfying {@code predicate}. */
  static RowRanges matching(PageIndex pages, ColumnPredicate predicate, ParquetColumn column) {
    RowRanges.Builder rows = new RowRanges.Builder();
    for (int page = 0; page < pages.pageCount(); page++) {
      long first = pages.firstRow(page);
      long end = pages.endRow(page);
      if (StatisticsPruner.mayMatch(predicate, column, pages.minimum(page),
          pages.maximum(page), pages.nulls(page), end - first)) {
        rows.add(first, end);
      }
    }
    return rows.build();
  }
}
