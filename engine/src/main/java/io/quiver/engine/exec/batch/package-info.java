/**
 * Batch utilities shared by the operators: gathering rows by index ({@link
 * io.quiver.engine.exec.batch.VectorGather}, the building block of sorts, joins and window
 * functions), accumulating borrowed batches into growing vectors ({@link
 * io.quiver.engine.exec.batch.BatchAccumulator}), zero-copy row ranges ({@link
 * io.quiver.engine.exec.batch.VectorSlices}), bitmap helpers and the Java-value writer used for
 * constants.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Values are copied by address ({@code MemoryUtil}); validity is built 64 bits at a time.
 *       Bounds are checked once per call (index range of a gather), never per value.</li>
 *   <li>Arrow's own {@code VectorAppender} is not used: it cannot report the 2 GiB limit of
 *       32-bit offsets as a {@code RESOURCE} error, and growth here must be amortised
 *       doubling with one block copy per batch.</li>
 *   <li>Arrow Java 19 bug worked around in {@code VectorSlices}: a byte-aligned
 *       {@code splitAndTransfer} of a {@code BitVector} keeps the shared buffer accounted to the
 *       source allocator, so closing that allocator first reports a leak. BitVector ranges are
 *       copied instead (one bit per row). Every place that shares buffers across allocators
 *       should slice through {@code VectorSlices}.</li>
 * </ul>
 */
package io.quiver.engine.exec.batch;
