package io.quiver.engine.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Turns whatever user code threw (a function, an accumulator, a table source, a plugin) into
 * the error contract: a {@code USER_FUNCTION} QuiverException that says which function failed
 * and where, with the cause attached; running out of memory is {@code RESOURCE}. The host
 * keeps running: the next statement works.
 */
public final class FunctionFailures {
  private FunctionFailures() {}

  /**
   * @param failure what user code threw
   * @param function for example {@code scalar function 'foo' (plugin acme)}
   * @param where for example {@code on batch 3 (rows 16384..24575)}; may be empty
   */
  public static QuiverException wrap(Throwable failure, String function, String where) {
    String place = where == null || where.isEmpty() ? "" : " " + where;
    if (failure instanceof OutOfMemoryError || failure instanceof OutOfMemoryException) {
      return new QuiverException(ErrorKind.RESOURCE, function + " ran out of memory" + place
          + ": " + failure.getMessage()
          + ". Raise the session memory limit (or the JVM heap) or give it less data at once",
          failure);
    }
    if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
      throw (VirtualMachineError) failure;
    }
    String cause = failure instanceof StackOverflowError ? "stack overflow (unbounded recursion?)"
        : failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    return new QuiverException(ErrorKind.USER_FUNCTION,
        function + " failed" + place + ": " + cause, failure);
  }

  /** A wrong result (null, wrong length, wrong type): the function broke its contract. */
  public static QuiverException contract(String function, String where, String problem) {
    String place = where == null || where.isEmpty() ? "" : " " + where;
    return new QuiverException(ErrorKind.USER_FUNCTION, function + " failed" + place + ": "
        + problem);
  }

  /** {@code scalar function 'foo'} or {@code scalar function 'foo' (plugin acme)}. */
  public static String describe(String kind, RegisteredFunction function) {
    String text = kind + " function '" + function.name() + "'";
    return switch (function.source().layer()) {
      case PLUGIN -> text + " (plugin " + function.source().pluginName() + ")";
      case SESSION -> text + " (session)";
      case BUILTIN -> text;
    };
  }
}
