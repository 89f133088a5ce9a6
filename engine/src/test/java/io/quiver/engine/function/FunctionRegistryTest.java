package io.quiver.engine.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.RowFunctions;
import io.quiver.udf.function.ScalarFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry-first resolution, register/replace/deregister and programmatic calls. */
class FunctionRegistryTest {
  private QuiverSession session;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    session = QuiverSession.open();
    allocator = session.allocator().newChildAllocator("test", 0, Long.MAX_VALUE);
  }

  @AfterEach
  void close() {
    allocator.close();
    assertThat(session.allocator().getAllocatedMemory()).isZero();
    session.close();
  }

  private Object scalar(String sql) {
    try (QueryResult result = session.sql(sql)) {
      return result.toRows().get(0).get(0);
    }
  }

  private static ScalarFunction taggedUpper(String tag) {
    return RowFunctions.of("Upper", Signature.of(Types.VARCHAR, Types.VARCHAR),
        args -> tag + ":" + args[0]);
  }

  private VarCharVector strings(String... values) {
    VarCharVector vector = new VarCharVector("s", allocator);
    vector.allocateNew();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  private String upperViaCall(String value) {
    FunctionCall call = session.functions().call("UPPER", List.of(Types.VARCHAR));
    try (VarCharVector input = strings(value);
         FieldVector result = call.invoke(allocator, input)) {
      return result.getObject(0).toString();
    }
  }

  @Test
  void sessionFunctionShadowsTheBuiltinAndDeregisteringBringsItBack() {
    assertThat(scalar("SELECT upper('ab')")).isEqualTo("AB");
    assertThat(session.functions().call("upper", List.of(Types.VARCHAR)).source())
        .isEqualTo(FunctionSource.BUILTIN);
    assertThat(upperViaCall("ab")).isEqualTo("AB");

    session.functions().register(taggedUpper("session"));
    assertThat(scalar("SELECT upper('ab')")).isEqualTo("session:ab");
    assertThat(session.functions().call("upper", List.of(Types.VARCHAR)).source())
        .isEqualTo(FunctionSource.SESSION);
    assertThat(upperViaCall("ab")).isEqualTo("session:ab");

    List<FunctionDefinition> removed = session.functions().deregister("UPPER");
    assertThat(removed).hasSize(1);
    assertThat(scalar("SELECT upper('ab')")).isEqualTo("AB");
    assertThat(upperViaCall("ab")).isEqualTo("AB");
  }

  @Test
  void sessionThenPluginsInLoadOrderThenBuiltins() {
    session.functions().putPlugin("first", List.of(taggedUpper("first")));
    session.functions().putPlugin("second", List.of(taggedUpper("second")));
    assertThat(scalar("SELECT upper('x')")).isEqualTo("first:x");
    session.functions().register(taggedUpper("session"));
    assertThat(scalar("SELECT upper('x')")).isEqualTo("session:x");
    session.functions().deregister("upper");
    session.functions().removePlugin("first");
    assertThat(scalar("SELECT upper('x')")).isEqualTo("second:x");
    assertThat(session.functions().call("upper", List.of(Types.VARCHAR)).source())
        .isEqualTo(FunctionSource.plugin("second"));
    session.functions().removePlugin("second");
    assertThat(scalar("SELECT upper('x')")).isEqualTo("X");
  }

  @Test
  void registerRefusesADuplicateReplaceReturnsThePreviousOne() {
    ScalarFunction first = taggedUpper("one");
    session.functions().register(first);
    QuiverException duplicate = catchThrowableOfType(
        () -> session.functions().register(taggedUpper("two")), QuiverException.class);
    assertThat(duplicate.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(duplicate.getMessage()).contains("already registered").contains("replace()");
    Optional<FunctionDefinition> replaced = session.functions().replace(taggedUpper("two"));
    assertThat(replaced).containsSame(first);
    assertThat(scalar("SELECT upper('x')")).isEqualTo("two:x");
    assertThat(session.functions().replace(RowFunctions.ofLong("fresh", x -> x))).isEmpty();
  }

  @Test
  void changesTakeEffectFromTheNextStatement() {
    FunctionSnapshot before = session.functions().snapshot();
    session.functions().register(RowFunctions.ofLong("later", x -> x));
    assertThat(before.contains("later", null)).isFalse();
    assertThat(session.functions().snapshot().contains("LATER", null)).isTrue();
  }

  @Test
  void namesMustBePlainIdentifiers() {
    QuiverException error = catchThrowableOfType(() -> session.functions().register(
        RowFunctions.ofLong("bad name", x -> x)), QuiverException.class);
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("'bad name'");
  }

  @Test
  void programmaticCallWidensNumericArgumentsLikeSql() {
    FunctionCall power = session.functions().call("power", List.of(Types.BIGINT, Types.BIGINT));
    try (BigIntVector base = new BigIntVector("b", allocator);
         BigIntVector exponent = new BigIntVector("e", allocator)) {
      base.allocateNew(2);
      exponent.allocateNew(2);
      base.set(0, 2);
      base.setNull(1);
      exponent.set(0, 10);
      exponent.set(1, 3);
      base.setValueCount(2);
      exponent.setValueCount(2);
      try (FieldVector result = power.invoke(allocator, base, exponent)) {
        assertThat(result).isInstanceOf(Float8Vector.class);
        assertThat(result.getObject(0)).isEqualTo(1024.0);
        assertThat(result.isNull(1)).isTrue();
      }
    }
  }

  @Test
  void programmaticCallWithNoMatchListsCandidates() {
    QuiverException error = catchThrowableOfType(
        () -> session.functions().call("upper", List.of(Types.BIGINT)), QuiverException.class);
    assertThat(error.kind()).isEqualTo(ErrorKind.PLAN);
    assertThat(error.getMessage()).contains("upper(BIGINT)")
        .contains("upper(VARCHAR) -> VARCHAR [builtin]");
    QuiverException unknown = catchThrowableOfType(
        () -> session.functions().call("no_such", List.of()), QuiverException.class);
    assertThat(unknown.getMessage()).contains("unknown scalar function 'no_such'");
  }
}
