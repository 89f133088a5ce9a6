package io.quiver.engine.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class IntegerKeysTest extends AllocatorTestBase {
  private static Field field(ArrowType type) {
    return new Field("k", FieldType.nullable(type), null);
  }

  @Test
  void appliesToOneSignedIntegerOrDateKeyWhoseNullsNeverMatch() {
    Field bigint = field(new ArrowType.Int(64, true));
    Field smallint = field(new ArrowType.Int(16, true));
    Field date = field(new ArrowType.Date(DateUnit.DAY));
    boolean[] nullsNeverMatch = {false};
    assertThat(IntegerKeys.applies(List.of(bigint), List.of(smallint), nullsNeverMatch)).isTrue();
    assertThat(IntegerKeys.applies(List.of(date), List.of(date), nullsNeverMatch)).isTrue();
    assertThat(IntegerKeys.applies(List.of(bigint), List.of(bigint), new boolean[] {true}))
        .as("IS NOT DISTINCT FROM").isFalse();
    assertThat(IntegerKeys.applies(List.of(field(new ArrowType.Int(32, false))),
        List.of(bigint), nullsNeverMatch)).as("unsigned").isFalse();
    assertThat(IntegerKeys.applies(List.of(field(new ArrowType.Decimal(10, 0, 128))),
        List.of(bigint), nullsNeverMatch)).as("decimal").isFalse();
    assertThat(IntegerKeys.applies(List.of(field(new ArrowType.Date(DateUnit.MILLISECOND))),
        List.of(date), nullsNeverMatch)).as("date in milliseconds").isFalse();
    assertThat(IntegerKeys.applies(List.of(bigint, bigint), List.of(bigint, bigint),
        new boolean[] {false, false})).as("two keys").isFalse();
  }

  @Test
  void loadsValuesOfEveryWidthSignExtendedWithTheirNulls() {
    try (SmallIntVector small = new SmallIntVector("s", allocator);
        BigIntVector big = new BigIntVector("b", allocator)) {
      small.allocateNew(3);
      small.set(0, -2);
      small.setNull(1);
      small.set(2, Short.MAX_VALUE);
      small.setValueCount(3);
      big.allocateNew(2);
      big.set(0, -2);
      big.set(1, Long.MIN_VALUE);
      big.setValueCount(2);
      IntegerKeys keys = new IntegerKeys();
      keys.load(small, 3);
      assertThat(keys.value(0)).isEqualTo(-2L);
      assertThat(keys.isNull(0)).isFalse();
      assertThat(keys.isNull(1)).isTrue();
      assertThat(keys.value(2)).isEqualTo(Short.MAX_VALUE);
      IntegerKeys other = new IntegerKeys();
      other.load(big, 2);
      assertThat(other.value(0)).isEqualTo(keys.value(0));
      assertThat(IntegerKeys.hash(other.value(0))).isEqualTo(IntegerKeys.hash(keys.value(0)));
      assertThat(other.value(1)).isEqualTo(Long.MIN_VALUE);
      assertThat(other.isNull(1)).isFalse();
    }
  }

  @Test
  void refusesAVectorThatIsNotAnInteger() {
    try (VarCharVector text = new VarCharVector("t", allocator)) {
      text.allocateNew();
      text.setValueCount(0);
      assertThatThrownBy(() -> new IntegerKeys().load(text, 0))
          .isInstanceOfSatisfying(QuiverException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL))
          .hasMessageContaining("not an integer column");
    }
  }
}
