package io.quiver.engine.function.builtin;

import static io.quiver.udf.function.ArgumentType.exact;
import static io.quiver.udf.function.ArgumentType.family;

import io.quiver.udf.function.FunctionDefinition;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TypeFamily;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** The built-in scalar functions that the code generator compiles inline. */
final class BuiltinScalarFunctions {
  private BuiltinScalarFunctions() {}

  static List<FunctionDefinition> all() {
    List<FunctionDefinition> functions = new ArrayList<>();
    ArrowType text = Types.VARCHAR;
    add(functions, "upper", SqlStdOperatorTable.UPPER, Signature.of(text, text),
        "the string in upper case");
    add(functions, "lower", SqlStdOperatorTable.LOWER, Signature.of(text, text),
        "the string in lower case");
    for (String name : List.of("char_length", "character_length")) {
      add(functions, name, SqlStdOperatorTable.CHAR_LENGTH, Signature.of(Types.INTEGER, text),
          "number of characters");
    }
    add(functions, "length", SqlLibraryOperators.LENGTH, Signature.of(Types.INTEGER, text),
        "number of characters");
    add(functions, "substring", SqlStdOperatorTable.SUBSTRING,
        Signature.of(text, text, Types.INTEGER), "characters from a 1-based position");
    add(functions, "substring", SqlStdOperatorTable.SUBSTRING,
        Signature.of(text, text, Types.INTEGER, Types.INTEGER),
        "characters from a 1-based position, at most a length");
    add(functions, "strpos", SqlLibraryOperators.STRPOS,
        Signature.of(Types.INTEGER, text, text), "1-based position of a substring, 0 if absent");
    add(functions, "starts_with", SqlLibraryOperators.STARTS_WITH,
        Signature.of(Types.BOOLEAN, text, text), "whether the string starts with a prefix");
    add(functions, "ends_with", SqlLibraryOperators.ENDS_WITH,
        Signature.of(Types.BOOLEAN, text, text), "whether the string ends with a suffix");
    add(functions, "replace", SqlStdOperatorTable.REPLACE, Signature.of(text, text, text, text),
        "every occurrence of a substring replaced");
    add(functions, "abs", SqlStdOperatorTable.ABS,
        Signature.of(ReturnType.sameAsArgument(0), family(TypeFamily.NUMERIC)),
        "absolute value");
    add(functions, "power", SqlStdOperatorTable.POWER,
        Signature.of(Types.DOUBLE, Types.DOUBLE, Types.DOUBLE), "x raised to the power y");
    add(functions, "sqrt", SqlStdOperatorTable.SQRT, Signature.of(Types.DOUBLE, Types.DOUBLE),
        "square root");
    for (ArrowType type : List.of(Types.BIGINT, Types.DOUBLE)) {
      add(functions, "floor", SqlStdOperatorTable.FLOOR, Signature.of(type, type),
          "largest integer not above x");
      add(functions, "ceil", SqlStdOperatorTable.CEIL, Signature.of(type, type),
          "smallest integer not below x");
    }
    add(functions, "round", SqlStdOperatorTable.ROUND,
        Signature.of(ReturnType.sameAsArgument(0), exact(Types.DOUBLE)), "x rounded half away"
            + " from zero");
    add(functions, "mod", SqlStdOperatorTable.MOD,
        Signature.of(Types.BIGINT, Types.BIGINT, Types.BIGINT), "remainder of x / y");
    return functions;
  }

  private static void add(List<FunctionDefinition> functions, String name, SqlOperator operator,
      Signature signature, String description) {
    functions.add(new CompiledBuiltin(name, operator, signature, description));
  }
}
