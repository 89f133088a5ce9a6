package io.quiver.engine.plan;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import org.apache.calcite.rel.core.Window;

/** Maps Calcite's Window node to window operators. */
final class WindowPlanner {
  private final PhysicalPlanner planner;
  private final ExecutionContext context;

  WindowPlanner(PhysicalPlanner planner, ExecutionContext context) {
    this.planner = planner;
    this.context = context;
  }

  Operator plan(Window window) {
    throw new QuiverException(ErrorKind.UNSUPPORTED, "window functions are being added");
  }
}
