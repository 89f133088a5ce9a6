package io.quiver.engine.expr.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Test helper: places strings off-heap as UTF-8 in Arrow buffers, so the runtime helpers can be
 * called with {@code (address, length)} exactly as compiled code calls them. Each string gets its
 * own buffer (so reading past its end would hit other memory, not a neighbour string). Closing
 * releases every buffer.
 */
final class OffHeapStrings implements AutoCloseable {
  private final BufferAllocator allocator;
  private final List<ArrowBuf> buffers = new ArrayList<>();

  OffHeapStrings(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /** Copies the UTF-8 bytes of {@code text} off-heap and returns their address. */
  long put(String text) {
    return put(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies {@code bytes} off-heap and returns their address. */
  long put(byte[] bytes) {
    ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length));
    buffers.add(buffer);
    MemoryUtil.copyToMemory(bytes, 0, buffer.memoryAddress(), bytes.length);
    return buffer.memoryAddress();
  }

  /** The UTF-8 byte length of {@code text}. */
  static int length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Reads {@code length} bytes at {@code address} as a Java string. */
  static String read(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Reads a packed view (see {@link Utf8Strings#viewOffset}) relative to {@code address}. */
  static String readView(long address, long view) {
    return read(address + Utf8Strings.viewOffset(view), Utf8Strings.viewLength(view));
  }

  @Override
  public void close() {
    for (ArrowBuf buffer : buffers) {
      buffer.close();
    }
    buffers.clear();
  }
}
