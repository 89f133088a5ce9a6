package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigInteger;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

  private static void assertExecutionError(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(QuiverException.class,
            error -> assertThat(error.kind()).isEqualTo(ErrorKind.EXECUTION))
        .hasMessage(message);
  }

  @Test
  void checkedAddSubtractMultiplyByResultType() {
    assertThat(Arithmetic.addChecked(2, 3, 32)).isEqualTo(5);
    assertThat(Arithmetic.addChecked(126, 1, 8)).isEqualTo(127);
    assertThat(Arithmetic.subtractChecked(-127, 1, 8)).isEqualTo(-128);
    assertThat(Arithmetic.multiplyChecked(-16384, 2, 16)).isEqualTo(-32768);
    assertThat(Arithmetic.addChecked(Long.MAX_VALUE, Long.MIN_VALUE, 64)).isEqualTo(-1);
    assertExecutionError(() -> Arithmetic.addChecked(127, 1, 8), "tinyint out of range");
    assertExecutionError(() -> Arithmetic.subtractChecked(-128, 1, 8), "tinyint out of range");
    assertExecutionError(() -> Arithmetic.addChecked(32767, 1, 16), "smallint out of range");
    assertExecutionError(() -> Arithmetic.multiplyChecked(-16384, 3, 16), "smallint out of range");
    assertExecutionError(() -> Arithmetic.addChecked(Integer.MAX_VALUE, 1, 32),
        "integer out of range");
    assertExecutionError(() -> Arithmetic.subtractChecked(Integer.MIN_VALUE, 1, 32),
        "integer out of range");
    assertExecutionError(() -> Arithmetic.multiplyChecked(65536, 65536, 32),
        "integer out of range");
    assertExecutionError(() -> Arithmetic.addChecked(Long.MAX_VALUE, 1, 64),
        "bigint out of range");
    assertExecutionError(() -> Arithmetic.subtractChecked(Long.MIN_VALUE, 1, 64),
        "bigint out of range");
    assertExecutionError(() -> Arithmetic.subtractChecked(0, Long.MIN_VALUE, 64),
        "bigint out of range");
    assertExecutionError(() -> Arithmetic.multiplyChecked(Long.MIN_VALUE, -1, 64),
        "bigint out of range");
    assertExecutionError(() -> Arithmetic.multiplyChecked(1L << 32, 1L << 31, 64),
        "bigint out of range");
  }

  @Test
  void checkedOperationsAgreeWithBigInteger() {
    Random random = new Random(12);
    int[] widths = {8, 16, 32, 64};
    for (int i = 0; i < 50_000; i++) {
      int bits = widths[random.nextInt(4)];
      long a = random.nextLong() >> (64 - bits + random.nextInt(bits));
      long b = random.nextLong() >> (64 - bits + random.nextInt(bits));
      check(BigInteger.valueOf(a).add(BigInteger.valueOf(b)), bits,
          () -> Arithmetic.addChecked(a, b, bits));
      check(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b)), bits,
          () -> Arithmetic.subtractChecked(a, b, bits));
      check(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), bits,
          () -> Arithmetic.multiplyChecked(a, b, bits));
    }
  }

  private static void check(BigInteger expected, int bits, java.util.function.LongSupplier call) {
    BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (expected.compareTo(min) >= 0 && expected.compareTo(max) <= 0) {
      assertThat(call.getAsLong()).isEqualTo(expected.longValueExact());
    } else {
      assertThatThrownBy(call::getAsLong).hasMessage(RuntimeErrors.integerTypeName(bits)
          + " out of range");
    }
  }

  @Test
  void negateAndAbs() {
    assertThat(Arithmetic.negateChecked(5, 32)).isEqualTo(-5);
    assertThat(Arithmetic.negateChecked(-127, 8)).isEqualTo(127);
    assertThat(Arithmetic.absChecked(-5, 32)).isEqualTo(5);
    assertThat(Arithmetic.absChecked(Long.MAX_VALUE, 64)).isEqualTo(Long.MAX_VALUE);
    assertExecutionError(() -> Arithmetic.negateChecked(-128, 8), "tinyint out of range");
    assertExecutionError(() -> Arithmetic.negateChecked(Integer.MIN_VALUE, 32),
        "integer out of range");
    assertExecutionError(() -> Arithmetic.negateChecked(Long.MIN_VALUE, 64),
        "bigint out of range");
    assertExecutionError(() -> Arithmetic.absChecked(-128, 8), "tinyint out of range");
    assertExecutionError(() -> Arithmetic.absChecked(Long.MIN_VALUE, 64), "bigint out of range");
  }

  @Test
  void integerDivisionTruncatesTowardZero() {
    assertThat(Arithmetic.divideChecked(7, 2, 32)).isEqualTo(3);
    assertThat(Arithmetic.divideChecked(-7, 2, 32)).isEqualTo(-3);
    assertThat(Arithmetic.divideChecked(7, -2, 32)).isEqualTo(-3);
    assertThat(Arithmetic.divideChecked(Long.MIN_VALUE, 1, 64)).isEqualTo(Long.MIN_VALUE);
    assertThat(Arithmetic.divideChecked(-127, -1, 8)).isEqualTo(127);
    assertExecutionError(() -> Arithmetic.divideChecked(1, 0, 32), "division by zero");
    assertExecutionError(() -> Arithmetic.divideChecked(0, 0, 64), "division by zero");
    assertExecutionError(() -> Arithmetic.divideChecked(-128, -1, 8), "tinyint out of range");
    assertExecutionError(() -> Arithmetic.divideChecked(Integer.MIN_VALUE, -1, 32),
        "integer out of range");
    assertExecutionError(() -> Arithmetic.divideChecked(Long.MIN_VALUE, -1, 64),
        "bigint out of range");
  }

  @Test
  void moduloTakesTheSignOfTheDividend() {
    assertThat(Arithmetic.moduloChecked(5, -3)).isEqualTo(2);
    assertThat(Arithmetic.moduloChecked(-5, 3)).isEqualTo(-2);
    assertThat(Arithmetic.moduloChecked(-6, 3)).isZero();
    assertThat(Arithmetic.moduloChecked(Long.MIN_VALUE, -1)).isZero();
    assertThat(Arithmetic.moduloChecked(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-1);
    assertExecutionError(() -> Arithmetic.moduloChecked(1, 0), "division by zero");
  }

  @Test
  void doubleDivisionAndModulo() {
    assertThat(Arithmetic.divideDouble(1, 4)).isEqualTo(0.25);
    assertThat(Arithmetic.divideDouble(-1, 0.5)).isEqualTo(-2);
    assertThat(Arithmetic.divideDouble(Double.NaN, 2)).isNaN();
    assertThat(Arithmetic.moduloDouble(5.5, -2)).isEqualTo(1.5);
    assertThat(Arithmetic.moduloDouble(-5.5, 2)).isEqualTo(-1.5);
    assertExecutionError(() -> Arithmetic.divideDouble(1, 0), "division by zero");
    assertExecutionError(() -> Arithmetic.divideDouble(1, -0.0), "division by zero");
    assertExecutionError(() -> Arithmetic.moduloDouble(1, 0), "division by zero");
  }

  @Test
  void roundDecimalKeepsTheScale() {
    assertThat(Arithmetic.roundDecimal(125, 2, 1)).isEqualTo(130); // 1.25 -> 1.30
    assertThat(Arithmetic.roundDecimal(-125, 2, 1)).isEqualTo(-130);
    assertThat(Arithmetic.roundDecimal(124, 2, 1)).isEqualTo(120);
    assertThat(Arithmetic.roundDecimal(125, 2, 2)).isEqualTo(125);
    assertThat(Arithmetic.roundDecimal(125, 2, 5)).isEqualTo(125);
    assertThat(Arithmetic.roundDecimal(125, 2, 0)).isEqualTo(100);
    assertThat(Arithmetic.roundDecimal(150, 2, 0)).isEqualTo(200);
    assertThat(Arithmetic.roundDecimal(125, 0, -1)).isEqualTo(130); // 125 -> 130
    assertThat(Arithmetic.roundDecimal(-155, 0, -1)).isEqualTo(-160);
    assertThat(Arithmetic.roundDecimal(12345, 2, -2)).isEqualTo(10000); // 123.45 -> 100.00
    assertThat(Arithmetic.roundDecimal(999, 0, -5)).isZero();
    assertThat(Arithmetic.roundDecimal(Long.MAX_VALUE, 0, -30)).isZero();
    assertThat(Arithmetic.roundDecimal(Long.MAX_VALUE, 0, -18))
        .isEqualTo(9_000_000_000_000_000_000L);
    assertExecutionError(() -> Arithmetic.roundDecimal(Long.MAX_VALUE, 0, -1),
        "decimal overflow");
    assertExecutionError(() -> Arithmetic.roundDecimal(Long.MAX_VALUE, 0, -19),
        "decimal overflow");
  }

  @Test
  void roundDoubleHalfAwayFromZero() {
    assertThat(Arithmetic.roundDouble(2.5, 0)).isEqualTo(3.0);
    assertThat(Arithmetic.roundDouble(-2.5, 0)).isEqualTo(-3.0);
    assertThat(Arithmetic.roundDouble(0.49999999999999994, 0)).isEqualTo(0.0);
    assertThat(Arithmetic.roundDouble(2.675, 2)).isEqualTo(2.68);
    assertThat(Arithmetic.roundDouble(1.2345, 3)).isEqualTo(1.235);
    assertThat(Arithmetic.roundDouble(15.5, -1)).isEqualTo(20.0);
    assertThat(Arithmetic.roundDouble(-15.5, -1)).isEqualTo(-20.0);
    assertThat(Arithmetic.roundDouble(1e300, 5)).isEqualTo(1e300);
    assertThat(Arithmetic.roundDouble(123.0, -30)).isEqualTo(0.0);
    assertThat(Arithmetic.roundDouble(Double.NaN, 2)).isNaN();
    assertThat(Arithmetic.roundDouble(Double.POSITIVE_INFINITY, 2)).isInfinite();
    assertThat(Arithmetic.roundDouble(0.1 + 0.2, 10)).isEqualTo(0.3);
  }

  @Test
  void floorAndCeilOfDecimals() {
    assertThat(Arithmetic.floorDecimal(125, 2)).isEqualTo(1);
    assertThat(Arithmetic.floorDecimal(-125, 2)).isEqualTo(-2);
    assertThat(Arithmetic.floorDecimal(-100, 2)).isEqualTo(-1);
    assertThat(Arithmetic.floorDecimal(7, 0)).isEqualTo(7);
    assertThat(Arithmetic.ceilDecimal(125, 2)).isEqualTo(2);
    assertThat(Arithmetic.ceilDecimal(-125, 2)).isEqualTo(-1);
    assertThat(Arithmetic.ceilDecimal(100, 2)).isEqualTo(1);
    assertThat(Arithmetic.ceilDecimal(Long.MIN_VALUE, 18)).isEqualTo(-9);
    assertThat(Arithmetic.floorDecimal(Long.MIN_VALUE, 18)).isEqualTo(-10);
  }

  @Test
  void powerFollowsPostgresAndSqrtRejectsNegatives() {
    assertThat(Arithmetic.power(2, 10)).isEqualTo(1024);
    assertThat(Arithmetic.power(-2, 3)).isEqualTo(-8);
    assertThatThrownBy(() -> Arithmetic.power(0, -1)).hasMessageContaining("zero raised");
    assertThatThrownBy(() -> Arithmetic.power(-8, 1.0 / 3)).hasMessageContaining("complex");
    assertThat(Arithmetic.sqrt(16)).isEqualTo(4);
    assertThat(Arithmetic.sqrt(-0.0)).isEqualTo(-0.0);
    assertExecutionError(() -> Arithmetic.sqrt(-1), "cannot take square root of a negative number");
  }

  @Test
  void decimalAddAndMultiplyCheckThePrecision() {
    assertThat(Arithmetic.decimalAddChecked(99_998, 1, 5)).isEqualTo(99_999);
    assertThat(Arithmetic.decimalAddChecked(-99_998, -1, 5)).isEqualTo(-99_999);
    assertExecutionError(() -> Arithmetic.decimalAddChecked(99_999, 1, 5),
        "decimal overflow: value does not fit DECIMAL(5)");
    assertExecutionError(() -> Arithmetic.decimalAddChecked(99_999, 1, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertExecutionError(() -> Arithmetic.decimalAddChecked(Long.MAX_VALUE, 1, 18),
        "decimal overflow: value does not fit DECIMAL(18)");
    assertThat(Arithmetic.decimalSubtractChecked(-99_998, 1, 5, 2)).isEqualTo(-99_999);
    assertExecutionError(() -> Arithmetic.decimalSubtractChecked(-99_999, 1, 5, 2),
        "decimal overflow: value does not fit DECIMAL(5,2)");
    assertThat(Arithmetic.decimalMultiplyChecked(150, 150, 5)).isEqualTo(22_500);
    assertExecutionError(() -> Arithmetic.decimalMultiplyChecked(1000, 100, 5),
        "decimal overflow: value does not fit DECIMAL(5)");
    assertExecutionError(() -> Arithmetic.decimalMultiplyChecked(1L << 40, 1L << 40, 18, 4),
        "decimal overflow: value does not fit DECIMAL(18,4)");
    assertThat(Arithmetic.checkDecimalPrecision(-999, 3, 1)).isEqualTo(-999);
    assertExecutionError(() -> Arithmetic.checkDecimalPrecision(1000, 3, 1),
        "decimal overflow: value does not fit DECIMAL(3,1)");
  }

  @Test
  void decimalDivisionRoundsHalfAwayFromZero() {
    assertThat(Arithmetic.decimalDivideChecked(100, 2, 300, 2, 6, 18)).isEqualTo(333_333);
    assertThat(Arithmetic.decimalDivideChecked(200, 2, 300, 2, 6, 18)).isEqualTo(666_667);
    assertThat(Arithmetic.decimalDivideChecked(-200, 2, 300, 2, 6, 18)).isEqualTo(-666_667);
    assertThat(Arithmetic.decimalDivideChecked(200, 2, -300, 2, 6, 18)).isEqualTo(-666_667);
    assertThat(Arithmetic.decimalDivideChecked(1, 0, -8, 0, 2, 18)).isEqualTo(-13);
    assertThat(Arithmetic.decimalDivideChecked(10, 0, 4, 1, 1, 18)).isEqualTo(250);
    assertThat(Arithmetic.decimalDivideChecked(1, 5, 1, 0, 2, 18)).isZero();
    assertThat(Arithmetic.decimalDivideChecked(Long.MAX_VALUE, 0, 30, 1, 0, 19))
        .isEqualTo(Long.MAX_VALUE / 3); // the scaled dividend needs the 128-bit path
    assertExecutionError(() -> Arithmetic.decimalDivideChecked(1, 0, 0, 2, 2, 18),
        "division by zero");
    assertExecutionError(() -> Arithmetic.decimalDivideChecked(99_999, 0, 1, 1, 0, 5),
        "decimal overflow: value does not fit DECIMAL(5,0)");
    Random random = new Random(31);
    for (int i = 0; i < 20_000; i++) {
      long a = random.nextLong() >> random.nextInt(64);
      long b = random.nextLong() >> random.nextInt(64);
      if (b == 0) {
        continue;
      }
      int aScale = random.nextInt(6);
      int bScale = random.nextInt(6);
      int outScale = random.nextInt(8);
      java.math.BigDecimal expected = new java.math.BigDecimal(BigInteger.valueOf(a), aScale)
          .divide(new java.math.BigDecimal(BigInteger.valueOf(b), bScale), outScale,
              java.math.RoundingMode.HALF_UP);
      BigInteger unscaled = expected.unscaledValue();
      if (unscaled.abs().compareTo(BigInteger.TEN.pow(18)) < 0) {
        assertThat(Arithmetic.decimalDivideChecked(a, aScale, b, bScale, outScale, 18))
            .as("%s/%s", a, b).isEqualTo(unscaled.longValueExact());
      } else {
        assertThatThrownBy(() -> Arithmetic.decimalDivideChecked(a, aScale, b, bScale, outScale,
            18)).hasMessageStartingWith("decimal overflow");
      }
    }
  }
}
