package io.quiver.engine.expr.runtime;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/** A growable off-heap byte buffer owned by one call site of a compiled expression. */
public final class ScratchBytes implements AutoCloseable {
  private final BufferAllocator allocator;
  private ArrowBuf buffer;

  public ScratchBytes(BufferAllocator allocator, int initialCapacity) {
    this.allocator = allocator;
    this.buffer = allocator.buffer(Math.max(16, initialCapacity));
  }

  public long address() {
    return buffer.memoryAddress();
  }

  public int capacity() {
    return (int) buffer.capacity();
  }

  /** Grows to at least {@code bytes}; the contents may be lost. Returns the address. */
  public long ensureCapacity(int bytes) {
    if (buffer.capacity() < bytes) {
      ArrowBuf bigger = allocator.buffer(Math.max(bytes, buffer.capacity() * 2));
      buffer.close();
      buffer = bigger;
    }
    return buffer.memoryAddress();
  }

  /** Grows to at least {@code bytes}, keeping the contents. Returns the address. */
  public long ensureCapacityKeep(int bytes) {
    if (buffer.capacity() < bytes) {
      ArrowBuf bigger = allocator.buffer(Math.max(bytes, buffer.capacity() * 2));
      MemoryUtil.copyMemory(buffer.memoryAddress(), bigger.memoryAddress(), buffer.capacity());
      buffer.close();
      buffer = bigger;
    }
    return buffer.memoryAddress();
  }

  @Override
  public void close() {
    if (buffer != null) {
      buffer.close();
      buffer = null;
    }
  }
}
