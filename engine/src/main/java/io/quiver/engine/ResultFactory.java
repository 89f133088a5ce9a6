package io.quiver.engine;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** Creates {@link QueryResult}s for the statement runner (keeps their constructor internal). */
public final class ResultFactory {
  private ResultFactory() {}

  /** A result streaming the batches of {@code root}; {@code onClose} runs after release. */
  public static QueryResult streaming(String kind, Schema schema, Operator root,
      ExecutionContext context, Runnable onClose) {
    BufferAllocator allocator = context.queryAllocator().newChildAllocator("result", 0,
        Long.MAX_VALUE);
    return new QueryResult(kind, true, "", schema, root, context, allocator, onClose);
  }

  /** A result without rows, only a status message (CREATE, DROP, ...). */
  public static QueryResult message(String kind, String message, ExecutionContext context) {
    BufferAllocator allocator = context.queryAllocator().newChildAllocator("result", 0,
        Long.MAX_VALUE);
    return new QueryResult(kind, false, message, new Schema(java.util.List.of()), null, context,
        allocator, null);
  }
}
