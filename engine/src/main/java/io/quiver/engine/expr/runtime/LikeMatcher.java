package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A compiled SQL LIKE pattern matched against UTF-8 text off-heap.
 *
 * <p>{@code %} matches any sequence of characters, {@code _} exactly one character, and the
 * escape character (none when null or empty, as DuckDB; PostgreSQL's default escape is a
 * backslash) makes the next character literal. Matching is case sensitive and byte exact.
 *
 * <p>{@link #compile} picks a specialised strategy: exact match, prefix ({@code abc%}), suffix
 * ({@code %abc}), contains ({@code %abc%}), an ordered sequence of parts ({@code %a%b%}, where a
 * greedy left-to-right search is correct because there is no {@code _}), or a general iterative
 * backtracking matcher. Matching never allocates. A matcher is immutable and thread safe.
 */
public final class LikeMatcher {
  private static final int EXACT = 0;
  private static final int PREFIX = 1;
  private static final int SUFFIX = 2;
  private static final int CONTAINS = 3;
  private static final int SEQUENCE = 4;
  private static final int GENERAL = 5;
  private static final int ANYTHING = 6;

  /** General matcher op: any one character. */
  private static final int ANY_ONE = -1;
  /** General matcher op: any sequence. */
  private static final int ANY_SEQUENCE = -2;

  private final int strategy;
  /** The literal parts between {@code %} (for EXACT..SEQUENCE). */
  private final byte[][] parts;
  /** Whether the pattern starts with {@code %} (SEQUENCE). */
  private final boolean leadingWildcard;
  /** Whether the pattern ends with {@code %} (SEQUENCE). */
  private final boolean trailingWildcard;
  /** General matcher program: a byte 0..255, {@link #ANY_ONE} or {@link #ANY_SEQUENCE}. */
  private final int[] program;
  private final String pattern;

  private LikeMatcher(String pattern, int strategy, byte[][] parts, boolean leadingWildcard,
      boolean trailingWildcard, int[] program) {
    this.pattern = pattern;
    this.strategy = strategy;
    this.parts = parts;
    this.leadingWildcard = leadingWildcard;
    this.trailingWildcard = trailingWildcard;
    this.program = program;
  }

  /**
   * Compiles a LIKE pattern.
   *
   * @param pattern the pattern
   * @param escape the escape character, or null/empty for none
   * @throws QuiverException DATA when the escape is longer than one character or the pattern ends
   *     with the escape character (PostgreSQL; DuckDB matches nothing then)
   */
  public static LikeMatcher compile(String pattern, String escape) {
    int escapeChar = -1;
    if (escape != null && !escape.isEmpty()) {
      if (escape.codePointCount(0, escape.length()) != 1) {
        throw new QuiverException(ErrorKind.DATA,
            "invalid escape string '" + escape + "': it must be empty or one character");
      }
      escapeChar = escape.codePointAt(0);
    }
    // ops: code points >= 0 literal, ANY_ONE, ANY_SEQUENCE
    List<Integer> ops = new ArrayList<>();
    for (int i = 0; i < pattern.length(); ) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == escapeChar) {
        if (i >= pattern.length()) {
          throw new QuiverException(ErrorKind.DATA,
              "LIKE pattern '" + pattern + "' must not end with the escape character");
        }
        int next = pattern.codePointAt(i);
        i += Character.charCount(next);
        ops.add(next);
      } else if (c == '%') {
        if (ops.isEmpty() || ops.get(ops.size() - 1) != ANY_SEQUENCE) {
          ops.add(ANY_SEQUENCE);
        }
      } else if (c == '_') {
        ops.add(ANY_ONE);
      } else {
        ops.add(c);
      }
    }
    boolean hasAnyOne = ops.contains(ANY_ONE);
    if (hasAnyOne) {
      return new LikeMatcher(pattern, GENERAL, null, false, false, toProgram(ops));
    }
    List<byte[]> literalParts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean leading = !ops.isEmpty() && ops.get(0) == ANY_SEQUENCE;
    boolean trailing = !ops.isEmpty() && ops.get(ops.size() - 1) == ANY_SEQUENCE;
    for (int op : ops) {
      if (op == ANY_SEQUENCE) {
        if (current.length() > 0) {
          literalParts.add(current.toString().getBytes(StandardCharsets.UTF_8));
          current.setLength(0);
        }
      } else {
        current.appendCodePoint(op);
      }
    }
    if (current.length() > 0 || ops.isEmpty()) {
      literalParts.add(current.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[][] parts = literalParts.toArray(new byte[0][]);
    int strategy;
    if (!leading && !trailing && parts.length == 1) {
      strategy = EXACT;
    } else if (parts.length == 0) {
      strategy = ANYTHING;
    } else if (!leading && trailing && parts.length == 1) {
      strategy = PREFIX;
    } else if (leading && !trailing && parts.length == 1) {
      strategy = SUFFIX;
    } else if (leading && trailing && parts.length == 1) {
      strategy = CONTAINS;
    } else {
      strategy = SEQUENCE;
    }
    return new LikeMatcher(pattern, strategy, parts, leading, trailing, null);
  }

  private static int[] toProgram(List<Integer> ops) {
    int[] program = new int[ops.size() * 4];
    int size = 0;
    for (int op : ops) {
      if (op < 0) {
        program[size++] = op;
      } else {
        byte[] bytes = new String(Character.toChars(op)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
          program[size++] = b & 0xFF;
        }
      }
    }
    return Arrays.copyOf(program, size);
  }

  /** The pattern text this matcher was compiled from. */
  public String pattern() {
    return pattern;
  }

  /** Whether the UTF-8 text at {@code address} matches the pattern. */
  public boolean matches(long address, int length) {
    switch (strategy) {
      case EXACT:
        return length == parts[0].length && equalsBytes(address, parts[0], 0, parts[0].length);
      case PREFIX:
        return length >= parts[0].length && equalsBytes(address, parts[0], 0, parts[0].length);
      case SUFFIX:
        return length >= parts[0].length
            && equalsBytes(address + length - parts[0].length, parts[0], 0, parts[0].length);
      case CONTAINS:
        return indexOf(address, 0, length, parts[0]) >= 0;
      case SEQUENCE:
        return matchSequence(address, length);
      case ANYTHING:
        return true;
      default:
        return matchGeneral(address, length);
    }
  }

  private boolean matchSequence(long address, int length) {
    int from = 0;
    int end = length;
    int first = 0;
    int last = parts.length;
    if (!leadingWildcard) {
      byte[] prefix = parts[0];
      if (length < prefix.length || !equalsBytes(address, prefix, 0, prefix.length)) {
        return false;
      }
      from = prefix.length;
      first = 1;
    }
    if (!trailingWildcard) {
      byte[] suffix = parts[parts.length - 1];
      if (end - from < suffix.length
          || !equalsBytes(address + end - suffix.length, suffix, 0, suffix.length)) {
        return false;
      }
      end -= suffix.length;
      last--;
    }
    for (int i = first; i < last; i++) {
      int at = indexOf(address, from, end, parts[i]);
      if (at < 0) {
        return false;
      }
      from = at + parts[i].length;
    }
    return true;
  }

  /** Iterative matcher with one backtracking point (the last {@code %} seen). */
  private boolean matchGeneral(long address, int length) {
    int[] ops = program;
    int opCount = ops.length;
    int s = 0;
    int p = 0;
    int starP = -1;
    int starS = 0;
    while (s < length) {
      if (p < opCount) {
        int op = ops[p];
        if (op >= 0) {
          if ((MemoryUtil.getByte(address + s) & 0xFF) == op) {
            s++;
            p++;
            continue;
          }
        } else if (op == ANY_ONE) {
          s += Utf8Strings.sequenceLength(MemoryUtil.getByte(address + s));
          p++;
          continue;
        } else {
          starP = p++;
          starS = s;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      // let the last % swallow one more character and retry
      starS += Utf8Strings.sequenceLength(MemoryUtil.getByte(address + starS));
      s = starS;
      p = starP + 1;
    }
    while (p < opCount && ops[p] == ANY_SEQUENCE) {
      p++;
    }
    return p == opCount && s == length;
  }

  private static boolean equalsBytes(long address, byte[] bytes, int from, int count) {
    int i = 0;
    for (; i + 8 <= count; i += 8) {
      if (MemoryUtil.getLong(address + i) != MemoryUtil.getLong(bytes, from + i)) {
        return false;
      }
    }
    for (; i < count; i++) {
      if (MemoryUtil.getByte(address + i) != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The offset of {@code needle} within {@code [from, end)} of the text, or -1. */
  private static int indexOf(long address, int from, int end, byte[] needle) {
    int n = needle.length;
    if (n == 0) {
      return from;
    }
    byte first = needle[0];
    int last = end - n;
    int i = from;
    while (i <= last) {
      i = Utf8Strings.findByte(address, i, last + 1, first);
      if (i < 0) {
        return -1;
      }
      if (equalsBytes(address + i + 1, needle, 1, n - 1)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  // ---------------------------------------------------------------- dynamic patterns

  /** The last pattern compiled by {@link #matchesDynamic}, per thread. */
  private static final ThreadLocal<DynamicCache> DYNAMIC = ThreadLocal.withInitial(DynamicCache::new);

  /** Remembers the bytes of the last dynamic pattern and escape and their compiled matcher. */
  private static final class DynamicCache {
    byte[] pattern = new byte[0];
    byte[] escape = new byte[0];
    LikeMatcher matcher;
  }

  /**
   * {@code s LIKE pattern ESCAPE escape} for a pattern that is not a constant. The compiled
   * matcher of the last pattern is cached per thread and reused while the pattern and escape
   * bytes stay the same, so a column of repeated patterns compiles once.
   *
   * @param escapeLength 0 for no escape
   */
  public static boolean matchesDynamic(long s, int sLength, long pattern, int patternLength,
      long escape, int escapeLength) {
    DynamicCache cache = DYNAMIC.get();
    LikeMatcher matcher = cache.matcher;
    if (matcher == null || !sameBytes(cache.pattern, pattern, patternLength)
        || !sameBytes(cache.escape, escape, escapeLength)) {
      byte[] patternBytes = new byte[patternLength];
      MemoryUtil.copyFromMemory(pattern, patternBytes, 0, patternLength);
      byte[] escapeBytes = new byte[escapeLength];
      if (escapeLength > 0) {
        MemoryUtil.copyFromMemory(escape, escapeBytes, 0, escapeLength);
      }
      matcher = compile(new String(patternBytes, StandardCharsets.UTF_8),
          escapeLength == 0 ? null : new String(escapeBytes, StandardCharsets.UTF_8));
      cache.pattern = patternBytes;
      cache.escape = escapeBytes;
      cache.matcher = matcher;
    }
    return matcher.matches(s, sLength);
  }

  private static boolean sameBytes(byte[] bytes, long address, int length) {
    return bytes.length == length && equalsBytes(address, bytes, 0, length);
  }

  @Override
  public String toString() {
    return "LikeMatcher[" + pattern + "]";
  }
}
