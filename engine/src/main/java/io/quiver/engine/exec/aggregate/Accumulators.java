package io.quiver.engine.exec.aggregate;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Creates the accumulator of an {@link AggregateSpec}. */
final class Accumulators {
  private Accumulators() {}

  static Accumulator create(AggregateSpec spec, Field argumentField) {
    int scale = 0;
    if (argumentField != null && argumentField.getType() instanceof ArrowType.Decimal decimal) {
      scale = decimal.getScale();
    }
    switch (spec.kind()) {
      case COUNT_STAR:
      case COUNT:
        return new CountAccumulator();
      case SUM:
        return new SumAccumulator(SumAccumulator.Mode.SUM, scale);
      case SUM0:
        return new SumAccumulator(SumAccumulator.Mode.SUM0, scale);
      case AVG:
        return new SumAccumulator(SumAccumulator.Mode.AVG, scale);
      case MIN:
        return new ValueAccumulator(ValueAccumulator.Mode.MIN);
      case MAX:
        return new ValueAccumulator(ValueAccumulator.Mode.MAX);
      case ANY_VALUE:
        return new ValueAccumulator(ValueAccumulator.Mode.ANY);
      case SINGLE_VALUE:
        return new ValueAccumulator(ValueAccumulator.Mode.SINGLE);
      case LITERAL:
        return new LiteralAccumulator(spec.literal());
      default:
        throw new IllegalStateException(spec.kind().name());
    }
  }
}
