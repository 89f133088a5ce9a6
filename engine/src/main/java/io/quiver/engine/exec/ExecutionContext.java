package io.quiver.engine.exec;

import io.quiver.engine.kernel.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Per-query execution state shared by the operators of one query: the query's allocator (a
 * child of the session allocator), the batch size and the kernels. Each operator takes its own
 * named child allocator with {@link #newOperatorAllocator(String)} so that a memory-limit error
 * names the operator that asked.
 */
public final class ExecutionContext implements AutoCloseable {
  private final BufferAllocator queryAllocator;
  private final int batchSize;
  private final Kernels kernels;
  private final List<BufferAllocator> operatorAllocators = new ArrayList<>();
  private int nextOperatorId;

  public ExecutionContext(BufferAllocator queryAllocator, int batchSize, Kernels kernels) {
    this.queryAllocator = Objects.requireNonNull(queryAllocator, "queryAllocator is null");
    this.batchSize = batchSize;
    this.kernels = Objects.requireNonNull(kernels, "kernels is null");
  }

  public BufferAllocator queryAllocator() {
    return queryAllocator;
  }

  public int batchSize() {
    return batchSize;
  }

  public Kernels kernels() {
    return kernels;
  }

  /** A child allocator named {@code name#id}, closed with the query. */
  public synchronized BufferAllocator newOperatorAllocator(String name) {
    BufferAllocator allocator =
        queryAllocator.newChildAllocator(name + "#" + (nextOperatorId++), 0, Long.MAX_VALUE);
    operatorAllocators.add(allocator);
    return allocator;
  }

  @Override
  public synchronized void close() {
    for (int i = operatorAllocators.size() - 1; i >= 0; i--) {
      operatorAllocators.get(i).close();
    }
    operatorAllocators.clear();
    queryAllocator.close();
  }
}
