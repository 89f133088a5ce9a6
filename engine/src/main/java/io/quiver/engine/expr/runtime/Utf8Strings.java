package io.quiver.engine.expr.runtime;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * String functions over UTF-8 bytes held off-heap, addressed as {@code (address, byteLength)}.
 *
 * <p>These are the hot-path helpers that compiled expressions call once per row: they never box
 * and never allocate. Functions that
 * return a part of their input return a <em>view</em> packed into a {@code long}:
 * {@code (byteOffsetFromAddress << 32) | byteLength}; unpack it with {@link #viewOffset} and
 * {@link #viewLength}. Input is assumed to be valid UTF-8 (Arrow VARCHAR guarantees it).
 */
public final class Utf8Strings {
  /** {@link #trim} mode: remove characters at both ends. */
  public static final int TRIM_BOTH = 0;
  /** {@link #trim} mode: remove characters at the start. */
  public static final int TRIM_LEADING = 1;
  /** {@link #trim} mode: remove characters at the end. */
  public static final int TRIM_TRAILING = 2;

  private static final boolean LITTLE_ENDIAN = MemoryUtil.LITTLE_ENDIAN;

  private Utf8Strings() {}

  // ---------------------------------------------------------------- views

  /** Packs a view (byte offset from the input address, byte length) into a long. */
  public static long view(int offset, int length) {
    return ((long) offset << 32) | (length & 0xFFFFFFFFL);
  }

  /** The byte offset, from the input address, of a view returned by {@link #substring}/{@link #trim}. */
  public static int viewOffset(long packed) {
    return (int) (packed >>> 32);
  }

  /** The byte length of a view returned by {@link #substring}/{@link #trim}. */
  public static int viewLength(long packed) {
    return (int) packed;
  }

  // ---------------------------------------------------------------- comparison

  /**
   * Compares two strings by their unsigned bytes, which for UTF-8 is code point order (the order
   * of DuckDB and of PostgreSQL's "C" collation).
   *
   * @return negative, zero or positive
   */
  public static int compare(long a, int aLength, long b, int bLength) {
    int common = Math.min(aLength, bLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long x = MemoryUtil.getLong(a + i);
      long y = MemoryUtil.getLong(b + i);
      if (x != y) {
        if (LITTLE_ENDIAN) {
          x = Long.reverseBytes(x);
          y = Long.reverseBytes(y);
        }
        return Long.compareUnsigned(x, y);
      }
    }
    for (; i < common; i++) {
      int x = MemoryUtil.getByte(a + i) & 0xFF;
      int y = MemoryUtil.getByte(b + i) & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return Integer.compare(aLength, bLength);
  }

  /** Whether two strings have the same bytes. */
  public static boolean equal(long a, int aLength, long b, int bLength) {
    return aLength == bLength && bytesEqual(a, b, aLength);
  }

  /** Whether {@code length} bytes at {@code a} and {@code b} are equal. */
  static boolean bytesEqual(long a, long b, int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      if (MemoryUtil.getLong(a + i) != MemoryUtil.getLong(b + i)) {
        return false;
      }
    }
    if (i + 4 <= length) {
      if (MemoryUtil.getInt(a + i) != MemoryUtil.getInt(b + i)) {
        return false;
      }
      i += 4;
    }
    for (; i < length; i++) {
      if (MemoryUtil.getByte(a + i) != MemoryUtil.getByte(b + i)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- characters

  /** The number of characters (code points) in a UTF-8 string. */
  public static int charLength(long address, int length) {
    int continuation = 0;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long word = MemoryUtil.getLong(address + i);
      // a continuation byte is 10xxxxxx: bit 7 set and bit 6 clear
      long marks = word & ~(word << 1) & 0x8080808080808080L;
      continuation += Long.bitCount(marks);
    }
    for (; i < length; i++) {
      if ((MemoryUtil.getByte(address + i) & 0xC0) == 0x80) {
        continuation++;
      }
    }
    return length - continuation;
  }

  /** The byte length of the UTF-8 sequence that starts with {@code lead}. */
  public static int sequenceLength(byte lead) {
    int b = lead & 0xFF;
    if (b < 0x80) {
      return 1;
    } else if (b < 0xE0) {
      return 2;
    } else if (b < 0xF0) {
      return 3;
    }
    return 4;
  }

  /**
   * The byte offset of the character {@code chars} characters after the start, or
   * {@code length} when the string is shorter.
   */
  public static int skipChars(long address, int length, long chars) {
    int offset = 0;
    while (chars > 0 && offset < length) {
      // ASCII fast path: a word of 8 ASCII bytes is 8 characters
      if (chars >= 8 && offset + 8 <= length
          && (MemoryUtil.getLong(address + offset) & 0x8080808080808080L) == 0) {
        offset += 8;
        chars -= 8;
        continue;
      }
      offset += sequenceLength(MemoryUtil.getByte(address + offset));
      chars--;
    }
    return Math.min(offset, length);
  }

  /**
   * SQL {@code SUBSTRING(s FROM start FOR count)}: characters are counted from 1; a start before
   * 1 shortens the result as in PostgreSQL ({@code SUBSTRING('abc' FROM 0 FOR 2) = 'a'}).
   *
   * @param count the number of characters, or {@link Long#MAX_VALUE} for "to the end"
   * @return a packed view (see {@link #viewOffset}, {@link #viewLength})
   * @throws io.quiver.udf.error.QuiverException EXECUTION "negative substring length not
   *     allowed" when {@code count < 0}
   */
  public static long substring(long address, int length, long start, long count) {
    if (count < 0) {
      throw RuntimeErrors.execution("negative substring length not allowed");
    }
    long end; // exclusive, 1-based character position
    if (count == Long.MAX_VALUE) {
      end = Long.MAX_VALUE;
    } else {
      end = start + count;
      if (((start ^ end) & (count ^ end)) < 0) {
        end = Long.MAX_VALUE; // overflow: start + count is beyond any string
      }
    }
    long first = Math.max(start, 1);
    if (end <= first) {
      return 0L;
    }
    int from = skipChars(address, length, first - 1);
    if (end == Long.MAX_VALUE) {
      return view(from, length - from);
    }
    int to = from + skipChars(address + from, length - from, end - first);
    return view(from, to - from);
  }

  /** SQL {@code SUBSTRING(s FROM start)}: from character {@code start} (1-based) to the end. */
  public static long substring(long address, int length, long start) {
    return substring(address, length, start, Long.MAX_VALUE);
  }

  /**
   * SQL {@code TRIM([BOTH|LEADING|TRAILING] chars FROM s)}: removes from the chosen end(s) every
   * character that occurs in {@code chars}.
   *
   * @param mode {@link #TRIM_BOTH}, {@link #TRIM_LEADING} or {@link #TRIM_TRAILING}
   * @return a packed view (see {@link #viewOffset}, {@link #viewLength})
   */
  public static long trim(long address, int length, int mode, long charsAddress, int charsLength) {
    int from = 0;
    int to = length;
    if (charsLength == 1 && MemoryUtil.getByte(charsAddress) >= 0) {
      byte c = MemoryUtil.getByte(charsAddress);
      if (mode != TRIM_TRAILING) {
        while (from < to && MemoryUtil.getByte(address + from) == c) {
          from++;
        }
      }
      if (mode != TRIM_LEADING) {
        while (to > from && MemoryUtil.getByte(address + to - 1) == c) {
          to--;
        }
      }
      return view(from, to - from);
    }
    if (mode != TRIM_TRAILING) {
      while (from < to) {
        int size = sequenceLength(MemoryUtil.getByte(address + from));
        if (from + size > to || !containsChar(charsAddress, charsLength, address + from, size)) {
          break;
        }
        from += size;
      }
    }
    if (mode != TRIM_LEADING) {
      while (to > from) {
        int start = to - 1;
        while (start > from && (MemoryUtil.getByte(address + start) & 0xC0) == 0x80) {
          start--;
        }
        if (!containsChar(charsAddress, charsLength, address + start, to - start)) {
          break;
        }
        to = start;
      }
    }
    return view(from, to - from);
  }

  /** Whether the character of {@code size} bytes at {@code c} is one of the characters of the set. */
  private static boolean containsChar(long set, int setLength, long c, int size) {
    int i = 0;
    while (i < setLength) {
      int n = sequenceLength(MemoryUtil.getByte(set + i));
      if (n == size && bytesEqual(set + i, c, size)) {
        return true;
      }
      i += n;
    }
    return false;
  }

  // ---------------------------------------------------------------- search

  /**
   * The byte offset of the first occurrence of {@code needle} in {@code haystack} at or after
   * {@code from}, or -1.
   */
  static int indexOf(long haystack, int haystackLength, long needle, int needleLength, int from) {
    if (needleLength == 0) {
      return from <= haystackLength ? from : -1;
    }
    byte first = MemoryUtil.getByte(needle);
    int last = haystackLength - needleLength;
    int i = from;
    while (i <= last) {
      i = findByte(haystack, i, last + 1, first);
      if (i < 0) {
        return -1;
      }
      if (bytesEqual(haystack + i + 1, needle + 1, needleLength - 1)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * The offset of the first byte equal to {@code value} in [from, end), or -1. Scans a word of 8
   * bytes at a time (the "has a zero byte" bit trick on {@code word ^ pattern}).
   */
  static int findByte(long address, int from, int end, byte value) {
    int i = from;
    long pattern = (value & 0xFFL) * LOW_BITS;
    if (LITTLE_ENDIAN) {
      for (; i + 8 <= end; i += 8) {
        long word = MemoryUtil.getLong(address + i) ^ pattern;
        long zeros = (word - LOW_BITS) & ~word & HIGH_BITS;
        if (zeros != 0) {
          // the lowest flagged byte is a true match (borrows only run towards higher bytes)
          return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
        }
      }
    }
    for (; i < end; i++) {
      if (MemoryUtil.getByte(address + i) == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * SQL {@code POSITION(needle IN haystack)}: the 1-based character position of the first
   * occurrence, 0 when there is none, 1 for an empty needle.
   */
  public static long position(long needle, int needleLength, long haystack, int haystackLength) {
    int at = indexOf(haystack, haystackLength, needle, needleLength, 0);
    if (at < 0) {
      return 0;
    }
    return charLength(haystack, at) + 1L;
  }

  /** Whether {@code s} starts with {@code part}. */
  public static boolean startsWith(long s, int sLength, long part, int partLength) {
    return partLength <= sLength && bytesEqual(s, part, partLength);
  }

  /** Whether {@code s} ends with {@code part}. */
  public static boolean endsWith(long s, int sLength, long part, int partLength) {
    return partLength <= sLength && bytesEqual(s + sLength - partLength, part, partLength);
  }

  /** Whether {@code part} occurs in {@code s}. */
  public static boolean contains(long s, int sLength, long part, int partLength) {
    return indexOf(s, sLength, part, partLength, 0) >= 0;
  }

  // ---------------------------------------------------------------- building

  /**
   * SQL {@code UPPER(s)} written at {@code out.address()}.
   *
   * <p>ASCII text takes a fast path. Other text is mapped one code point at a time with
   * {@link Character#toUpperCase(int)} (Unicode simple case mapping), still without allocation:
   * 'é' becomes 'É', 'ǆ' becomes 'Ǆ', and the character count never changes. Special mappings
   * that change the length are not applied: 'ß' stays 'ß' (String.toUpperCase gives "SS",
   * DuckDB gives 'ẞ', PostgreSQL with glibc keeps 'ß').
   *
   * @return the byte length of the result
   */
  public static int upper(long address, int length, ScratchBytes out) {
    return changeCase(address, length, out, true);
  }

  /**
   * SQL {@code LOWER(s)} written at {@code out.address()}; Unicode simple case mapping as
   * {@link #upper} ('İ' becomes 'i', as DuckDB).
   *
   * @return the byte length of the result
   */
  public static int lower(long address, int length, ScratchBytes out) {
    return changeCase(address, length, out, false);
  }

  private static int changeCase(long address, int length, ScratchBytes out, boolean toUpper) {
    // a case mapping turns at most 2 bytes into 3 (U+023F -> U+2C7E), so 2x always suffices
    long target = out.ensureCapacity(length <= Integer.MAX_VALUE / 2 ? length * 2 : length);
    byte low = toUpper ? (byte) 'a' : (byte) 'A';
    byte high = toUpper ? (byte) 'z' : (byte) 'Z';
    int i = 0;
    int written = 0;
    while (i < length) {
      byte b = MemoryUtil.getByte(address + i);
      if (b >= 0) {
        if (b >= low && b <= high) {
          b = (byte) (b ^ 0x20);
        }
        MemoryUtil.putByte(target + written, b);
        i++;
        written++;
        continue;
      }
      int size = sequenceLength(b);
      if (i + size > length) {
        size = length - i; // truncated sequence: copy as is
        MemoryUtil.copyMemory(address + i, target + written, size);
        i += size;
        written += size;
        continue;
      }
      int codePoint = decode(address + i, size);
      int mapped = toUpper ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint);
      if (mapped == codePoint) {
        MemoryUtil.copyMemory(address + i, target + written, size);
        written += size;
      } else {
        written += encode(mapped, target + written);
      }
      i += size;
    }
    return written;
  }

  /** Decodes the code point of the {@code size}-byte UTF-8 sequence at {@code address}. */
  public static int decode(long address, int size) {
    int b0 = MemoryUtil.getByte(address) & 0xFF;
    switch (size) {
      case 1:
        return b0;
      case 2:
        return ((b0 & 0x1F) << 6) | (MemoryUtil.getByte(address + 1) & 0x3F);
      case 3:
        return ((b0 & 0x0F) << 12) | ((MemoryUtil.getByte(address + 1) & 0x3F) << 6)
            | (MemoryUtil.getByte(address + 2) & 0x3F);
      default:
        return ((b0 & 0x07) << 18) | ((MemoryUtil.getByte(address + 1) & 0x3F) << 12)
            | ((MemoryUtil.getByte(address + 2) & 0x3F) << 6)
            | (MemoryUtil.getByte(address + 3) & 0x3F);
    }
  }

  /** Encodes a code point as UTF-8 at {@code address}; returns the byte count. */
  public static int encode(int codePoint, long address) {
    if (codePoint < 0x80) {
      MemoryUtil.putByte(address, (byte) codePoint);
      return 1;
    } else if (codePoint < 0x800) {
      MemoryUtil.putByte(address, (byte) (0xC0 | (codePoint >> 6)));
      MemoryUtil.putByte(address + 1, (byte) (0x80 | (codePoint & 0x3F)));
      return 2;
    } else if (codePoint < 0x10000) {
      MemoryUtil.putByte(address, (byte) (0xE0 | (codePoint >> 12)));
      MemoryUtil.putByte(address + 1, (byte) (0x80 | ((codePoint >> 6) & 0x3F)));
      MemoryUtil.putByte(address + 2, (byte) (0x80 | (codePoint & 0x3F)));
      return 3;
    }
    MemoryUtil.putByte(address, (byte) (0xF0 | (codePoint >> 18)));
    MemoryUtil.putByte(address + 1, (byte) (0x80 | ((codePoint >> 12) & 0x3F)));
    MemoryUtil.putByte(address + 2, (byte) (0x80 | ((codePoint >> 6) & 0x3F)));
    MemoryUtil.putByte(address + 3, (byte) (0x80 | (codePoint & 0x3F)));
    return 4;
  }

  /** Whether every byte is ASCII. */
  static boolean isAscii(long address, int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      if ((MemoryUtil.getLong(address + i) & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (MemoryUtil.getByte(address + i) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code a || b} at {@code out.address()}.
   *
   * @return the byte length of the result
   */
  public static int concat(long a, int aLength, long b, int bLength, ScratchBytes out) {
    long total = (long) aLength + bLength;
    if (total > Integer.MAX_VALUE - 16) {
      throw RuntimeErrors.execution("string too long: " + total + " bytes");
    }
    long target = out.ensureCapacity((int) total);
    MemoryUtil.copyMemory(a, target, aLength);
    MemoryUtil.copyMemory(b, target + aLength, bLength);
    return (int) total;
  }

  // ---------------------------------------------------------------- hashing

  private static final long PRIME_1 = 0x9E3779B97F4A7C15L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_3 = 0x165667B19E3779F9L;

  /**
   * A 64-bit hash of the bytes (a multiply-rotate mix over 8-byte words with a final avalanche).
   * Equal strings hash equally; the value is not stable across Quiver versions.
   */
  public static long hash(long address, int length) {
    long h = PRIME_3 ^ (length * PRIME_1);
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long word = MemoryUtil.getLong(address + i);
      h = Long.rotateLeft(h ^ (word * PRIME_2), 31) * PRIME_1;
    }
    if (i < length) {
      long word = 0;
      int shift = 0;
      for (; i < length; i++) {
        word |= (MemoryUtil.getByte(address + i) & 0xFFL) << shift;
        shift += 8;
      }
      h = Long.rotateLeft(h ^ (word * PRIME_2), 31) * PRIME_1;
    }
    return avalanche(h);
  }

  /** The final mix of {@link #hash}: every input bit affects every output bit. */
  static long avalanche(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  // ---------------------------------------------------------------- slow-path conversions

  /** Decodes UTF-8 bytes into a Java string (allocates: slow paths and error messages only). */
  public static String toJavaString(long address, int length) {
    byte[] bytes = new byte[length];
    MemoryUtil.copyFromMemory(address, bytes, 0, length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Encodes a Java string as UTF-8 at {@code out.address()} (allocates: slow paths only).
   *
   * @return the byte length written
   */
  public static int writeJavaString(String text, ScratchBytes out) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long target = out.ensureCapacity(bytes.length);
    MemoryUtil.copyToMemory(bytes, 0, target, bytes.length);
    return bytes.length;
  }
  /** REPLACE(s, from, to): every occurrence of {@code from} replaced; an empty {@code from} keeps s. */
  public static int replace(long s, int sLength, long from, int fromLength, long to,
      int toLength, ScratchBytes out) {
    if (fromLength == 0) {
      long target = out.ensureCapacity(Math.max(1, sLength));
      MemoryUtil.copyMemory(s, target, sLength);
      return sLength;
    }
    int written = 0;
    int position = 0;
    out.ensureCapacity(Math.max(16, sLength));
    while (true) {
      int at = indexOf(s, sLength, from, fromLength, position);
      int end = at < 0 ? sLength : at;
      long target = out.ensureCapacityKeep(written + (end - position) + toLength);
      MemoryUtil.copyMemory(s + position, target + written, end - position);
      written += end - position;
      if (at < 0) {
        return written;
      }
      MemoryUtil.copyMemory(to, target + written, toLength);
      written += toLength;
      position = at + fromLength;
    }
  }
}
