package io.quiver.engine.source.parquet;

/**
 * Decodes one raw Snappy block (the format Parquet's SNAPPY codec stores per page): a varint
 * with the uncompressed length, then elements whose tag byte's low two bits select a literal
 * (length in the tag's upper six bits, or in 1 to 4 following bytes) or a copy of earlier output
 * with a 1-, 2- or 4-byte offset.
 *
 * <p>Written for speed in pure Java: copies of at least 8 bytes back move 8 bytes per step as
 * longs, short literals as two longs, which needs {@link #SLACK} writable bytes past the end of
 * the output (the caller's buffer has them; the bytes there are scratch). Every length and offset
 * is checked before it is used, so malformed input is a DATA error; the loop consumes at least
 * one input byte per element, so it always ends.
 */
final class SnappyDecoder {
  /** Bytes the output buffer must have beyond the uncompressed size. */
  static final int SLACK = 16;
  /** Masks keeping the low 0 to 4 bytes of an element's trailer. */
  private static final int[] TRAILER_MASK = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF};
  /**
   * Per copy tag byte: bits 0-7 the copy length, bits 8-10 the high offset bits of a
   * 1-byte-offset copy, bits 11-13 how many offset bytes follow the tag. (Literal tags have
   * entries too, unused: a literal's length comes from its tag directly.)
   */
  private static final short[] TAG_TABLE = tagTable();

  private SnappyDecoder() {}

  /**
   * Decodes {@code in[offset, offset + length)} into {@code out[0, size)}; {@code out} must
   * have at least {@code size + SLACK} bytes. Returns {@code size}; a block that states or
   * produces another size is a DATA error.
   */
  static int decode(byte[] in, int offset, int length, byte[] out, int size) {
    if (out.length < size + SLACK) {
      throw new IllegalArgumentException("Snappy output buffer without slack");
    }
    int end = offset + length;
    int ip = offset;
    // Preamble: the uncompressed length as a little-endian base-128 varint (at most 5 bytes).
    long stated = 0;
    int shift = 0;
    while (true) {
      if (ip >= end) {
        throw ParquetData.corrupt("SNAPPY page is cut off in its length preamble");
      }
      int b = in[ip++] & 0xFF;
      stated |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw ParquetData.corrupt("SNAPPY page length preamble is longer than 5 bytes");
      }
    }
    if (stated != size) {
      throw ParquetData.corrupt("SNAPPY page states %d uncompressed bytes but its header says %d",
          stated, size);
    }
    long reached = decodeFast(in, ip, end, out, size);
    ip = (int) (reached >>> 32);
    int op = (int) reached;
    int fastInput = in.length - SLACK;
    int fastOutput = out.length - SLACK;
    while (ip < end) {
      int tag = in[ip++] & 0xFF;
      int kind = tag & 3;
      if (kind == 0) {
        int literal = (tag >>> 2) + 1;
        if (literal > 60) {
          int bytes = literal - 60;
          if (bytes > end - ip) {
            throw ParquetData.corrupt("SNAPPY literal length is cut off at byte %d", ip);
          }
          long value = 0;
          for (int i = 0; i < bytes; i++) {
            value |= (long) (in[ip + i] & 0xFF) << (8 * i);
          }
          ip += bytes;
          if (value + 1 > Integer.MAX_VALUE) {
            throw ParquetData.corrupt("SNAPPY literal of %d bytes", value + 1);
          }
          literal = (int) value + 1;
        }
        if (literal > end - ip || literal > size - op) {
          throw literalPastEnd(literal, ip, end, op, size);
        }
        if (literal <= 16 && ip <= fastInput && op <= fastOutput) {
          PhysicalValues.LONG.set(out, op, (long) PhysicalValues.LONG.get(in, ip));
          PhysicalValues.LONG.set(out, op + 8, (long) PhysicalValues.LONG.get(in, ip + 8));
        } else {
          System.arraycopy(in, ip, out, op, literal);
        }
        ip += literal;
        op += literal;
        continue;
      }
      int copy;
      int distance;
      if (kind == 1) {
        if (ip >= end) {
          throw ParquetData.corrupt("SNAPPY copy is cut off at byte %d", ip);
        }
        copy = 4 + ((tag >>> 2) & 7);
        distance = ((tag & 0xE0) << 3) | (in[ip++] & 0xFF);
      } else if (kind == 2) {
        if (2 > end - ip) {
          throw ParquetData.corrupt("SNAPPY copy is cut off at byte %d", ip);
        }
        copy = 1 + (tag >>> 2);
        distance = (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8;
        ip += 2;
      } else {
        if (4 > end - ip) {
          throw ParquetData.corrupt("SNAPPY copy is cut off at byte %d", ip);
        }
        copy = 1 + (tag >>> 2);
        distance = (int) PhysicalValues.INT.get(in, ip);
        ip += 4;
      }
      if (distance <= 0 || distance > op || copy > size - op) {
        throw copyOutside(copy, distance, op, size);
      }
      int from = op - distance;
      if (distance >= 8 && op <= fastOutput - 64) {
        // Each 8-byte step reads bytes that are already final: they lie at least 8 back. Most
        // copies are short: two steps unconditionally, more only when needed.
        PhysicalValues.LONG.set(out, op, (long) PhysicalValues.LONG.get(out, from));
        PhysicalValues.LONG.set(out, op + 8, (long) PhysicalValues.LONG.get(out, from + 8));
        for (int i = 16; i < copy; i += 8) {
          PhysicalValues.LONG.set(out, op + i, (long) PhysicalValues.LONG.get(out, from + i));
        }
      } else {
        for (int i = 0; i < copy; i++) {
          out[op + i] = out[from + i];
        }
      }
      op += copy;
    }
    if (op != size) {
      throw ParquetData.corrupt("SNAPPY page decompressed to %d bytes but its header says %d", op,
          size);
    }
    return size;
  }

  /**
   * The fast loop: while at least 24 input bytes (an 8-byte read of the tag and its trailer, a
   * 16-byte literal move) and 80 output bytes (a 64-byte copy rounded up, a 16-byte literal
   * move) remain in the arrays, each element is decoded from one 8-byte read: a literal's length
   * from its tag, a copy's length, offset bits and trailer size from {@link #TAG_TABLE}, and one
   * combined bounds check. Returns where it stopped, input position in the upper 32 bits and
   * output position in the lower; the careful loop finishes the block. (A method of its own so
   * that the JIT compiles this loop alone.)
   */
  private static long decodeFast(byte[] in, int ip, int end, byte[] out, int size) {
    int op = 0;
    int fastInputEnd = Math.min(end, in.length - 24);
    int fastOutputEnd = Math.min(size, out.length - 80);
    while (ip < fastInputEnd && op < fastOutputEnd) {
      long word = (long) PhysicalValues.LONG.get(in, ip);
      int tag = (int) word & 0xFF;
      if ((tag & 3) == 0) {
        int literal = (tag >>> 2) + 1;
        if (literal <= 16) {
          if (((end - ip - 1 - literal) | (size - op - literal)) < 0) {
            throw literalPastEnd(literal, ip + 1, end, op, size);
          }
          PhysicalValues.LONG.set(out, op, (long) PhysicalValues.LONG.get(in, ip + 1));
          PhysicalValues.LONG.set(out, op + 8, (long) PhysicalValues.LONG.get(in, ip + 9));
          ip += literal + 1;
          op += literal;
          continue;
        }
        ip++;
        if (literal > 60) {
          // the length minus one in 1 to 4 little-endian bytes after the tag
          int trailer = literal - 60;
          if (trailer > end - ip) {
            throw ParquetData.corrupt("SNAPPY literal length is cut off at byte %d", ip);
          }
          long stored = (word >>> 8) & (TRAILER_MASK[trailer] & 0xFFFFFFFFL);
          ip += trailer;
          if (stored + 1 > Integer.MAX_VALUE) {
            throw ParquetData.corrupt("SNAPPY literal of %d bytes", stored + 1);
          }
          literal = (int) stored + 1;
        }
        if (literal > end - ip || literal > size - op) {
          throw literalPastEnd(literal, ip, end, op, size);
        }
        System.arraycopy(in, ip, out, op, literal);
        ip += literal;
        op += literal;
        continue;
      }
      int entry = TAG_TABLE[tag];
      int trailer = entry >>> 11;
      int count = entry & 0xFF;
      int distance = (entry & 0x700) + ((int) (word >>> 8) & TRAILER_MASK[trailer]);
      ip += 1 + trailer;
      if (((end - ip) | (distance - 1) | (op - distance) | (size - op - count)) < 0) {
        if (ip > end) {
          throw ParquetData.corrupt("SNAPPY copy is cut off at byte %d", ip - 1 - trailer);
        }
        throw copyOutside(count, distance, op, size);
      }
      int from = op - distance;
      if (distance >= 8) {
        PhysicalValues.LONG.set(out, op, (long) PhysicalValues.LONG.get(out, from));
        PhysicalValues.LONG.set(out, op + 8, (long) PhysicalValues.LONG.get(out, from + 8));
        for (int i = 16; i < count; i += 8) {
          PhysicalValues.LONG.set(out, op + i, (long) PhysicalValues.LONG.get(out, from + i));
        }
      } else {
        for (int i = 0; i < count; i++) {
          out[op + i] = out[from + i];
        }
      }
      op += count;
    }
    return (long) ip << 32 | (op & 0xFFFFFFFFL);
  }

  private static RuntimeException literalPastEnd(int literal, int ip, int end, int op,
      int size) {
    return ParquetData.corrupt("SNAPPY literal of %d bytes at byte %d runs past the page"
        + " (%d input, %d output bytes left)", literal, ip, end - ip, size - op);
  }

  private static RuntimeException copyOutside(int copy, int distance, int op, int size) {
    return ParquetData.corrupt("SNAPPY copy of %d bytes from %d bytes back at output byte %d"
        + " is outside the page of %d bytes", copy, distance & 0xFFFFFFFFL, op, size);
  }

  private static short[] tagTable() {
    short[] table = new short[256];
    for (int tag = 0; tag < 256; tag++) {
      int length;
      int trailer;
      int highOffset = 0;
      switch (tag & 3) {
        case 0 -> {
          length = (tag >>> 2) + 1;
          trailer = length > 60 ? length - 60 : 0;
        }
        case 1 -> {
          length = 4 + ((tag >>> 2) & 7);
          trailer = 1;
          highOffset = (tag >>> 5) << 8;
        }
        case 2 -> {
          length = 1 + (tag >>> 2);
          trailer = 2;
        }
        default -> {
          length = 1 + (tag >>> 2);
          trailer = 4;
        }
      }
      table[tag] = (short) (trailer << 11 | highOffset | length);
    }
    return table;
  }
}
