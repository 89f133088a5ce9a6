package io.quiver.udf.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Java values into Arrow vectors and back: exact conversions, DATA errors otherwise. */
class JavaValueWriterTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private Object roundTrip(FieldVector vector, Object value) {
    JavaValueWriter.write(vector, 0, value);
    vector.setValueCount(1);
    return ArrowValues.toJava(vector, 0);
  }

  private QuiverException failure(FieldVector vector, Object value) {
    return catchThrowableOfType(() -> JavaValueWriter.write(vector, 0, value),
        QuiverException.class);
  }

  @Test
  void integersOfAnyBoxedWidthAndExactDecimalsFitIntegerColumns() {
    try (BigIntVector big = new BigIntVector("b", allocator);
         IntVector integer = new IntVector("i", allocator);
         TinyIntVector tiny = new TinyIntVector("t", allocator)) {
      assertThat(roundTrip(big, 7)).isEqualTo(7L);
      assertThat(roundTrip(big, Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
      assertThat(roundTrip(integer, (short) -3)).isEqualTo(-3);
      assertThat(roundTrip(integer, new BigDecimal("12.000"))).isEqualTo(12);
      assertThat(roundTrip(tiny, 127L)).isEqualTo((byte) 127);
      assertThat(roundTrip(big, null)).isNull();
    }
  }

  @Test
  void outOfRangeFractionsAndWrongTypesAreDataErrorsNamingTheColumn() {
    try (TinyIntVector tiny = new TinyIntVector("t", allocator);
         IntVector integer = new IntVector("i", allocator);
         DecimalVector decimal = new DecimalVector("d", allocator, 4, 2);
         DateDayVector date = new DateDayVector("day", allocator)) {
      assertThat(failure(tiny, 128L).getMessage()).contains("does not fit column t");
      assertThat(failure(integer, 1L << 40).kind()).isEqualTo(ErrorKind.DATA);
      assertThat(failure(integer, 1.5).getMessage()).contains("1.5");
      assertThat(failure(integer, "12").getMessage()).contains("(String)");
      assertThat(failure(decimal, new BigDecimal("123.4")).getMessage())
          .contains("DECIMAL(4,2)");
      assertThat(failure(date, "2024-01-01").kind()).isEqualTo(ErrorKind.DATA);
      assertThat(roundTrip(date, LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 29));
    }
  }

  @Test
  void stringsAreUtf8() {
    try (VarCharVector text = new VarCharVector("s", allocator)) {
      assertThat(roundTrip(text, "日本")).isEqualTo("日本");
    }
  }
}
