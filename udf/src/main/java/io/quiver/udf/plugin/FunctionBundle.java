package io.quiver.udf.plugin;

import io.quiver.udf.function.FunctionDefinition;
import java.util.List;

/** The functions a plugin exports: scalar, aggregate, window and table functions. */
public record FunctionBundle(List<FunctionDefinition> functions) {

  public FunctionBundle {
    functions = List.copyOf(functions);
  }

  public static FunctionBundle of(FunctionDefinition... functions) {
    return new FunctionBundle(List.of(functions));
  }
}
