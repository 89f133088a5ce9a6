package io.quiver.udf.function;

import org.apache.arrow.vector.VectorSchemaRoot;

/** The batches of one scan of a {@link TableSource}. */
public interface TableScan extends AutoCloseable {

  /**
   * The next batch of the projected columns, or null at the end. Ownership passes to the
   * caller, which closes it.
   */
  VectorSchemaRoot next();

  @Override
  void close();
}
