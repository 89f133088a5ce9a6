package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * SQL string functions over UTF-8 bytes in memory (address and byte length). Functions that
 * select part of a string return a view packed into a long (offset from the address in the
 * high 32 bits, length in the low 32 bits); functions that build a string write into a
 * {@link ScratchBytes} and return the length.
 */
public final class Utf8Strings {
  public static final int TRIM_BOTH = 0;
  public static final int TRIM_LEADING = 1;
  public static final int TRIM_TRAILING = 2;

  private Utf8Strings() {}

  public static int viewOffset(long packed) {
    return (int) (packed >>> 32);
  }

  public static int viewLength(long packed) {
    return (int) packed;
  }

  static long view(int offset, int length) {
    return ((long) offset << 32) | (length & 0xffffffffL);
  }

  public static int compare(long a, int aLength, long b, int bLength) {
    int common = Math.min(aLength, bLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long x = MemoryUtil.getLong(a + i);
      long y = MemoryUtil.getLong(b + i);
      if (x != y) {
        return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
      }
    }
    for (; i < common; i++) {
      int x = MemoryUtil.getByte(a + i) & 0xff;
      int y = MemoryUtil.getByte(b + i) & 0xff;
      if (x != y) {
        return x - y;
      }
    }
    return Integer.compare(aLength, bLength);
  }

  public static boolean equal(long a, int aLength, long b, int bLength) {
    if (aLength != bLength) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= aLength; i += 8) {
      if (MemoryUtil.getLong(a + i) != MemoryUtil.getLong(b + i)) {
        return false;
      }
    }
    for (; i < aLength; i++) {
      if (MemoryUtil.getByte(a + i) != MemoryUtil.getByte(b + i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  public static int charLength(long address, int length) {
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (!isContinuation(MemoryUtil.getByte(address + i))) {
        count++;
      }
    }
    return count;
  }

  /** Byte offset of character {@code index} (0-based), or {@code length} past the end. */
  private static int byteOffsetOfChar(long address, int length, long index) {
    if (index <= 0) {
      return 0;
    }
    long seen = 0;
    for (int i = 0; i < length; i++) {
      if (!isContinuation(MemoryUtil.getByte(address + i))) {
        if (seen == index) {
          return i;
        }
        seen++;
      }
    }
    return length;
  }

  public static long substring(long address, int length, long start, long count) {
    if (count < 0) {
      throw new QuiverException(ErrorKind.EXECUTION, "negative substring length not allowed");
    }
    long firstChar = start - 1;
    long endChar = count == Long.MAX_VALUE ? Long.MAX_VALUE : firstChar + count;
    if (endChar <= 0 || endChar <= firstChar) {
      return view(0, 0);
    }
    int from = byteOffsetOfChar(address, length, Math.max(0, firstChar));
    int to = endChar == Long.MAX_VALUE ? length : byteOffsetOfChar(address, length, endChar);
    return view(from, Math.max(0, to - from));
  }

  public static long trim(long address, int length, int mode, long charsAddress,
      int charsLength) {
    int start = 0;
    int end = length;
    if (mode != TRIM_TRAILING) {
      while (start < end) {
        int width = charWidth(MemoryUtil.getByte(address + start));
        if (start + width > end || !containsChar(charsAddress, charsLength, address + start,
            width)) {
          break;
        }
        start += width;
      }
    }
    if (mode != TRIM_LEADING) {
      while (end > start) {
        int begin = end - 1;
        while (begin > start && isContinuation(MemoryUtil.getByte(address + begin))) {
          begin--;
        }
        if (!containsChar(charsAddress, charsLength, address + begin, end - begin)) {
          break;
        }
        end = begin;
      }
    }
    return view(start, end - start);
  }

  private static int charWidth(byte first) {
    int b = first & 0xff;
    if (b < 0x80) {
      return 1;
    }
    if (b >= 0xF0) {
      return 4;
    }
    if (b >= 0xE0) {
      return 3;
    }
    return 2;
  }

  private static boolean containsChar(long chars, int charsLength, long character, int width) {
    for (int i = 0; i + width <= charsLength; ) {
      int w = charWidth(MemoryUtil.getByte(chars + i));
      if (w == width && equal(chars + i, w, character, width)) {
        return true;
      }
      i += w;
    }
    return false;
  }

  public static long position(long needle, int needleLength, long haystack, int haystackLength) {
    if (needleLength == 0) {
      return 1;
    }
    int at = indexOf(haystack, haystackLength, 0, needle, needleLength);
    if (at < 0) {
      return 0;
    }
    return charLength(haystack, at) + 1;
  }

  /** Byte index of the first occurrence of needle at or after {@code from}, or -1. */
  static int indexOf(long haystack, int haystackLength, int from, long needle, int needleLength) {
    if (needleLength == 0) {
      return from;
    }
    byte first = MemoryUtil.getByte(needle);
    int last = haystackLength - needleLength;
    for (int i = from; i <= last; i++) {
      if (MemoryUtil.getByte(haystack + i) == first
          && equal(haystack + i, needleLength, needle, needleLength)) {
        return i;
      }
    }
    return -1;
  }

  public static int upper(long address, int length, ScratchBytes out) {
    return changeCase(address, length, out, true);
  }

  public static int lower(long address, int length, ScratchBytes out) {
    return changeCase(address, length, out, false);
  }

  private static int changeCase(long address, int length, ScratchBytes out, boolean upper) {
    long target = out.ensureCapacity(Math.max(length, 1));
    for (int i = 0; i < length; i++) {
      byte b = MemoryUtil.getByte(address + i);
      if (b < 0) {
        return changeCaseSlow(address, length, out, upper);
      }
      if (upper && b >= 'a' && b <= 'z') {
        b -= 32;
      } else if (!upper && b >= 'A' && b <= 'Z') {
        b += 32;
      }
      MemoryUtil.putByte(target + i, b);
    }
    return length;
  }

  private static int changeCaseSlow(long address, int length, ScratchBytes out, boolean upper) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    String text = new String(bytes, StandardCharsets.UTF_8);
    byte[] result = (upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT))
        .getBytes(StandardCharsets.UTF_8);
    long target = out.ensureCapacity(Math.max(result.length, 1));
    MemoryUtil.copyToMemory(result, 0, target, result.length);
    return result.length;
  }

  public static int concat(long a, int aLength, long b, int bLength, ScratchBytes out) {
    long target = out.ensureCapacity(Math.max(1, aLength + bLength));
    MemoryUtil.copyMemory(a, target, aLength);
    MemoryUtil.copyMemory(b, target + aLength, bLength);
    return aLength + bLength;
  }

  public static long hash(long address, int length) {
    return io.quiver.engine.kernel.JavaKernels.hashBytes(address, length);
  }

  public static boolean startsWith(long s, int sLength, long part, int partLength) {
    return partLength <= sLength && equal(s, partLength, part, partLength);
  }

  public static boolean endsWith(long s, int sLength, long part, int partLength) {
    return partLength <= sLength && equal(s + sLength - partLength, partLength, part, partLength);
  }

  public static boolean contains(long s, int sLength, long part, int partLength) {
    return indexOf(s, sLength, 0, part, partLength) >= 0;
  }
}
