package io.quiver.engine.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * The host's side of a call into a function: scalar calls ({@link ScalarFunctionInvoker}) and
 * aggregate or window functions writing into vectors the host allocated
 * (GroupAccumulator.finish / writeState, WindowFunction.evaluate):
 * <ul>
 *   <li>{@link #failure}: what the function threw, as the error contract wants it. User code
 *       (session or plugin) goes through {@link FunctionFailures}: USER_FUNCTION, RESOURCE
 *       for memory. A built-in's QuiverException keeps its kind (SUM overflow is EXECUTION)
 *       and gains the function as context; running out of memory is RESOURCE; anything else
 *       from a built-in is INTERNAL.</li>
 *   <li>{@link #allocate} and {@link #check}: the host allocates room for every row and sets
 *       the value count afterwards; a function that set another value count, or closed,
 *       cleared or shrank the vector, broke the contract (USER_FUNCTION).</li>
 * </ul>
 */
public final class FunctionBoundary {
  private FunctionBoundary() {}

  /**
   * @param function the function that failed
   * @param owner its description, for example {@code aggregate function 'f' (session)}
   * @param error what it threw
   * @param where for example {@code on batch 3}
   */
  public static QuiverException failure(RegisteredFunction function, String owner,
      Throwable error, String where) {
    boolean memory = error instanceof OutOfMemoryError
        || error instanceof org.apache.arrow.memory.OutOfMemoryException;
    if (function.source().layer() != FunctionSource.Layer.BUILTIN || memory) {
      return FunctionFailures.wrap(error, owner, where);
    }
    String place = where == null || where.isEmpty() ? "" : " " + where;
    if (error instanceof QuiverException quiver) {
      return quiver.withContext(owner + place);
    }
    return QuiverException.wrap(ErrorKind.INTERNAL, owner + place + " (a bug in Quiver)",
        error);
  }

  /**
   * Makes {@code vector} empty with room for {@code rows} values: reuses its buffers when they
   * are large enough (zeroed), else allocates new ones.
   */
  public static void allocate(FieldVector vector, int rows) {
    if (rows > 0 && vector.getValueCapacity() >= rows && !(vector instanceof NullVector)) {
      vector.reset();
      return;
    }
    vector.clear();
    vector.setInitialCapacity(Math.max(rows, 1));
    vector.allocateNew();
  }

  /**
   * Checks what a function left in a vector the host allocated for {@code rows} values;
   * {@code method} names the call for the message, for example {@code finish()}.
   */
  public static void check(FieldVector vector, int rows, String owner, String where,
      String method) {
    int count = vector.getValueCount();
    if (count != 0 && count != rows) {
      throw FunctionFailures.contract(owner, where, method + " set the value count of "
          + vector.getField().getName() + " to " + count + " for " + rows
          + " rows; leave the value count to the host");
    }
    if (!(vector instanceof NullVector) && vector.getValueCapacity() < rows) {
      throw FunctionFailures.contract(owner, where, method + " left "
          + vector.getField().getName() + " with room for " + vector.getValueCapacity()
          + " values, fewer than its " + rows + " rows; write into the vector the host"
          + " allocated, without closing, clearing or reallocating it smaller");
    }
  }
}
