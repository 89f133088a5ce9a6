package io.quiver.engine.exec;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A physical operator: pulls Arrow batches from its children and produces batches.
 *
 * <h2>Batch ownership (every operator follows this rule)</h2>
 * <ul>
 *   <li>{@link #next()} returns a batch owned by the producing operator, or {@code null} at the
 *       end. The caller may read it until it calls {@code next()} or {@code close()} again.</li>
 *   <li>The producer writes every batch it returns into freshly allocated buffers (it never
 *       writes again into a buffer it has returned), so a consumer may also take the buffers
 *       with a {@code TransferPair}; the producer then holds empty vectors and re-allocates.</li>
 *   <li>A consumer never closes, clears or modifies a batch it did not produce, except by such
 *       a transfer. A batch may pass through an operator unchanged (a filter that keeps every
 *       row returns its input).</li>
 *   <li>{@link #close()} releases everything the operator holds, closes its children, and may be
 *       called at any time, also before the end or after an error; it is idempotent.</li>
 * </ul>
 */
public interface Operator extends AutoCloseable {

  /** The schema of every batch this operator returns. */
  Schema schema();

  /** The next batch, or {@code null} when the operator is exhausted. */
  VectorSchemaRoot next();

  /** A one-line description for EXPLAIN, for example {@code HashJoin[INNER, build=right]}. */
  String describe();

  /** The operators this one reads from. */
  List<Operator> children();

  @Override
  void close();
}
