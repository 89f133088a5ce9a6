package io.quiver.engine.format;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Renders result batches as text, one batch at a time. Call {@link #start} once, then
 * {@link #add} for every batch in order, then {@link #finish} once. A formatter never keeps a
 * reference to a batch after {@link #add} returns, so the caller may reuse or release it.
 */
public interface BatchFormatter {

  /** Begins the output for rows of {@code schema} (CSV writes its header here). */
  void start(Schema schema) throws IOException;

  /** Renders the rows of {@code batch}, whose schema is the one given to {@link #start}. */
  void add(VectorSchemaRoot batch) throws IOException;

  /** Ends the output (closing bracket, table frame, row count) and flushes it. */
  void finish() throws IOException;
}
