package io.quiver.engine.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * ROUND(x [, digits]) typed as PostgreSQL and DuckDB show it: ROUND of a DECIMAL(p,s) to a
 * constant number of digits d below s has scale d (ROUND(1.2345, 2) is 1.23, not Calcite's
 * 1.2300). Other arguments keep Calcite's type (the argument's).
 */
final class RoundFunction extends SqlFunction {
  static final RoundFunction INSTANCE = new RoundFunction();

  private RoundFunction() {
    super("ROUND", SqlKind.OTHER_FUNCTION, RoundFunction::returnType, null,
        OperandTypes.NUMERIC.or(OperandTypes.NUMERIC_INTEGER), SqlFunctionCategory.NUMERIC);
  }

  private static RelDataType returnType(SqlOperatorBinding binding) {
    RelDataType argument = binding.getOperandType(0);
    RelDataTypeFactory factory = binding.getTypeFactory();
    if (argument.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return argument;
    }
    int digits = 0;
    if (binding.getOperandCount() > 1) {
      if (!binding.isOperandLiteral(1, false)) {
        return argument;
      }
      Integer value = binding.getOperandLiteralValue(1, Integer.class);
      digits = value == null ? 0 : value;
    }
    int scale = argument.getScale();
    if (digits >= scale) {
      return argument;
    }
    int newScale = Math.max(0, digits);
    int precision = Math.max(1, Math.min(38, argument.getPrecision() - scale + newScale + 1));
    return factory.createTypeWithNullability(
        factory.createSqlType(SqlTypeName.DECIMAL, precision, newScale), argument.isNullable());
  }
}
