package io.quiver.udf.function;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** A function's result type: fixed, or derived from the (resolved) argument types. */
@FunctionalInterface
public interface ReturnType {

  /** The result type for these argument types (after implicit widening). */
  ArrowType resolve(List<ArrowType> argumentTypes);

  static ReturnType fixed(ArrowType type) {
    Objects.requireNonNull(type, "type is null");
    return new ReturnType() {
      @Override
      public ArrowType resolve(List<ArrowType> argumentTypes) {
        return type;
      }

      @Override
      public String toString() {
        return SqlTypeNames.of(type);
      }
    };
  }

  /** The "return type" of table functions, whose result is a table (shown as TABLE). */
  ReturnType TABLE = new ReturnType() {
    @Override
    public ArrowType resolve(List<ArrowType> argumentTypes) {
      return ArrowType.Null.INSTANCE;
    }

    @Override
    public String toString() {
      return "TABLE";
    }
  };

  /** The type of argument {@code index} (0-based). */
  static ReturnType sameAsArgument(int index) {
    return new ReturnType() {
      @Override
      public ArrowType resolve(List<ArrowType> argumentTypes) {
        return argumentTypes.get(index);
      }

      @Override
      public String toString() {
        return "type of argument " + (index + 1);
      }
    };
  }
}
