package io.quiver.engine.exec.aggregate;

import io.quiver.udf.function.AggregateContext;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * What the host tells an aggregate when it creates an accumulator.
 *
 * @param argumentTypes the resolved argument types (the argument vectors hold these)
 * @param resultField the field of the result column
 * @param allocator memory for the accumulator's own Arrow buffers, released by its close()
 */
record AccumulatorContext(List<ArrowType> argumentTypes, Field resultField,
    BufferAllocator allocator) implements AggregateContext {

  AccumulatorContext {
    argumentTypes = List.copyOf(argumentTypes);
  }
}
