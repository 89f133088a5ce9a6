/**
 * Window functions: the specification types ({@link io.quiver.engine.exec.window.WindowFunction},
 * {@link io.quiver.engine.exec.window.WindowFrame}, ...) and their evaluation over sorted
 * partitions ({@link io.quiver.engine.exec.window.WindowEvaluator}), used by {@link
 * io.quiver.engine.exec.operator.WindowOperator}.
 *
 * <p>Semantics are PostgreSQL's (checked against DuckDB on random data in the tests):
 * <ul>
 *   <li>The default frame with ORDER BY is {@code RANGE BETWEEN UNBOUNDED PRECEDING AND
 *       CURRENT ROW}, which includes the current row's peers; without ORDER BY it is the whole
 *       partition. Ranking functions, NTILE, LAG and LEAD ignore the frame.</li>
 *   <li>RANGE with {@code n PRECEDING/FOLLOWING} needs one ORDER BY key of an integer,
 *       floating-point, DATE (n in days), TIME or TIMESTAMP (n in microseconds) type; other
 *       keys are an UNSUPPORTED error naming the frame. A row whose key is NULL has its NULL
 *       peers as the frame of an offset bound.</li>
 *   <li>Aggregates ignore NULL arguments; over an empty frame (or only NULLs) SUM, AVG, MIN and
 *       MAX are NULL and COUNT is 0. SUM of integers is exact in 128 bits and fails
 *       (EXECUTION) only when the frame's sum does not fit the result type; SUM of DECIMAL keeps
 *       the scale; SUM/AVG of REAL/DOUBLE use compensated summation with NaN and infinities
 *       counted apart, so a value leaving a sliding frame leaves nothing behind.</li>
 *   <li>Every built-in aggregate slides over the frames in O(1) amortised per row (frame bounds
 *       only move forward within a partition); MIN/MAX use a monotonic deque.</li>
 *   <li>Registry aggregates (user and plugin functions, or a built-in reached through a
 *       shadowing name) run their accumulator over the frames: whole partitions and running
 *       frames in O(n), other frames recomputed per row ({@code FramedAggregate} explains
 *       the cost). Registry window functions are called once per partition with its frames
 *       and peer groups.</li>
 *   <li>NTILE's bucket count is read at the partition's first row (NULL: NULL results;
 *       not positive: EXECUTION error); NTH_VALUE's n must be positive.</li>
 * </ul>
 */
package io.quiver.engine.exec.window;
