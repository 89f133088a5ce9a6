package io.quiver.engine.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A compiled filter-and-project over one input batch: the base class of the classes that
 * {@link ExpressionCompiler} generates. One instance per operator; it holds per-call-site
 * scratch buffers, compiled LIKE patterns and literal bytes, released by {@link #close()}.
 */
public abstract class CalcKernel implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();

  /**
   * Evaluates the condition (if any) for each of the {@code rowCount} input rows and, for each
   * row that passes, writes the projections at the next output position. The outputs must be
   * allocated for {@code rowCount} values; varchar outputs grow as needed. Returns the number of
   * rows written; the caller sets the value counts.
   */
  public final int project(FieldVector[] inputs, int rowCount, FieldVector[] outputs) {
    return project(inputs, rowCount, outputs, null);
  }

  /**
   * {@link #project(FieldVector[], int, FieldVector[])} that also writes the index of each
   * written row's input row into {@code selection} (when not null; at least {@code rowCount}
   * long), so columns carried without computing can be gathered at the same rows.
   */
  public abstract int project(FieldVector[] inputs, int rowCount, FieldVector[] outputs,
      int[] selection);

  /**
   * Evaluates only the condition and writes the indexes of passing rows into {@code selection};
   * returns how many passed. Without a condition every row passes.
   */
  public abstract int filter(FieldVector[] inputs, int rowCount, int[] selection);

  protected final <T extends AutoCloseable> T register(T resource) {
    resources.add(resource);
    return resource;
  }

  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot release a compiled expression's buffer", e);
      }
    }
    resources.clear();
  }
}
