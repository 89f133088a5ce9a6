package io.quiver.udf.function;

/**
 * A scalar function over Java values, one row at a time (see {@link RowFunctions} for the
 * value mapping). Simple to write, slower than a vectorised {@link ScalarFunction}: it boxes.
 */
@FunctionalInterface
public interface RowFunction {
  Object apply(Object[] arguments) throws Exception;
}
