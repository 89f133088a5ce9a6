package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class Int128MathTest {
  private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
  private final Random random = new Random(17);

  private static Int128 of(BigInteger value) {
    Int128 holder = new Int128();
    Int128Math.fromBigInteger(value, holder);
    return holder;
  }

  private static Int128 of(String value) {
    return of(new BigInteger(value));
  }

  private static BigInteger big(Int128 value) {
    return Int128Math.toBigInteger(value);
  }

  private BigInteger randomValue() {
    int bits = 1 + random.nextInt(127);
    BigInteger value = new BigInteger(bits, random);
    return random.nextBoolean() ? value.negate() : value;
  }

  private static boolean fits(BigInteger value) {
    return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
  }

  private static void assertOverflow(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessageStartingWith("decimal overflow");
  }

  @Test
  void holderBasics() {
    assertThat(Int128.of(-1)).isEqualTo(new Int128(-1, -1));
    assertThat(Int128.of(5)).isEqualTo(new Int128(0, 5));
    assertThat(Int128.of(5).hashCode()).isEqualTo(new Int128(0, 5).hashCode());
    assertThat(Int128.of(5)).isNotEqualTo(Int128.of(6)).isNotEqualTo("5");
    assertThat(new Int128().set(1, 0)).hasToString("18446744073709551616");
    assertThat(Int128.of(Long.MIN_VALUE)).hasToString("-9223372036854775808");
  }

  @Test
  void setCopyAndLongConversions() {
    Int128 holder = new Int128();
    Int128Math.set(holder, -42);
    assertThat(big(holder)).isEqualTo(BigInteger.valueOf(-42));
    Int128 copy = new Int128();
    Int128Math.copy(holder, copy);
    assertThat(copy).isEqualTo(holder);
    assertThat(Int128Math.fitsInLong(holder)).isTrue();
    assertThat(Int128Math.toLongExact(holder)).isEqualTo(-42);
    assertThat(Int128Math.fitsInLong(of("9223372036854775808"))).isFalse();
    assertThat(Int128Math.fitsInLong(of("-9223372036854775808"))).isTrue();
    assertThat(Int128Math.fitsInLong(of("-9223372036854775809"))).isFalse();
    assertThatThrownBy(() -> Int128Math.toLongExact(of("9223372036854775808")))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("bigint out of range");
  }

  @Test
  void addSubtractNegateAgreeWithBigInteger() {
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = randomValue();
      BigInteger b = randomValue();
      Int128 out = new Int128();
      BigInteger sum = a.add(b);
      if (fits(sum)) {
        Int128Math.add(of(a), of(b), out);
        assertThat(big(out)).isEqualTo(sum);
      } else {
        assertOverflow(() -> Int128Math.add(of(a), of(b), new Int128()));
      }
      BigInteger difference = a.subtract(b);
      if (fits(difference)) {
        Int128Math.subtract(of(a), of(b), out);
        assertThat(big(out)).isEqualTo(difference);
      } else {
        assertOverflow(() -> Int128Math.subtract(of(a), of(b), new Int128()));
      }
      long small = random.nextLong();
      BigInteger sumLong = a.add(BigInteger.valueOf(small));
      if (fits(sumLong)) {
        Int128Math.addLong(of(a), small, out);
        assertThat(big(out)).isEqualTo(sumLong);
      }
      Int128Math.negate(of(a), out);
      assertThat(big(out)).isEqualTo(a.negate());
    }
  }

  @Test
  void edgesOfAddSubtractNegate() {
    Int128 out = new Int128();
    assertOverflow(() -> Int128Math.add(of(MAX), of(BigInteger.ONE), new Int128()));
    assertOverflow(() -> Int128Math.addLong(of(MIN), -1, new Int128()));
    assertOverflow(() -> Int128Math.subtract(of(MIN), of(BigInteger.ONE), new Int128()));
    assertOverflow(() -> Int128Math.negate(of(MIN), new Int128()));
    Int128Math.add(of(MAX), of(MIN), out);
    assertThat(big(out)).isEqualTo(BigInteger.ONE.negate());
    Int128Math.addLong(of("18446744073709551615"), 1, out); // carry into the high half
    assertThat(big(out)).isEqualTo(new BigInteger("18446744073709551616"));
    Int128Math.addLong(of("18446744073709551616"), -1, out); // borrow from the high half
    assertThat(big(out)).isEqualTo(new BigInteger("18446744073709551615"));
    // out may be an operand
    Int128 a = of("5");
    Int128Math.add(a, a, a);
    assertThat(big(a)).isEqualTo(BigInteger.TEN);
    Int128Math.negate(a, a);
    assertThat(big(a)).isEqualTo(BigInteger.TEN.negate());
    Int128Math.negate(of("0"), out);
    assertThat(big(out)).isZero();
  }

  @Test
  void multiplyAgreesWithBigInteger() {
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = randomValue().shiftRight(random.nextInt(127));
      BigInteger b = randomValue().shiftRight(random.nextInt(127));
      BigInteger product = a.multiply(b);
      if (fits(product)) {
        Int128 out = new Int128();
        Int128Math.multiply(of(a), of(b), out);
        assertThat(big(out)).as("%s * %s", a, b).isEqualTo(product);
      } else {
        assertOverflow(() -> Int128Math.multiply(of(a), of(b), new Int128()));
      }
    }
  }

  @Test
  void multiplyByLongAgreesWithBigInteger() {
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = randomValue().shiftRight(random.nextInt(127));
      long b = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
      BigInteger product = a.multiply(BigInteger.valueOf(b));
      if (fits(product)) {
        Int128 out = new Int128();
        Int128Math.multiplyByLong(of(a), b, out);
        assertThat(big(out)).as("%s * %s", a, b).isEqualTo(product);
      } else {
        assertOverflow(() -> Int128Math.multiplyByLong(of(a), b, new Int128()));
      }
    }
    Int128 out = new Int128();
    Int128Math.multiplyByLong(of(BigInteger.ONE.shiftLeft(126)), -2, out);
    assertThat(big(out)).isEqualTo(MIN);
    assertOverflow(() -> Int128Math.multiplyByLong(of(MIN), -1, new Int128()));
    Int128Math.multiplyByLong(of(BigInteger.valueOf(Long.MIN_VALUE)), Long.MIN_VALUE, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).pow(2));
  }

  @Test
  void multiplyEdges() {
    Int128 out = new Int128();
    Int128Math.multiply(of(MIN), of(BigInteger.ONE), out);
    assertThat(big(out)).isEqualTo(MIN);
    Int128Math.multiply(of(BigInteger.ONE.shiftLeft(126)), of(BigInteger.valueOf(-2)), out);
    assertThat(big(out)).isEqualTo(MIN);
    assertOverflow(() -> Int128Math.multiply(of(BigInteger.ONE.shiftLeft(126)),
        of(BigInteger.TWO), new Int128()));
    assertOverflow(() -> Int128Math.multiply(of(MIN), of(BigInteger.ONE.negate()),
        new Int128()));
    assertOverflow(() -> Int128Math.multiply(of(BigInteger.ONE.shiftLeft(64)),
        of(BigInteger.ONE.shiftLeft(64)), new Int128()));
    Int128Math.multiplyLongs(Long.MIN_VALUE, Long.MIN_VALUE, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).pow(2));
    Int128Math.multiplyLongs(Long.MAX_VALUE, -3, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(
        BigInteger.valueOf(-3)));
    Int128Math.multiply(of("-9223372036854775808"), of("-9223372036854775808"), out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).pow(2));
  }

  @Test
  void compareSignumAndPrecision() {
    assertThat(Int128Math.compare(of("-1"), of("1"))).isNegative();
    assertThat(Int128Math.compare(of("18446744073709551616"), of("18446744073709551615")))
        .isPositive();
    assertThat(Int128Math.compare(of(MIN), of(MAX))).isNegative();
    assertThat(Int128Math.compare(of("7"), of("7"))).isZero();
    assertThat(Int128Math.signum(of("-5"))).isEqualTo(-1);
    assertThat(Int128Math.signum(of("0"))).isZero();
    assertThat(Int128Math.signum(of("18446744073709551616"))).isEqualTo(1);
    for (int i = 0; i < 5000; i++) {
      BigInteger a = randomValue();
      BigInteger b = randomValue();
      assertThat(Integer.signum(Int128Math.compare(of(a), of(b)))).isEqualTo(a.compareTo(b));
    }
    String nines = "9".repeat(38);
    Int128Math.checkPrecision(of(nines), 38);
    Int128Math.checkPrecision(of("-" + nines), 38);
    assertThatThrownBy(() -> Int128Math.checkPrecision(of("1" + "0".repeat(37)), 37, 2))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("decimal overflow: value does not fit DECIMAL(37,2)");
    assertThatThrownBy(() -> Int128Math.checkPrecision(of("-100000"), 5))
        .hasMessage("decimal overflow: value does not fit DECIMAL(5)");
    assertThat(Int128Math.fitsPrecision(of(MIN), 38)).isFalse();
    assertThat(Int128Math.fitsPrecision(of("99999"), 5)).isTrue();
    assertThat(Int128Math.fitsPrecision(of("100000"), 5)).isFalse();
  }

  @Test
  void rescaleRoundsHalfAwayFromZero() {
    Int128 out = new Int128();
    Int128Math.rescale(of("155"), 2, 1, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(16));
    Int128Math.rescale(of("-155"), 2, 1, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(-16));
    Int128Math.rescale(of("15"), 1, 21, out);
    assertThat(big(out)).isEqualTo(new BigInteger("15" + "0".repeat(20)));
    Int128Math.rescale(of("5" + "0".repeat(30)), 31, 0, out);
    assertThat(big(out)).isEqualTo(BigInteger.ONE);
    Int128Math.rescale(of("-4" + "9".repeat(30)), 31, 0, out);
    assertThat(big(out)).isZero();
    Int128Math.rescale(of("9223372036854775807"), 19, 0, out);
    assertThat(big(out)).isEqualTo(BigInteger.ONE);
    Int128Math.rescale(of("-5000000000000000000"), 19, 0, out);
    assertThat(big(out)).isEqualTo(BigInteger.ONE.negate());
    Int128Math.rescale(of("4999999999999999999"), 19, 0, out);
    assertThat(big(out)).isZero();
    Int128Math.rescale(of("12345"), 3, 3, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(12345));
    assertOverflow(() -> Int128Math.rescale(of(MAX), 0, 1, new Int128()));
    for (int i = 0; i < 10_000; i++) {
      BigInteger a = randomValue();
      int from = random.nextInt(39);
      int to = random.nextInt(39);
      BigDecimal expected = new BigDecimal(a, from).setScale(to, RoundingMode.HALF_UP);
      if (fits(expected.unscaledValue())) {
        Int128Math.rescale(of(a), from, to, out);
        assertThat(big(out)).as("%s from %s to %s", a, from, to)
            .isEqualTo(expected.unscaledValue());
      } else {
        assertOverflow(() -> Int128Math.rescale(of(a), from, to, new Int128()));
      }
    }
  }

  @Test
  void divideRoundsHalfAwayFromZeroAtTheOutputScale() {
    Int128 out = new Int128();
    Int128Math.divide(of("100"), 2, of("300"), 2, 6, out); // 1.00 / 3.00 = 0.333333
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(333_333));
    Int128Math.divide(of("200"), 2, of("300"), 2, 6, out); // 0.666667
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(666_667));
    Int128Math.divide(of("-200"), 2, of("300"), 2, 6, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(-666_667));
    Int128Math.divide(of("1"), 0, of("-8"), 0, 2, out); // -0.125 -> -0.13
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(-13));
    Int128Math.divide(of("10"), 0, of("4"), 1, 1, out); // 10 / 0.4 = 25.0
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(250));
    Int128Math.divide(of("1"), 5, of("1"), 0, 2, out); // 0.00001 / 1 at scale 2
    assertThat(big(out)).isZero();
    assertThatThrownBy(() -> Int128Math.divide(of("1"), 0, of("0"), 3, 2, new Int128()))
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage("division by zero");
    assertOverflow(() -> Int128Math.divide(of(MAX), 0, of("1"), 10, 0, new Int128()));
  }

  @Test
  void toDoubleAndBigDecimal() {
    assertThat(Int128Math.toDouble(of("150"), 2)).isEqualTo(1.5);
    assertThat(Int128Math.toDouble(of("1" + "0".repeat(30)), 10)).isEqualTo(1e20);
    assertThat(Int128Math.toDouble(of("-123456789012345678901234567890"), 3))
        .isEqualTo(-123456789012345678901234567.890);
    assertThat(Int128Math.toBigDecimal(of("-12345"), 3)).isEqualTo(new BigDecimal("-12.345"));
    Int128 out = new Int128();
    Int128Math.fromBigDecimal(new BigDecimal("1.255"), 2, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(126));
    Int128Math.fromBigDecimal(new BigDecimal("-1.255"), 2, out);
    assertThat(big(out)).isEqualTo(BigInteger.valueOf(-126));
    assertOverflow(() -> Int128Math.fromBigDecimal(new BigDecimal("1e40"), 0, new Int128()));
  }

  @Test
  void littleEndianLayoutMatchesArrowDecimalVector() {
    try (BufferAllocator allocator = new RootAllocator();
        DecimalVector vector = new DecimalVector("d", allocator, 38, 2)) {
      vector.allocateNew(3);
      BigDecimal[] values = {new BigDecimal("123456789012345678901234567890.12"),
          new BigDecimal("-0.01"), new BigDecimal("-99999999999999999999999999999999999.99")};
      for (int i = 0; i < values.length; i++) {
        vector.set(i, values[i]);
      }
      vector.setValueCount(3);
      long address = vector.getDataBuffer().memoryAddress();
      Int128 holder = new Int128();
      for (int i = 0; i < values.length; i++) {
        Int128Math.readLittleEndian(address + 16L * i, holder);
        assertThat(Int128Math.toBigDecimal(holder, 2)).isEqualTo(values[i]);
      }
      // write back negated values and read them with the vector
      for (int i = 0; i < values.length; i++) {
        Int128Math.readLittleEndian(address + 16L * i, holder);
        Int128Math.negate(holder, holder);
        Int128Math.writeLittleEndian(holder, address + 16L * i);
        assertThat(vector.getObject(i)).isEqualTo(values[i].negate());
      }
      vector.close();
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void rawBufferRoundTrip() {
    try (BufferAllocator allocator = new RootAllocator()) {
      try (ArrowBuf buffer = allocator.buffer(16)) {
        Int128 value = of("-170141183460469231731687303715884105728");
        Int128Math.writeLittleEndian(value, buffer.memoryAddress());
        Int128 back = new Int128();
        Int128Math.readLittleEndian(buffer.memoryAddress(), back);
        assertThat(back).isEqualTo(value);
        assertThat(buffer.getByte(15)).isEqualTo((byte) 0x80);
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void hashIsConsistentWithEquality() {
    assertThat(Int128Math.hash(of("12345"))).isEqualTo(Int128Math.hash(Int128.of(12345)));
    assertThat(Int128Math.hash(of("12345"))).isNotEqualTo(Int128Math.hash(of("12346")));
    assertThat(Int128Math.hash(new Int128(1, 5))).isNotEqualTo(Int128Math.hash(Int128.of(5)));
    java.util.Set<Long> lowBits = new java.util.HashSet<>();
    for (int i = 0; i < 4096; i++) {
      lowBits.add(Int128Math.hash(Int128.of(i * 1000L)) & 1023);
    }
    assertThat(lowBits).hasSizeGreaterThan(900);
  }

  @Test
  void wideSumsInParallelArrays() {
    long[] high = new long[3];
    long[] low = new long[3];
    BigInteger[] expected = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    for (int i = 0; i < 100_000; i++) {
      int index = random.nextInt(3);
      long value = random.nextInt(4) == 0 ? (random.nextBoolean() ? Long.MAX_VALUE
          : Long.MIN_VALUE) : random.nextLong();
      Int128Math.addLongToArrays(high, low, index, value);
      expected[index] = expected[index].add(BigInteger.valueOf(value));
    }
    for (int index = 0; index < 3; index++) {
      assertThat(big(new Int128(high[index], low[index]))).isEqualTo(expected[index]);
    }
    long[] wideHigh = new long[1];
    long[] wideLow = new long[1];
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < 10_000; i++) {
      BigInteger value = randomValue().shiftRight(10);
      Int128 holder = of(value);
      Int128Math.addToArrays(wideHigh, wideLow, 0, holder.high, holder.low);
      total = total.add(value);
    }
    assertThat(big(new Int128(wideHigh[0], wideLow[0]))).isEqualTo(total);
  }
}
