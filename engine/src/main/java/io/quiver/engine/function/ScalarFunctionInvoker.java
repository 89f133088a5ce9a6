package io.quiver.engine.function;

import io.quiver.engine.exec.batch.Validity;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.NullHandling;
import io.quiver.udf.function.ScalarArguments;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.SqlTypeNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Calls one resolved scalar function on argument vectors and holds it to its contract: a
 * non-null result of the resolved type with one value per row, never one of its arguments.
 * With {@link NullHandling#STRICT}, a constant NULL argument gives an all-NULL result without
 * a call, and rows where any argument is NULL are NULL in the result whatever the function
 * wrote. A QuiverException thrown by a built-in keeps its kind; anything else a function
 * throws becomes a USER_FUNCTION (or RESOURCE) error. Used by the scalar function operator,
 * constant folding and programmatic calls.
 */
public final class ScalarFunctionInvoker {
  private final ScalarFunction function;
  private final List<ArrowType> argumentTypes;
  private final Field resultField;
  private final boolean strict;
  private final RegisteredFunction registered;
  private final String owner;

  public ScalarFunctionInvoker(ResolvedFunction resolved, Field resultField) {
    this.function = (ScalarFunction) resolved.function().definition();
    this.argumentTypes = resolved.argumentTypes();
    this.resultField = resultField;
    this.strict = function.signature().nullHandling() == NullHandling.STRICT;
    this.registered = resolved.function();
    this.owner = FunctionFailures.describe("scalar", resolved.function());
  }

  public Field resultField() {
    return resultField;
  }

  /** For messages: {@code scalar function 'foo' (session)}. */
  public String owner() {
    return owner;
  }

  /**
   * Calls the function on {@code rows} rows of {@code arguments} (of the resolved argument
   * types); {@code constant[i]} says argument i is the same on every row. Returns a new vector
   * the caller owns. {@code where} names the batch for errors.
   */
  public FieldVector invoke(FieldVector[] arguments, boolean[] constant, int rows,
      BufferAllocator allocator, String where) {
    Arguments call = new Arguments(arguments, constant, rows, allocator);
    if (strict && hasConstantNull(arguments, constant, rows)) {
      FieldVector nulls = call.newResult();
      nulls.setValueCount(rows);
      return nulls;
    }
    FieldVector result;
    try {
      result = function.evaluate(call);
    } catch (RuntimeException | Error e) {
      call.closeCreated();
      throw FunctionBoundary.failure(registered, owner, e, where);
    }
    check(result, arguments, rows, where);
    if (strict) {
      maskNulls(result, arguments, rows);
    }
    return result;
  }

  private static boolean hasConstantNull(FieldVector[] arguments, boolean[] constant, int rows) {
    for (int i = 0; i < arguments.length; i++) {
      if (constant[i] && rows > 0 && arguments[i].isNull(0)) {
        return true;
      }
    }
    return false;
  }

  private void check(FieldVector result, FieldVector[] arguments, int rows, String where) {
    if (result == null) {
      throw FunctionFailures.contract(owner, where, "evaluate() returned null; return a vector"
          + " with one value per row (ScalarArguments.newResult() makes one)");
    }
    for (FieldVector argument : arguments) {
      if (result == argument) {
        throw FunctionFailures.contract(owner, where, "evaluate() returned one of its"
            + " argument vectors, which belong to the host; return a new vector");
      }
    }
    String problem = null;
    ArrowType expected = resultField.getType();
    if (!result.getField().getType().equals(expected)) {
      problem = "evaluate() returned a vector of type "
          + SqlTypeNames.of(result.getField().getType()) + " but the signature resolved to "
          + SqlTypeNames.of(expected);
    } else if (result.getValueCount() != rows) {
      problem = "evaluate() returned " + result.getValueCount() + " values for " + rows
          + " rows (did it call setValueCount?)";
    }
    if (problem != null) {
      result.close();
      throw FunctionFailures.contract(owner, where, problem);
    }
  }

  private static void maskNulls(FieldVector result, FieldVector[] arguments, int rows) {
    for (FieldVector argument : arguments) {
      if (Validity.nullCount(argument) == 0) {
        continue;
      }
      for (int row = 0; row < rows; row++) {
        if (argument.isNull(row)) {
          BitVectorHelper.unsetBit(result.getValidityBuffer(), row);
        }
      }
    }
  }

  /** The arguments of one call, as the function sees them. */
  private final class Arguments implements ScalarArguments {
    private final FieldVector[] vectors;
    private final boolean[] constant;
    private final int rows;
    private final BufferAllocator allocator;
    /** Vectors made by newResult(): a function that throws leaves them to the host to free. */
    private final List<FieldVector> created = new ArrayList<>(1);

    Arguments(FieldVector[] vectors, boolean[] constant, int rows, BufferAllocator allocator) {
      this.vectors = vectors;
      this.constant = constant;
      this.rows = rows;
      this.allocator = allocator;
    }

    @Override
    public int rowCount() {
      return rows;
    }

    @Override
    public int size() {
      return vectors.length;
    }

    @Override
    public FieldVector vector(int index) {
      return vectors[index];
    }

    @Override
    public ArrowType type(int index) {
      return argumentTypes.get(index);
    }

    @Override
    public boolean isConstant(int index) {
      return constant[index];
    }

    @Override
    public Field resultField() {
      return resultField;
    }

    @Override
    public BufferAllocator allocator() {
      return allocator;
    }

    @Override
    public FieldVector newResult() {
      FieldVector vector = resultField.createVector(allocator);
      if (vector instanceof BaseFixedWidthVector fixed) {
        fixed.allocateNew(Math.max(rows, 1));
      } else if (vector instanceof BaseVariableWidthVector variable) {
        variable.allocateNew(Math.max(64L, rows * 16L), Math.max(rows, 1));
      } else {
        vector.setInitialCapacity(rows);
        vector.allocateNew();
      }
      created.add(vector);
      return vector;
    }

    /** Frees the result vectors the function asked for; called when it threw. */
    void closeCreated() {
      for (FieldVector vector : created) {
        vector.close();
      }
      created.clear();
    }
  }
}
