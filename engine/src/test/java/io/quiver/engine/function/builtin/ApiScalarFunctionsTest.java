package io.quiver.engine.function.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.function.FunctionCall;
import io.quiver.engine.function.FunctionSource;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.RowFunctions;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.Types;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

/**
 * The built-ins written on the public API are registered like any function: listed by
 * quiver_functions(), reached by SQL calls (even where Calcite has an operator or a keyword of
 * the same name), shadowed by session functions, callable from Java.
 */
class ApiScalarFunctionsTest extends BuiltinSqlTestBase {

  /** One SQL call per function name, over columns so that nothing is folded at plan time. */
  private static final Map<String, String> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put("reverse", "reverse(s)");
    CALLS.put("repeat", "repeat(s, 2)");
    CALLS.put("left", "LEFT(s, 1)");
    CALLS.put("right", "RIGHT(s, 1)");
    CALLS.put("lpad", "lpad(s, 3, 'x')");
    CALLS.put("rpad", "rpad(s, 3, 'x')");
    CALLS.put("ltrim", "ltrim(s, 'x')");
    CALLS.put("rtrim", "rtrim(s)");
    CALLS.put("btrim", "btrim(s)");
    CALLS.put("concat_ws", "concat_ws(',', s, s)");
    CALLS.put("ln", "LN(x)");
    CALLS.put("log10", "log10(x)");
    CALLS.put("exp", "EXP(x)");
    CALLS.put("sign", "SIGN(x)");
    CALLS.put("greatest", "greatest(x, 1)");
    CALLS.put("least", "least(x, 1)");
  }

  @Test
  void everyFunctionIsAListedBuiltinThatTheCodeGeneratorDoesNotClaim() {
    List<FunctionDefinition> functions = ApiScalarFunctions.all();
    assertThat(functions).hasSize(19);
    List<List<Object>> listed = rows("SELECT name, signature, source FROM quiver_functions()");
    for (FunctionDefinition function : functions) {
      assertThat(function).as(function.name()).isNotInstanceOf(PlannerIntrinsic.class);
      assertThat(function.description()).as(function.name()).isNotEmpty();
      assertThat(listed).as(function.name()).contains(List.of(function.name(),
          function.name() + function.signature().toString().replaceAll(" -> .*", ""),
          "builtin"));
      assertThat(CALLS).containsKey(function.name());
    }
  }

  @Test
  void sqlCallsReachTheApiFunctions() {
    execute("CREATE TABLE t AS SELECT * FROM (VALUES ('ab', 2.5), ('c', 4.0)) AS v(s, x)");
    for (Map.Entry<String, String> call : CALLS.entrySet()) {
      String plan = rows("EXPLAIN SELECT " + call.getValue() + " FROM t").toString();
      assertThat(plan).as(call.getValue()).contains("scalar function '" + call.getKey() + "'");
      assertThat(rows("SELECT " + call.getValue() + " FROM t")).as(call.getValue()).hasSize(2);
    }
  }

  @Test
  void aSessionFunctionShadowsABuiltin() {
    assertThat(value("SELECT reverse('abc')")).isEqualTo("cba");
    session.functions().register(RowFunctions.of("reverse",
        Signature.of(Types.VARCHAR, Types.VARCHAR), args -> "mine"));
    assertThat(value("SELECT reverse('abc')")).isEqualTo("mine");
    session.functions().deregister("reverse");
    assertThat(value("SELECT reverse('abc')")).isEqualTo("cba");
  }

  @Test
  void callsFromJavaRunTheSameFunctionsAndErrors() {
    FunctionCall reverse = session.functions().call("reverse", List.of(Types.VARCHAR));
    assertThat(reverse.source()).isEqualTo(FunctionSource.BUILTIN);
    FunctionCall ln = session.functions().call("ln", List.of(Types.BIGINT));
    try (BufferAllocator allocator = new RootAllocator();
        VarCharVector text = new VarCharVector("s", allocator);
        Float8Vector numbers = new Float8Vector("x", allocator)) {
      text.allocateNew();
      text.setSafe(0, "héllo".getBytes(StandardCharsets.UTF_8));
      text.setNull(1);
      text.setValueCount(2);
      try (FieldVector result = reverse.invoke(allocator, text)) {
        assertThat(result.getObject(0).toString()).isEqualTo("olléh");
        assertThat(result.isNull(1)).isTrue();
      }
      numbers.allocateNew(1);
      numbers.set(0, -1.0);
      numbers.setValueCount(1);
      FunctionCall lnOfDouble = session.functions().call("ln", List.of(Types.DOUBLE));
      Throwable thrown = catchThrowable(() -> lnOfDouble.invoke(allocator, numbers).close());
      assertThat(thrown).isInstanceOf(QuiverException.class);
      assertThat(((QuiverException) thrown).kind()).isEqualTo(ErrorKind.DATA);
      assertThat(thrown.getMessage()).contains("negative").contains("in a call from Java");
      assertThat(ln.returnType()).isEqualTo(Types.DOUBLE);
    } // closing the allocator fails if the failed call left a result behind
  }
}
