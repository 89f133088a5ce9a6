package io.quiver.udf.function;

import java.util.List;

/**
 * What the host asks of one scan of a {@link TableSource}: the columns, the predicates it may
 * use to skip data (hints: the host re-applies its filter) and a row limit it may stop at.
 *
 * @param projection indexes into the source's schema, in output order
 * @param predicates conditions on columns (indexes into the schema, not the projection), all of
 *     which a returned row would have to satisfy; empty when there are none
 * @param limit the source may stop after this many rows (-1: no limit); only set when no
 *     filter remains between the scan and the LIMIT
 * @param batchSize about this many rows per batch
 */
public record ScanRequest(int[] projection, List<ColumnPredicate> predicates, long limit,
    int batchSize) {

  public ScanRequest {
    projection = projection.clone();
    predicates = List.copyOf(predicates);
  }

  /** Every column, no predicates, no limit. */
  public static ScanRequest of(int[] projection, int batchSize) {
    return new ScanRequest(projection, List.of(), -1, batchSize);
  }

  @Override
  public int[] projection() {
    return projection.clone();
  }
}
