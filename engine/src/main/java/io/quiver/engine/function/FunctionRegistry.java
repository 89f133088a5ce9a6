package io.quiver.engine.function;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.SqlTypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The one place where session, plugin and built-in functions meet. Resolution is
 * registry-first: the session's functions, then each plugin's in load order, then the
 * built-ins; the first layer with an overload that accepts the arguments wins. Names are
 * case-insensitive.
 *
 * <p>Changes replace an immutable snapshot, so a statement plans against the functions that
 * existed when it started, and a change takes effect from the next statement.
 */
public final class FunctionRegistry {
  private volatile FunctionSnapshot snapshot;

  public FunctionRegistry(List<FunctionDefinition> builtins) {
    Map<String, List<RegisteredFunction>> layer = new LinkedHashMap<>();
    for (FunctionDefinition definition : builtins) {
      add(layer, new RegisteredFunction(definition, FunctionSource.BUILTIN));
    }
    snapshot = new FunctionSnapshot(Map.of(), List.of(), Map.copyOf(freeze(layer)));
  }

  /** The functions as they are now; planners hold one snapshot per statement. */
  public FunctionSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Builds a scalar function call by name and argument types, resolved registry-first as SQL
   * resolves it; PLAN error when nothing matches or the match is ambiguous.
   */
  public FunctionCall call(String name, List<ArrowType> argumentTypes) {
    return new FunctionCall(snapshot.resolve(name, FunctionKind.SCALAR, argumentTypes),
        argumentTypes);
  }

  /**
   * Registers a session function. A session function with the same name, kind and argument
   * types is an error: use {@link #replace}.
   */
  public synchronized void register(FunctionDefinition definition) {
    checkDefinition(definition);
    if (findSame(snapshot.session(), definition) != null) {
      throw new QuiverException(ErrorKind.PLAN, "session function " + definition.name()
          + definition.signature().arguments() + " is already registered; use replace()"
          + " to swap it or deregister() first");
    }
    Map<String, List<RegisteredFunction>> session = thaw(snapshot.session());
    add(session, new RegisteredFunction(definition, FunctionSource.SESSION));
    snapshot = snapshot.withSession(freeze(session));
  }

  /**
   * Registers a session function in place of the one with the same name, kind and argument
   * types, which is returned (empty when there was none).
   */
  public synchronized Optional<FunctionDefinition> replace(FunctionDefinition definition) {
    checkDefinition(definition);
    Map<String, List<RegisteredFunction>> session = thaw(snapshot.session());
    RegisteredFunction previous = findSame(snapshot.session(), definition);
    if (previous != null) {
      session.get(key(definition.name())).remove(previous);
    }
    add(session, new RegisteredFunction(definition, FunctionSource.SESSION));
    snapshot = snapshot.withSession(freeze(session));
    return Optional.ofNullable(previous).map(RegisteredFunction::definition);
  }

  /** Removes every session overload of {@code name}; returns what was removed. */
  public synchronized List<FunctionDefinition> deregister(String name) {
    Map<String, List<RegisteredFunction>> session = thaw(snapshot.session());
    List<RegisteredFunction> removed = session.remove(key(name));
    snapshot = snapshot.withSession(freeze(session));
    List<FunctionDefinition> result = new ArrayList<>();
    if (removed != null) {
      removed.forEach(function -> result.add(function.definition()));
    }
    return result;
  }

  /** Adds (or replaces) a plugin's layer, after the layers already loaded. */
  public synchronized void putPlugin(String pluginName, List<FunctionDefinition> functions) {
    Map<String, List<RegisteredFunction>> layer = new LinkedHashMap<>();
    FunctionSource source = FunctionSource.plugin(pluginName);
    for (FunctionDefinition definition : functions) {
      add(layer, new RegisteredFunction(definition, source));
    }
    List<FunctionSnapshot.PluginLayer> plugins = new ArrayList<>();
    for (FunctionSnapshot.PluginLayer existing : snapshot.plugins()) {
      if (!existing.name().equals(pluginName)) {
        plugins.add(existing);
      }
    }
    plugins.add(new FunctionSnapshot.PluginLayer(pluginName, freeze(layer)));
    snapshot = snapshot.withPlugins(plugins);
  }

  /** Removes a plugin's layer; true when it was there. */
  public synchronized boolean removePlugin(String pluginName) {
    List<FunctionSnapshot.PluginLayer> plugins = new ArrayList<>(snapshot.plugins());
    boolean removed = plugins.removeIf(layer -> layer.name().equals(pluginName));
    snapshot = snapshot.withPlugins(plugins);
    return removed;
  }

  private static void checkDefinition(FunctionDefinition definition) {
    Objects.requireNonNull(definition, "function is null");
    String name;
    try {
      name = definition.name();
      Objects.requireNonNull(definition.signature(), "signature() returned null");
      Objects.requireNonNull(definition.kind(), "kind() returned null");
    } catch (RuntimeException e) {
      throw QuiverException.wrap(ErrorKind.USER_FUNCTION, "reading the function's definition", e);
    }
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new QuiverException(ErrorKind.PLAN, "function name '" + name
          + "' is not a plain identifier (letters, digits, underscores)");
    }
  }

  private static RegisteredFunction findSame(Map<String, List<RegisteredFunction>> layer,
      FunctionDefinition definition) {
    for (RegisteredFunction existing : layer.getOrDefault(key(definition.name()), List.of())) {
      FunctionDefinition other = existing.definition();
      if (other.kind() == definition.kind()
          && other.signature().arguments().equals(definition.signature().arguments())
          && other.signature().variadic() == definition.signature().variadic()) {
        return existing;
      }
    }
    return null;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static void add(Map<String, List<RegisteredFunction>> layer, RegisteredFunction f) {
    layer.computeIfAbsent(key(f.name()), k -> new ArrayList<>()).add(f);
  }

  private static Map<String, List<RegisteredFunction>> thaw(
      Map<String, List<RegisteredFunction>> layer) {
    Map<String, List<RegisteredFunction>> copy = new LinkedHashMap<>();
    layer.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
    return copy;
  }

  private static Map<String, List<RegisteredFunction>> freeze(
      Map<String, List<RegisteredFunction>> layer) {
    Map<String, List<RegisteredFunction>> copy = new LinkedHashMap<>();
    layer.forEach((name, list) -> {
      if (!list.isEmpty()) {
        copy.put(name, List.copyOf(list));
      }
    });
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Text for errors: {@code foo(BIGINT, VARCHAR)}. */
  static String callText(String name, List<ArrowType> types) {
    StringBuilder text = new StringBuilder(name).append('(');
    for (int i = 0; i < types.size(); i++) {
      text.append(i > 0 ? ", " : "").append(SqlTypeNames.of(types.get(i)));
    }
    return text.append(')').toString();
  }

  /** Kind names for messages. */
  static String kindText(FunctionKind kind) {
    return kind == null ? "function" : kind.name().toLowerCase(Locale.ROOT) + " function";
  }
}
