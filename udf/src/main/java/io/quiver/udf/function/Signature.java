package io.quiver.udf.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * What a function accepts and returns: argument types (the last one may repeat: variadic), a
 * return type, null handling and volatility. Immutable; build one with {@link #of} and the
 * {@code with...} methods:
 *
 * <pre>{@code
 * Signature.of(ReturnType.fixed(Types.BIGINT), ArgumentType.exact(Types.BIGINT))
 *     .withVolatility(Volatility.VOLATILE);
 * }</pre>
 */
public record Signature(List<ArgumentType> arguments, boolean variadic, ReturnType returnType,
    NullHandling nullHandling, Volatility volatility) {

  public Signature {
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(returnType, "returnType is null");
    Objects.requireNonNull(nullHandling, "nullHandling is null");
    Objects.requireNonNull(volatility, "volatility is null");
    if (variadic && arguments.isEmpty()) {
      throw new IllegalArgumentException("a variadic signature needs at least one argument type");
    }
  }

  /** Fixed arguments, strict, immutable. */
  public static Signature of(ReturnType returnType, ArgumentType... arguments) {
    return new Signature(List.of(arguments), false, returnType, NullHandling.STRICT,
        Volatility.IMMUTABLE);
  }

  /** Fixed arguments of exact types, strict, immutable. */
  public static Signature of(ArrowType returnType, ArrowType... arguments) {
    List<ArgumentType> types = new ArrayList<>();
    for (ArrowType argument : arguments) {
      types.add(ArgumentType.exact(argument));
    }
    return new Signature(types, false, ReturnType.fixed(returnType), NullHandling.STRICT,
        Volatility.IMMUTABLE);
  }

  /** The last argument type repeats: one or more arguments of that type. */
  public Signature withVariadic(boolean value) {
    return new Signature(arguments, value, returnType, nullHandling, volatility);
  }

  public Signature withNullHandling(NullHandling value) {
    return new Signature(arguments, variadic, returnType, value, volatility);
  }

  public Signature withVolatility(Volatility value) {
    return new Signature(arguments, variadic, returnType, nullHandling, value);
  }

  /** Whether {@code count} arguments fit. */
  public boolean acceptsArity(int count) {
    return variadic ? count >= arguments.size() : count == arguments.size();
  }

  /** The declared type of argument {@code index} (the repeating one for variadic tails). */
  public ArgumentType argument(int index) {
    return index < arguments.size() ? arguments.get(index) : arguments.get(arguments.size() - 1);
  }

  /** For example {@code (BIGINT, VARCHAR...) -> BIGINT}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(arguments.get(i));
    }
    if (variadic) {
      text.append("...");
    }
    return text.append(") -> ").append(returnType).toString();
  }
}
