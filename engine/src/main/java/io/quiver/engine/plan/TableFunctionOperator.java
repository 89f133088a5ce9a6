package io.quiver.engine.plan;

import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.catalog.TableSourceTable;
import io.quiver.engine.function.FunctionFailures;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.Types;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * A table function of the registry as a Calcite operator, for one statement. Its arguments
 * must be constants: the call is resolved and the table opened while validating (the schema is
 * needed then), once per distinct argument list, and the same table goes to the physical
 * planner. A string argument past the signature's is the options JSON.
 */
final class TableFunctionOperator extends SqlFunction implements SqlTableFunction {
  private final String name;
  private final FunctionSnapshot snapshot;
  private final Map<String, String> sessionOptions;
  private final Map<List<Object>, QuiverTable> opened = new HashMap<>();

  TableFunctionOperator(String name, FunctionSnapshot snapshot,
      Map<String, String> sessionOptions) {
    super(name.toUpperCase(java.util.Locale.ROOT), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR,
        null, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.name = name;
    this.snapshot = snapshot;
    this.sessionOptions = Map.copyOf(sessionOptions);
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return this::inferRowType;
  }

  private RelDataType inferRowType(SqlOperatorBinding binding) {
    List<Object> arguments = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      if (!binding.isOperandLiteral(i, true)) {
        throw new QuiverException(ErrorKind.PLAN,
            "argument " + (i + 1) + " of " + name
                + " must be a constant: the table's schema is needed when planning");
      }
      arguments.add(literalValue(binding, i));
    }
    return TypeMapping.toRelType(table(arguments).schema(), binding.getTypeFactory());
  }

  private static Object literalValue(SqlOperatorBinding binding, int index) {
    if (binding.isOperandNull(index, true)) {
      return null;
    }
    SqlTypeName type = binding.getOperandType(index).getSqlTypeName();
    if (SqlTypeName.CHAR_TYPES.contains(type)) {
      return binding.getOperandLiteralValue(index, String.class);
    }
    if (type == SqlTypeName.BOOLEAN) {
      return binding.getOperandLiteralValue(index, Boolean.class);
    }
    if (SqlTypeName.INT_TYPES.contains(type)) {
      return binding.getOperandLiteralValue(index, Long.class);
    }
    if (type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT || type == SqlTypeName.REAL) {
      return binding.getOperandLiteralValue(index, Double.class);
    }
    return binding.getOperandLiteralValue(index, BigDecimal.class);
  }

  /** The table for {@code arguments}, opened on first use. */
  QuiverTable table(List<Object> arguments) {
    QuiverTable table = opened.get(arguments);
    if (table == null) {
      table = open(arguments);
      opened.put(arguments, table);
    }
    return table;
  }

  private QuiverTable open(List<Object> arguments) {
    List<ArrowType> types = new ArrayList<>();
    arguments.forEach(value -> types.add(typeOf(value)));
    ResolvedFunction resolved;
    List<Object> values = arguments;
    String options = null;
    try {
      resolved = snapshot.resolve(name, FunctionKind.TABLE, types);
    } catch (QuiverException withAll) {
      Object last = arguments.isEmpty() ? null : arguments.get(arguments.size() - 1);
      if (!(last instanceof String text)) {
        throw withAll;
      }
      try {
        resolved = snapshot.resolve(name, FunctionKind.TABLE, types.subList(0, types.size() - 1));
      } catch (QuiverException withoutOptions) {
        throw withAll;
      }
      values = arguments.subList(0, arguments.size() - 1);
      options = text;
    }
    TableFunction function = (TableFunction) resolved.function().definition();
    String owner = FunctionFailures.describe("table", resolved.function());
    TableArguments call = new Call(values, options, sessionOptions);
    return TableSourceTable.open(name, name + arguments, owner, "open()",
        () -> function.open(call));
  }

  private static ArrowType typeOf(Object value) {
    if (value == null) {
      return ArrowType.Null.INSTANCE;
    }
    if (value instanceof String) {
      return Types.VARCHAR;
    }
    if (value instanceof Long) {
      return Types.BIGINT;
    }
    if (value instanceof Boolean) {
      return Types.BOOLEAN;
    }
    if (value instanceof Double) {
      return Types.DOUBLE;
    }
    BigDecimal decimal = (BigDecimal) value;
    return Types.decimal(Math.max(decimal.precision(), decimal.scale()), decimal.scale());
  }

  /** The table for a call as it appears in a plan (constant operands). */
  QuiverTable table(RexCall call) {
    List<Object> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (!(operand instanceof RexLiteral literal)) {
        throw new QuiverException(ErrorKind.PLAN,
            name + " needs constant arguments, got " + operand);
      }
      Object value = literal.getValue();
      if (value instanceof NlsString text) {
        value = text.getValue();
      } else if (value instanceof BigDecimal decimal && SqlTypeName.INT_TYPES.contains(
          literal.getType().getSqlTypeName())) {
        value = decimal.longValueExact();
      } else if (value instanceof BigDecimal decimal && SqlTypeName.APPROX_TYPES.contains(
          literal.getType().getSqlTypeName())) {
        value = decimal.doubleValue();
      }
      arguments.add(value);
    }
    return table(arguments);
  }

  /** Closes every table this statement opened. */
  void closeTables() {
    for (QuiverTable table : opened.values()) {
      table.close();
    }
    opened.clear();
  }

  private record Call(List<Object> values, String options, Map<String, String> sessionOptions)
      implements TableArguments {
    Call {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }
}
