package io.quiver.engine.expr.runtime;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A compiled SQL LIKE pattern over UTF-8 bytes. {@code %} matches any sequence, {@code _} one
 * character, the escape character makes the next one literal. Patterns without {@code _} are
 * a sequence of literal parts matched left to right (exact, prefix, suffix, contains, and
 * ordered parts); others use an iterative wildcard matcher with one backtrack point.
 */
public final class LikeMatcher {
  private static final byte ANY_ONE = 1;
  private static final byte LITERAL = 0;

  private final byte[] pattern;
  private final byte[] kinds;
  private final boolean simple;
  private final byte[][] parts;
  private final boolean anchoredStart;
  private final boolean anchoredEnd;

  private LikeMatcher(byte[] pattern, byte[] kinds, boolean simple, byte[][] parts,
      boolean anchoredStart, boolean anchoredEnd) {
    this.pattern = pattern;
    this.kinds = kinds;
    this.simple = simple;
    this.parts = parts;
    this.anchoredStart = anchoredStart;
    this.anchoredEnd = anchoredEnd;
  }

  public static LikeMatcher compile(String pattern, String escape) {
    if (escape != null && escape.codePointCount(0, escape.length()) != 1) {
      throw new QuiverException(ErrorKind.DATA,
          "invalid escape string '" + escape + "': it must be exactly one character");
    }
    int escapeChar = escape == null ? -1 : escape.codePointAt(0);
    // tokens: literal code points, '%' (kind 2) and '_' (kind 1)
    StringBuilder literal = new StringBuilder();
    List<byte[]> literalParts = new ArrayList<>();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream kinds = new java.io.ByteArrayOutputStream();
    boolean hasUnderscore = false;
    boolean startsWithPercent = false;
    boolean endsWithPercent = false;
    int count = 0;
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
        appendLiteral(next, literal, bytes, kinds);
        endsWithPercent = false;
      } else if (c == '%') {
        if (count == 0) {
          startsWithPercent = true;
        }
        literalParts.add(literal.toString().getBytes(StandardCharsets.UTF_8));
        literal.setLength(0);
        bytes.write('%');
        kinds.write(2);
        endsWithPercent = true;
      } else if (c == '_') {
        hasUnderscore = true;
        bytes.write('_');
        kinds.write(ANY_ONE);
        endsWithPercent = false;
      } else {
        appendLiteral(c, literal, bytes, kinds);
        endsWithPercent = false;
      }
      count++;
    }
    literalParts.add(literal.toString().getBytes(StandardCharsets.UTF_8));
    List<byte[]> nonEmpty = new ArrayList<>();
    for (byte[] part : literalParts) {
      nonEmpty.add(part);
    }
    return new LikeMatcher(bytes.toByteArray(), kinds.toByteArray(), !hasUnderscore,
        nonEmpty.toArray(new byte[0][]), !startsWithPercent, !endsWithPercent);
  }

  private static void appendLiteral(int codePoint, StringBuilder literal,
      java.io.ByteArrayOutputStream bytes, java.io.ByteArrayOutputStream kinds) {
    literal.appendCodePoint(codePoint);
    byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    for (byte b : encoded) {
      bytes.write(b);
      kinds.write(LITERAL);
    }
  }

  public boolean matches(long address, int length) {
    return simple ? matchParts(address, length) : matchGeneral(address, length);
  }

  private boolean matchParts(long address, int length) {
    // parts[0] is before the first %, parts[last] after the last %; with no % there is one part.
    if (parts.length == 1) {
      byte[] only = parts[0];
      return only.length == length && regionEquals(address, only, 0);
    }
    int position = 0;
    int end = length;
    byte[] first = parts[0];
    if (first.length > 0) {
      if (first.length > length || !regionEquals(address, first, 0)) {
        return false;
      }
      position = first.length;
    }
    byte[] last = parts[parts.length - 1];
    if (last.length > 0) {
      if (last.length > end - position || !regionEquals(address + end - last.length, last, 0)) {
        return false;
      }
      end -= last.length;
    }
    for (int p = 1; p < parts.length - 1; p++) {
      byte[] part = parts[p];
      if (part.length == 0) {
        continue;
      }
      int at = indexOf(address, position, end, part);
      if (at < 0) {
        return false;
      }
      position = at + part.length;
    }
    return true;
  }

  private static boolean regionEquals(long address, byte[] part, int from) {
    for (int i = from; i < part.length; i++) {
      if (MemoryUtil.getByte(address + i) != part[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(long address, int from, int end, byte[] part) {
    byte first = part[0];
    int last = end - part.length;
    for (int i = from; i <= last; i++) {
      if (MemoryUtil.getByte(address + i) == first && regionEquals(address + i, part, 1)
          && regionEqualsFull(address + i, part)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean regionEqualsFull(long address, byte[] part) {
    return regionEquals(address, part, 0);
  }

  private static int charWidth(byte first) {
    int b = first & 0xff;
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }

  private boolean matchGeneral(long address, int length) {
    int s = 0;
    int p = 0;
    int starP = -1;
    int starS = -1;
    while (s < length) {
      if (p < pattern.length && kinds[p] == ANY_ONE) {
        s += charWidth(MemoryUtil.getByte(address + s));
        p++;
      } else if (p < pattern.length && kinds[p] == LITERAL
          && pattern[p] == MemoryUtil.getByte(address + s)) {
        s++;
        p++;
      } else if (p < pattern.length && kinds[p] == 2) {
        starP = p++;
        starS = s;
      } else if (starP >= 0) {
        p = starP + 1;
        starS += charWidth(MemoryUtil.getByte(address + starS));
        s = starS;
      } else {
        return false;
      }
    }
    while (p < pattern.length && kinds[p] == 2) {
      p++;
    }
    return p == pattern.length && s == length;
  }

  private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

  /** LIKE with a pattern that is not a constant: recompiles only when the pattern changes. */
  public static boolean matchesDynamic(long s, int sLength, long pattern, int patternLength,
      long escape, int escapeLength) {
    byte[] patternBytes = new byte[patternLength];
    MemoryUtil.copyFromMemory(pattern, patternBytes, 0, patternLength);
    String escapeText = null;
    if (escape != 0) {
      byte[] escapeBytes = new byte[escapeLength];
      MemoryUtil.copyFromMemory(escape, escapeBytes, 0, escapeLength);
      escapeText = new String(escapeBytes, StandardCharsets.UTF_8);
    }
    Object[] last = LAST.get();
    LikeMatcher matcher;
    if (last != null && java.util.Arrays.equals((byte[]) last[0], patternBytes)
        && java.util.Objects.equals(last[1], escapeText)) {
      matcher = (LikeMatcher) last[2];
    } else {
      matcher = compile(new String(patternBytes, StandardCharsets.UTF_8), escapeText);
      LAST.set(new Object[] {patternBytes, escapeText, matcher});
    }
    return matcher.matches(s, sLength);
  }
}
