package io.quiver.engine.expr.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.udf.error.ErrorKind;
import org.junit.jupiter.api.Test;

class RuntimeErrorsTest {

  @Test
  void integerTypeNames() {
    assertThat(RuntimeErrors.integerTypeName(8)).isEqualTo("tinyint");
    assertThat(RuntimeErrors.integerTypeName(16)).isEqualTo("smallint");
    assertThat(RuntimeErrors.integerTypeName(32)).isEqualTo("integer");
    assertThat(RuntimeErrors.integerTypeName(64)).isEqualTo("bigint");
  }

  @Test
  void kindsAndMessages() {
    assertThat(RuntimeErrors.outOfRange(16).kind()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(RuntimeErrors.outOfRange(16)).hasMessage("smallint out of range");
    assertThat(RuntimeErrors.outOfRange("INTEGER")).hasMessage("integer out of range");
    assertThat(RuntimeErrors.divisionByZero()).hasMessage("division by zero");
    assertThat(RuntimeErrors.decimalOverflow(15, 2))
        .hasMessage("decimal overflow: value does not fit DECIMAL(15,2)");
    assertThat(RuntimeErrors.decimalOverflow(15))
        .hasMessage("decimal overflow: value does not fit DECIMAL(15)");
    assertThat(RuntimeErrors.decimalOverflow()).hasMessage("decimal overflow");
    assertThat(RuntimeErrors.badCast("abc", "INTEGER").kind()).isEqualTo(ErrorKind.DATA);
    assertThat(RuntimeErrors.badCast("abc", "INTEGER")).hasMessage("cannot cast 'abc' to INTEGER");
    assertThat(RuntimeErrors.execution("x").kind()).isEqualTo(ErrorKind.EXECUTION);
  }
}
