package io.quiver.engine.function;

import java.util.Objects;

/** Where a registered function comes from: built in, the session, or a named plugin. */
public record FunctionSource(Layer layer, String pluginName) {
  public static final FunctionSource BUILTIN = new FunctionSource(Layer.BUILTIN, null);
  public static final FunctionSource SESSION = new FunctionSource(Layer.SESSION, null);

  public enum Layer {
    SESSION,
    PLUGIN,
    BUILTIN
  }

  public static FunctionSource plugin(String name) {
    return new FunctionSource(Layer.PLUGIN, Objects.requireNonNull(name, "name is null"));
  }

  /** {@code builtin}, {@code session} or the plugin's name, as quiver_functions() shows it. */
  @Override
  public String toString() {
    return switch (layer) {
      case BUILTIN -> "builtin";
      case SESSION -> "session";
      case PLUGIN -> pluginName;
    };
  }
}
