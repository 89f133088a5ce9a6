package io.quiver.engine.function.builtin.string;

import io.quiver.engine.expr.runtime.Utf8Strings;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Finds the ends of user-perceived characters (extended grapheme clusters, Unicode UAX #29) in
 * UTF-8 bytes, without decoding into Java strings: what {@code reverse} keeps together, as
 * DuckDB does. The rules kept are those that matter in real text: marks and other
 * extending characters (combining accents, variation selectors, emoji skin tones, tag
 * characters) and spacing marks stay with their base; an emoji ZWJ sequence is one cluster;
 * regional indicators pair into flags; Hangul jamo join into syllables; Indic consonants joined
 * by a virama form one cluster (Unicode 15.1). Not applied: the rare
 * "prepend" characters, Unicode properties newer than the JDK's character data, and CR LF
 * as one cluster (DuckDB's reverse turns CR LF into LF CR; so does this).
 */
final class GraphemeClusters {
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private static final int HANGUL_NONE = 0;
  private static final int HANGUL_L = 1;
  private static final int HANGUL_V = 2;
  private static final int HANGUL_T = 3;
  private static final int HANGUL_LV = 4;
  private static final int HANGUL_LVT = 5;

  private GraphemeClusters() {}

  /**
   * The byte offset just past the cluster that starts at byte {@code from} of the
   * {@code length} bytes at {@code address} ({@code from < length}).
   */
  static int end(long address, int length, int from) {
    byte lead = MemoryUtil.getByte(address + from);
    if (lead >= 0x20 && lead < 0x7F) {
      // ASCII printable: the cluster ends here unless an extending character follows.
      int next = from + 1;
      if (next == length || MemoryUtil.getByte(address + next) >= 0) {
        return next;
      }
      return extend(address, length, next, false, false);
    }
    int size = size(address, length, from);
    int first = Utf8Strings.decode(address + from, size);
    int at = from + size;
    if (isControl(first)) {
      return at;
    }
    if (isRegionalIndicator(first) && at < length) {
      int nextSize = size(address, length, at);
      if (isRegionalIndicator(Utf8Strings.decode(address + at, nextSize))) {
        at += nextSize;
      }
    }
    int hangul = hangulType(first);
    while (hangul != HANGUL_NONE && at < length) {
      int nextSize = size(address, length, at);
      int next = hangulType(Utf8Strings.decode(address + at, nextSize));
      boolean joins = switch (hangul) {
        case HANGUL_L -> next != HANGUL_NONE && next != HANGUL_T;
        case HANGUL_V, HANGUL_LV -> next == HANGUL_V || next == HANGUL_T;
        default -> next == HANGUL_T;
      };
      if (!joins) {
        break;
      }
      hangul = next;
      at += nextSize;
    }
    return extend(address, length, at, isPictographic(first), isConjunctConsonant(first));
  }

  /**
   * Takes the extending characters from byte {@code at}, with the pictographs joined by ZWJ
   * after a pictograph, and the consonants joined by a virama after a consonant (Indic
   * conjuncts: {@code स्त} is one cluster).
   */
  private static int extend(long address, int length, int at, boolean pictographic,
      boolean conjunct) {
    boolean linked = false;
    while (at < length) {
      int size = size(address, length, at);
      int codePoint = Utf8Strings.decode(address + at, size);
      if (codePoint == ZERO_WIDTH_JOINER) {
        at += size;
        if (pictographic && at < length) {
          int nextSize = size(address, length, at);
          if (isPictographic(Utf8Strings.decode(address + at, nextSize))) {
            at += nextSize;
          }
        }
      } else if (conjunct && isConjunctLinker(codePoint)) {
        linked = true;
        at += size;
      } else if (linked && isConjunctConsonant(codePoint)) {
        linked = false;
        at += size;
      } else if (isExtending(codePoint)) {
        conjunct &= Character.getType(codePoint) != Character.COMBINING_SPACING_MARK;
        at += size;
      } else {
        break;
      }
    }
    return at;
  }

  /** The viramas that join consonants into conjuncts (Indic_Conjunct_Break=Linker). */
  private static boolean isConjunctLinker(int codePoint) {
    return codePoint == 0x094D || codePoint == 0x09CD || codePoint == 0x0ACD
        || codePoint == 0x0B4D || codePoint == 0x0C4D || codePoint == 0x0D4D;
  }

  /**
   * The consonants of Devanagari, Bengali, Gujarati, Oriya, Telugu and Malayalam
   * (Indic_Conjunct_Break=Consonant), by their ranges in each block.
   */
  private static boolean isConjunctConsonant(int codePoint) {
    if (codePoint < 0x0915 || codePoint > 0x0D3A
        || Character.getType(codePoint) != Character.OTHER_LETTER) {
      return false;
    }
    return codePoint <= 0x0939 || codePoint >= 0x0958 && codePoint <= 0x095F
        || codePoint >= 0x0978 && codePoint <= 0x097F
        || codePoint >= 0x0995 && codePoint <= 0x09B9 || codePoint >= 0x09DC && codePoint <= 0x09DF
        || codePoint == 0x09F0 || codePoint == 0x09F1
        || codePoint >= 0x0A95 && codePoint <= 0x0AB9 || codePoint == 0x0AF9
        || codePoint >= 0x0B15 && codePoint <= 0x0B39 || codePoint >= 0x0B5C && codePoint <= 0x0B5F
        || codePoint == 0x0B71
        || codePoint >= 0x0C15 && codePoint <= 0x0C39 || codePoint >= 0x0C58 && codePoint <= 0x0C5A
        || codePoint >= 0x0D15;
  }

  /** The byte size of the sequence at {@code at}, cut to the bytes there are. */
  private static int size(long address, int length, int at) {
    return Math.min(Utf8Strings.sequenceLength(MemoryUtil.getByte(address + at)), length - at);
  }

  private static boolean isControl(int codePoint) {
    return codePoint < 0x20 || codePoint >= 0x7F && codePoint < 0xA0
        || codePoint == 0x2028 || codePoint == 0x2029;
  }

  /** Grapheme_Extend, SpacingMark or ZWNJ: never starts a cluster of its own after a base. */
  private static boolean isExtending(int codePoint) {
    if (codePoint < 0x300) {
      return false;
    }
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || codePoint == 0x200C
        || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF // emoji skin tones
        || codePoint >= 0xE0020 && codePoint <= 0xE007F // tag characters
        || codePoint == 0xFF9E || codePoint == 0xFF9F; // halfwidth voiced sound marks
  }

  private static boolean isRegionalIndicator(int codePoint) {
    return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
  }

  /** Extended_Pictographic, by the blocks that hold it (a close superset). */
  private static boolean isPictographic(int codePoint) {
    return codePoint >= 0x1F000 && codePoint <= 0x1FAFF && !isRegionalIndicator(codePoint)
        && !(codePoint >= 0x1F3FB && codePoint <= 0x1F3FF)
        || codePoint >= 0x2600 && codePoint <= 0x27BF
        || codePoint >= 0x2300 && codePoint <= 0x23FF
        || codePoint >= 0x2B00 && codePoint <= 0x2BFF
        || codePoint >= 0x2190 && codePoint <= 0x21FF
        || codePoint == 0x00A9 || codePoint == 0x00AE || codePoint == 0x203C
        || codePoint == 0x2049 || codePoint == 0x2122 || codePoint == 0x2139
        || codePoint == 0x3030 || codePoint == 0x303D || codePoint == 0x3297
        || codePoint == 0x3299;
  }

  private static int hangulType(int codePoint) {
    if (codePoint < 0x1100) {
      return HANGUL_NONE;
    }
    if (codePoint <= 0x115F || codePoint >= 0xA960 && codePoint <= 0xA97C) {
      return HANGUL_L;
    }
    if (codePoint <= 0x11A7 || codePoint >= 0xD7B0 && codePoint <= 0xD7C6) {
      return HANGUL_V;
    }
    if (codePoint <= 0x11FF || codePoint >= 0xD7CB && codePoint <= 0xD7FB) {
      return HANGUL_T;
    }
    if (codePoint >= 0xAC00 && codePoint <= 0xD7A3) {
      return (codePoint - 0xAC00) % 28 == 0 ? HANGUL_LV : HANGUL_LVT;
    }
    return HANGUL_NONE;
  }
}
