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
    int op = 0;
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
          throw ParquetData.corrupt("SNAPPY literal of %d bytes at byte %d runs past the page"
              + " (%d input, %d output bytes left)", literal, ip, end - ip, size - op);
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
        throw ParquetData.corrupt("SNAPPY copy of %d bytes from %d bytes back at output byte %d"
            + " is outside the page of %d bytes", copy, distance & 0xFFFFFFFFL, op, size);
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
}
