/**
 * Sorting: {@link io.quiver.engine.exec.sort.SortKey}, typed row comparators ({@link
 * io.quiver.engine.exec.sort.RowComparator}) and the permutation sort used by ORDER BY, top-N
 * and window functions.
 *
 * <p>Decisions (PostgreSQL's behaviour):
 * <ul>
 *   <li>NULL placement is explicit per key; the planner passes SQL's default (NULLS LAST for
 *       ascending, NULLS FIRST for descending).</li>
 *   <li>REAL/DOUBLE: NaN sorts above every other value and equals NaN; {@code -0.0 = 0.0}.</li>
 *   <li>VARCHAR: unsigned byte order of the UTF-8 encoding (the C collation; it equals code
 *       point order).</li>
 *   <li>INTERVAL DAY TO SECOND compares by total length (1 day = 24 hours).</li>
 *   <li>Sorts are stable, so results are deterministic: rows with equal keys keep input
 *       order.</li>
 * </ul>
 */
package io.quiver.engine.exec.sort;
