package io.quiver.udf.function;

import java.util.Objects;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * What one argument of a {@link Signature} accepts: one exact Arrow type (numeric arguments of a
 * narrower type are widened to it implicitly) or a whole {@link TypeFamily} (the argument keeps
 * its own type).
 */
public sealed interface ArgumentType {

  /** Whether a value of {@code type} can be passed without widening. */
  boolean acceptsExactly(ArrowType type);

  static ArgumentType exact(ArrowType type) {
    return new Exact(type);
  }

  static ArgumentType family(TypeFamily family) {
    return new Family(family);
  }

  /** Exactly {@code type}. Decimal precision and scale are not compared. */
  record Exact(ArrowType type) implements ArgumentType {
    public Exact {
      Objects.requireNonNull(type, "type is null");
    }

    @Override
    public boolean acceptsExactly(ArrowType actual) {
      if (type instanceof ArrowType.Decimal) {
        return actual instanceof ArrowType.Decimal;
      }
      return type.equals(actual);
    }

    @Override
    public String toString() {
      return SqlTypeNames.of(type);
    }
  }

  /** Any type of the family. */
  record Family(TypeFamily family) implements ArgumentType {
    public Family {
      Objects.requireNonNull(family, "family is null");
    }

    @Override
    public boolean acceptsExactly(ArrowType actual) {
      return family.accepts(actual);
    }

    @Override
    public String toString() {
      return family.name();
    }
  }
}
