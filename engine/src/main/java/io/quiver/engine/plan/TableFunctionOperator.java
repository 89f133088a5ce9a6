package io.quiver.engine.plan;

import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.source.TableFunction;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Adapts a {@link TableFunction} to Calcite. One instance lives for one statement: it opens
 * the table once per distinct argument list while validating (the schema is needed then) and
 * hands the same table to the physical planner.
 */
final class TableFunctionOperator extends SqlFunction implements SqlTableFunction {
  private final TableFunction function;
  private final Map<List<Object>, QuiverTable> opened = new HashMap<>();

  TableFunctionOperator(TableFunction function) {
    super(function.name(), SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
        OperandTypes.variadic(SqlOperandCountRanges.between(function.minArguments(),
            function.maxArguments())),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    this.function = function;
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return this::inferRowType;
  }

  private org.apache.calcite.rel.type.RelDataType inferRowType(SqlOperatorBinding binding) {
    List<Object> arguments = new ArrayList<>();
    for (int i = 0; i < binding.getOperandCount(); i++) {
      if (!binding.isOperandLiteral(i, true)) {
        throw new QuiverException(ErrorKind.PLAN,
            "argument " + (i + 1) + " of " + function.name()
                + " must be a constant: the table's schema is needed when planning")
            .withContext(function.signature());
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
    return binding.getOperandLiteralValue(index, BigDecimal.class);
  }

  /** The table for {@code arguments}, opened on first use. */
  QuiverTable table(List<Object> arguments) {
    QuiverTable table = opened.get(arguments);
    if (table == null) {
      try {
        table = function.open(arguments);
      } catch (RuntimeException e) {
        throw QuiverException.wrap(ErrorKind.EXECUTION, function.name() + arguments, e);
      }
      opened.put(arguments, table);
    }
    return table;
  }

  /** The table for a call as it appears in a plan (constant operands). */
  QuiverTable table(RexCall call) {
    List<Object> arguments = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (!(operand instanceof RexLiteral literal)) {
        throw new QuiverException(ErrorKind.PLAN,
            function.name() + " needs constant arguments, got " + operand);
      }
      Object value = literal.getValue();
      if (value instanceof NlsString text) {
        value = text.getValue();
      } else if (value instanceof BigDecimal decimal && SqlTypeName.INT_TYPES.contains(
          literal.getType().getSqlTypeName())) {
        value = decimal.longValueExact();
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
}
