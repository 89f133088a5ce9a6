package io.quiver.udf.function;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** What an accumulator is created for: argument types, result field and memory. */
public interface AggregateContext {

  List<ArrowType> argumentTypes();

  Field resultField();

  BufferAllocator allocator();
}
