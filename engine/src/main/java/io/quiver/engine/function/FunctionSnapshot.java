package io.quiver.engine.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * An immutable view of the registry: the session layer, the plugin layers in load order and
 * the built-ins. Resolution walks them in that order.
 *
 * @param session session functions by lower-case name
 * @param plugins plugin layers in load order
 * @param builtins built-in functions by lower-case name
 */
public record FunctionSnapshot(Map<String, List<RegisteredFunction>> session,
    List<PluginLayer> plugins, Map<String, List<RegisteredFunction>> builtins) {

  /** One plugin's functions. */
  public record PluginLayer(String name, Map<String, List<RegisteredFunction>> functions) {}

  public FunctionSnapshot {
    plugins = List.copyOf(plugins);
  }

  FunctionSnapshot withSession(Map<String, List<RegisteredFunction>> value) {
    return new FunctionSnapshot(value, plugins, builtins);
  }

  FunctionSnapshot withPlugins(List<PluginLayer> value) {
    return new FunctionSnapshot(session, value, builtins);
  }

  /** Layers in resolution order. */
  private List<Map<String, List<RegisteredFunction>>> layers() {
    List<Map<String, List<RegisteredFunction>>> layers = new ArrayList<>(plugins.size() + 2);
    layers.add(session);
    plugins.forEach(plugin -> layers.add(plugin.functions()));
    layers.add(builtins);
    return layers;
  }

  /** Every overload of {@code name} of {@code kind} (null: any kind), in resolution order. */
  public List<RegisteredFunction> candidates(String name, FunctionKind kind) {
    List<RegisteredFunction> result = new ArrayList<>();
    for (Map<String, List<RegisteredFunction>> layer : layers()) {
      for (RegisteredFunction function : layer.getOrDefault(FunctionRegistry.key(name),
          List.of())) {
        if (kind == null || function.definition().kind() == kind) {
          result.add(function);
        }
      }
    }
    return result;
  }

  /** Whether any layer has a function of this name and kind. */
  public boolean contains(String name, FunctionKind kind) {
    return !candidates(name, kind).isEmpty();
  }

  /** Every function, in resolution order (session, plugins, built-ins). */
  public List<RegisteredFunction> all() {
    List<RegisteredFunction> result = new ArrayList<>();
    for (Map<String, List<RegisteredFunction>> layer : layers()) {
      layer.values().forEach(result::addAll);
    }
    return result;
  }

  /**
   * Resolves a call: in the first layer that has an overload accepting {@code argumentTypes},
   * the one needing the fewest widenings. PLAN error when nothing accepts the arguments, or two
   * overloads of that layer fit equally well; the message lists the candidates.
   */
  public ResolvedFunction resolve(String name, FunctionKind kind, List<ArrowType> argumentTypes) {
    for (Map<String, List<RegisteredFunction>> layer : layers()) {
      RegisteredFunction best = null;
      List<ArrowType> bestTypes = null;
      int bestCost = Integer.MAX_VALUE;
      boolean tie = false;
      for (RegisteredFunction function : layer.getOrDefault(FunctionRegistry.key(name),
          List.of())) {
        if (kind != null && function.definition().kind() != kind) {
          continue;
        }
        List<ArrowType> converted = new ArrayList<>();
        int cost = ArgumentMatcher.cost(function.definition().signature(), argumentTypes,
            converted);
        if (cost == ArgumentMatcher.NO_MATCH) {
          continue;
        }
        if (cost < bestCost) {
          best = function;
          bestTypes = converted;
          bestCost = cost;
          tie = false;
        } else if (cost == bestCost) {
          tie = true;
        }
      }
      if (best != null) {
        if (tie) {
          throw new QuiverException(ErrorKind.PLAN, "call "
              + FunctionRegistry.callText(name, argumentTypes) + " is ambiguous: "
              + listing(name, kind) + ". Cast the arguments to pick one");
        }
        ArrowType returnType;
        try {
          returnType = best.definition().signature().returnType().resolve(bestTypes);
        } catch (RuntimeException e) {
          throw QuiverException.wrap(ErrorKind.USER_FUNCTION,
              "deriving the return type of " + best.describe(), e);
        }
        if (returnType == null) {
          throw new QuiverException(ErrorKind.USER_FUNCTION,
              "the return type of " + best.describe() + " resolved to null");
        }
        return new ResolvedFunction(best, bestTypes, returnType);
      }
    }
    List<RegisteredFunction> all = candidates(name, kind);
    if (all.isEmpty()) {
      throw new QuiverException(ErrorKind.PLAN, "unknown " + FunctionRegistry.kindText(kind)
          + " '" + name + "'. SELECT * FROM quiver_functions() lists the functions");
    }
    throw new QuiverException(ErrorKind.PLAN, "no " + FunctionRegistry.kindText(kind)
        + " matches " + FunctionRegistry.callText(name, argumentTypes) + "; "
        + listing(name, kind));
  }

  private String listing(String name, FunctionKind kind) {
    StringBuilder text = new StringBuilder("candidates are ");
    List<RegisteredFunction> all = candidates(name, kind);
    for (int i = 0; i < all.size(); i++) {
      text.append(i > 0 ? ", " : "").append(all.get(i).describe());
    }
    return text.toString();
  }
}
