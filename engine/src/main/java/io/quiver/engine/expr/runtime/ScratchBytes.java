package io.quiver.engine.expr.runtime;

import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A growable off-heap byte buffer owned by one compiled expression (one per expression node that
 * produces text). Generated code writes a string result at {@link #address()} and passes
 * {@code (address, length)} on; the next row overwrites it.
 *
 * <p>Not thread safe. {@link #close()} is idempotent; using the buffer after close is an error.
 */
public final class ScratchBytes implements AutoCloseable {
  private final BufferAllocator allocator;
  private ArrowBuf buffer;
  private long address;
  private int capacity;
  private boolean closed;

  /**
   * Allocates the buffer.
   *
   * @param allocator the allocator that accounts for the buffer (the expression's allocator)
   * @param initialCapacity the first size in bytes (at least 16 is allocated)
   */
  public ScratchBytes(BufferAllocator allocator, int initialCapacity) {
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity is negative: " + initialCapacity);
    }
    allocate(Math.max(16, initialCapacity));
  }

  private void allocate(int bytes) {
    buffer = allocator.buffer(bytes);
    address = buffer.memoryAddress();
    capacity = (int) Math.min(Integer.MAX_VALUE, buffer.capacity());
  }

  /** The address of the first byte. Changes when the buffer grows. */
  public long address() {
    return address;
  }

  /** The number of usable bytes at {@link #address()}. */
  public int capacity() {
    return capacity;
  }

  /**
   * Makes room for at least {@code bytes} bytes; the contents may be lost when the buffer grows.
   *
   * @return the (possibly new) address
   */
  public long ensureCapacity(int bytes) {
    if (bytes <= capacity) {
      return address;
    }
    return grow(bytes, false);
  }

  /**
   * Makes room for at least {@code bytes} bytes, keeping the current contents.
   *
   * @return the (possibly new) address
   */
  public long ensureCapacityKeep(int bytes) {
    if (bytes <= capacity) {
      return address;
    }
    return grow(bytes, true);
  }

  private long grow(int bytes, boolean keep) {
    if (closed) {
      throw new IllegalStateException("ScratchBytes used after close");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("negative size: " + bytes);
    }
    long wanted = Math.max((long) bytes, 2L * capacity);
    int size = (int) Math.min(wanted, Integer.MAX_VALUE - 8);
    if (size < bytes) {
      size = bytes;
    }
    ArrowBuf old = buffer;
    long oldAddress = address;
    int oldCapacity = capacity;
    allocate(size);
    if (keep) {
      MemoryUtil.copyMemory(oldAddress, address, oldCapacity);
    }
    old.close();
    return address;
  }

  /** Releases the buffer. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      buffer.close();
      buffer = null;
      address = 0;
      capacity = 0;
    }
  }
}
