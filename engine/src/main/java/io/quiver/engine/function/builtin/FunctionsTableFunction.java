package io.quiver.engine.function.builtin;

import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TableSources;
import io.quiver.udf.function.Types;
import io.quiver.udf.function.ReturnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code quiver_functions()}: every function of the session in resolution order (session,
 * plugins in load order, built-ins), with kind, signature, volatility and source.
 */
public final class FunctionsTableFunction extends BuiltinDefinition implements TableFunction {
  private static final Schema SCHEMA = new Schema(List.of(
      text("name"), text("kind"), text("signature"), text("return_type"), text("volatility"),
      text("null_handling"), text("source"), text("description")));

  private final Supplier<FunctionSnapshot> functions;

  public FunctionsTableFunction(Supplier<FunctionSnapshot> functions) {
    super("quiver_functions", Signature.of(ReturnType.TABLE), "the functions of this session");
    this.functions = functions;
  }

  private static Field text(String name) {
    return new Field(name, FieldType.nullable(Types.VARCHAR), null);
  }

  @Override
  public TableSource open(TableArguments arguments) {
    List<List<Object>> rows = new ArrayList<>();
    for (RegisteredFunction function : functions.get().all()) {
      Signature signature = function.definition().signature();
      String text = signature.toString();
      rows.add(List.of(function.name(), lower(function.definition().kind()),
          function.name() + text.substring(0, text.indexOf(" -> ")),
          signature.returnType().toString(), lower(signature.volatility()),
          lower(signature.nullHandling()), function.source().toString(),
          function.definition().description()));
    }
    return TableSources.ofRows(SCHEMA, rows);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
