package io.quiver.engine.exec.aggregate;

import io.quiver.engine.function.FunctionBoundary;
import io.quiver.engine.function.FunctionFailures;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.AggregateFunction;
import io.quiver.udf.function.GroupAccumulator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The function boundary around one {@link GroupAccumulator}, used by the hash aggregate and the
 * window operator for built-in and user aggregates alike:
 * <ul>
 *   <li>Anything a user accumulator throws (any exception or error, a stack overflow included)
 *       becomes a {@code USER_FUNCTION} error "aggregate function 'f' (session) failed on batch
 *       3: ..." with the cause attached; running out of memory is {@code RESOURCE}. A
 *       built-in's own errors (SUM overflow: {@code EXECUTION}) keep their kind
 *       ({@link FunctionBoundary#failure}).</li>
 *   <li>The host allocates result and state vectors with room for every group and sets their
 *       value counts; a {@code finish()} or {@code writeState()} that set another value count,
 *       or that closed, cleared or shrank the vector, broke the contract: a
 *       {@code USER_FUNCTION} error ({@link FunctionBoundary#check}).</li>
 *   <li>The accumulator allocates from a child allocator named after the function; {@link
 *       #close()} closes the accumulator, then checks that it released everything.</li>
 * </ul>
 * Calls are per batch (or per window partition), never per row, so the checks cost nothing
 * measurable.
 */
public final class GuardedAccumulator implements AutoCloseable {
  private final RegisteredFunction function;
  private final List<ArrowType> argumentTypes;
  private final String owner;
  private final BufferAllocator allocator;
  private final GroupAccumulator accumulator;
  private List<Field> stateFields;
  private String place = "";
  private boolean closed;

  /**
   * Creates the accumulator of {@code function} (an aggregate) for arguments of
   * {@code argumentTypes}, allocating from a child of {@code parent}.
   */
  public GuardedAccumulator(RegisteredFunction function, List<ArrowType> argumentTypes,
      Field resultField, BufferAllocator parent) {
    this.function = function;
    this.argumentTypes = List.copyOf(argumentTypes);
    this.owner = FunctionFailures.describe("aggregate", function);
    this.allocator = parent.newChildAllocator(owner, 0, Long.MAX_VALUE);
    GroupAccumulator created;
    try {
      created = ((AggregateFunction) function.definition()).createAccumulator(
          new AccumulatorContext(this.argumentTypes, resultField, allocator));
    } catch (Throwable e) {
      allocator.close();
      throw failure(e, "while creating its accumulator");
    }
    if (created == null) {
      allocator.close();
      throw FunctionFailures.contract(owner, "", "createAccumulator() returned null");
    }
    this.accumulator = created;
  }

  /** For messages: {@code aggregate function 'f' (session)}. */
  public String owner() {
    return owner;
  }

  /**
   * Where the next calls happen, for error messages: for example {@code on batch 3}. Set once
   * per batch or window partition.
   */
  public void at(String where) {
    this.place = where;
  }

  private String where() {
    return place;
  }

  /** See {@link GroupAccumulator#update}. */
  public void update(FieldVector[] arguments, int[] rows, int count, int[] groupIds,
      int groupCount) {
    try {
      accumulator.update(arguments, rows, count, groupIds, groupCount);
    } catch (Throwable e) {
      throw failure(e, where());
    }
  }

  /** Whether the accumulator takes a batch group by group ({@link #updateRuns}). */
  public boolean takesRuns() {
    return accumulator instanceof GroupRunAccumulator;
  }

  /** See {@link GroupRunAccumulator#updateRuns}; only when {@link #takesRuns()}. */
  public void updateRuns(FieldVector[] arguments, RowsByGroup byGroup) {
    try {
      ((GroupRunAccumulator) accumulator).updateRuns(arguments, byGroup);
    } catch (Throwable e) {
      throw failure(e, where());
    }
  }

  /** See {@link GroupAccumulator#merge}. */
  public void merge(FieldVector[] state, int rowCount, int[] groupIds, int groupCount) {
    try {
      accumulator.merge(state, rowCount, groupIds, groupCount);
    } catch (Throwable e) {
      throw failure(e, ("while merging states " + where()).trim());
    }
  }

  /** The state fields the function declares for these argument types. */
  public List<Field> stateFields() {
    if (stateFields == null) {
      List<Field> fields;
      try {
        fields = ((AggregateFunction) function.definition()).stateFields(argumentTypes);
      } catch (Throwable e) {
        throw failure(e, "while declaring its state fields");
      }
      if (fields == null) {
        throw FunctionFailures.contract(owner, "", "stateFields() returned null; return the"
            + " Arrow fields of one group's state (an empty list when there is none)");
      }
      stateFields = List.copyOf(fields);
    }
    return stateFields;
  }

  /** New, empty vectors of the state fields in {@code target}; the caller owns them. */
  public FieldVector[] newStateVectors(BufferAllocator target) {
    List<Field> fields = stateFields();
    FieldVector[] vectors = new FieldVector[fields.size()];
    try {
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = fields.get(i).createVector(target);
      }
    } catch (RuntimeException e) {
      for (FieldVector vector : vectors) {
        if (vector != null) {
          vector.close();
        }
      }
      throw e;
    }
    return vectors;
  }

  /**
   * Writes the state of groups {@code [0, groupCount)} into {@code state} (vectors of
   * {@link #stateFields()}, allocated here for {@code groupCount} rows); sets their value counts.
   */
  public void writeState(FieldVector[] state, int groupCount) {
    for (FieldVector vector : state) {
      FunctionBoundary.allocate(vector, groupCount);
    }
    try {
      accumulator.writeState(state, groupCount);
    } catch (Throwable e) {
      throw failure(e, ("while writing its state " + where()).trim());
    }
    for (FieldVector vector : state) {
      check(vector, groupCount, "writeState()");
      vector.setValueCount(groupCount);
    }
  }

  /**
   * Writes the results of groups {@code [0, groupCount)} into {@code result}, which is allocated
   * here for {@code groupCount} rows and gets its value count set. On failure the caller still
   * owns (and closes) {@code result}.
   */
  public void finish(FieldVector result, int groupCount) {
    FunctionBoundary.allocate(result, groupCount);
    try {
      accumulator.finish(result, groupCount);
    } catch (Throwable e) {
      throw failure(e, ("while finishing " + groupCount + " groups " + where()).trim());
    }
    check(result, groupCount, "finish()");
    result.setValueCount(groupCount);
  }

  private void check(FieldVector vector, int groupCount, String method) {
    FunctionBoundary.check(vector, groupCount, owner, where(), method);
  }

  private QuiverException failure(Throwable error, String where) {
    return FunctionBoundary.failure(function, owner, error, where);
  }

  /**
   * Closes the accumulator and its allocator. Memory it still holds after its close() is a
   * USER_FUNCTION error naming it (the allocator then stays open: the leak is reported, not
   * hidden).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    QuiverException problem = null;
    try {
      accumulator.close();
    } catch (Throwable e) {
      problem = failure(e, "while closing its accumulator");
    }
    long kept = allocator.getAllocatedMemory();
    if (kept == 0) {
      allocator.close();
    } else if (problem == null) {
      problem = FunctionFailures.contract(owner, "", "its accumulator still holds " + kept
          + " bytes of Arrow memory after close(); release every buffer it allocated in"
          + " close()");
    }
    if (problem != null) {
      throw problem;
    }
  }

  /** Closes every accumulator, then throws the first failure (if any). */
  public static void closeAll(List<GuardedAccumulator> accumulators) {
    List<RuntimeException> failures = new ArrayList<>();
    for (GuardedAccumulator accumulator : accumulators) {
      if (accumulator == null) {
        continue;
      }
      try {
        accumulator.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      for (int i = 1; i < failures.size(); i++) {
        first.addSuppressed(failures.get(i));
      }
      throw first;
    }
  }
}
