package io.quiver.engine.exec;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Base class of the physical operators: owns a named allocator, turns failures into
 * {@link QuiverException}s that name the operator, and makes {@link #close()} idempotent.
 */
public abstract class AbstractOperator implements Operator {
  protected final ExecutionContext context;
  protected final Schema schema;
  private final String name;
  private final List<Operator> children;
  private BufferAllocator allocator;
  private VectorSchemaRoot emitted;
  private boolean closed;

  protected AbstractOperator(String name, ExecutionContext context, Schema schema,
      List<Operator> children) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.children = List.copyOf(children);
  }

  /** The operator's allocator, created on first use so that EXPLAIN allocates nothing. */
  protected final BufferAllocator allocator() {
    if (allocator == null) {
      allocator = context.newOperatorAllocator(name);
    }
    return allocator;
  }

  @Override
  public final Schema schema() {
    return schema;
  }

  @Override
  public final List<Operator> children() {
    return children;
  }

  @Override
  public final VectorSchemaRoot next() {
    if (closed) {
      throw new QuiverException(ErrorKind.INTERNAL, "operator " + name + " used after close");
    }
    checkCancelled();
    try {
      closeEmitted();
      return doNext();
    } catch (OutOfMemoryException e) {
      throw new QuiverException(ErrorKind.RESOURCE,
          "memory limit exceeded in operator " + name + ": " + e.getMessage()
              + ". Raise the session memory limit or make the query hold less data at once", e)
          .withContext(describe());
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw QuiverException.wrap(ErrorKind.INTERNAL, describe(), e);
    }
  }

  /**
   * Throws the EXECUTION error of a cancelled query when the running thread was interrupted;
   * called before every batch, and by an operator between bounded steps of work that may run
   * long without producing a batch.
   */
  protected final void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new QuiverException(ErrorKind.EXECUTION,
          "query cancelled: the thread running it was interrupted").withContext(describe());
    }
  }

  /** Produces the next batch following the ownership rule of {@link Operator}. */
  protected abstract VectorSchemaRoot doNext();

  /**
   * Returns {@code batch} (which this operator allocated, or null) as its next result and
   * remembers it, so that it is closed at the next call or at close unless the consumer
   * took its buffers.
   */
  protected final VectorSchemaRoot emit(VectorSchemaRoot batch) {
    emitted = batch;
    return batch;
  }

  private void closeEmitted() {
    if (emitted != null) {
      emitted.close();
      emitted = null;
    }
  }

  /** Releases what the operator holds besides its allocator and children. */
  protected void release() {}

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    Throwable failure = null;
    try {
      closeEmitted();
      release();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Operator child : children) {
      try {
        child.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw QuiverException.wrap(ErrorKind.INTERNAL, "closing " + name, failure);
    }
  }

  protected final boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return describe();
  }
}
