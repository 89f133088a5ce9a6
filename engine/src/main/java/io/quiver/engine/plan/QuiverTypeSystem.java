package io.quiver.engine.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Quiver's SQL type rules, where they differ from Calcite's defaults. Quiver follows PostgreSQL
 * and DuckDB (see engine/README.md, "SQL semantics"):
 * <ul>
 *   <li>DECIMAL precision up to 38 (Calcite's default is 19).</li>
 *   <li>SUM of TINYINT..BIGINT is BIGINT (overflow is an error), SUM of DECIMAL(p,s) is
 *       DECIMAL(38,s), SUM of REAL/DOUBLE is DOUBLE (Calcite keeps the argument type).</li>
 *   <li>AVG of any numeric type is DOUBLE, as in DuckDB (Calcite keeps the argument type, so
 *       AVG of an INTEGER column would truncate).</li>
 *   <li>Mixed-length string literals in CASE and UNION become VARCHAR, never padded CHAR.</li>
 * </ul>
 */
public final class QuiverTypeSystem extends RelDataTypeSystemImpl {
  public static final QuiverTypeSystem INSTANCE = new QuiverTypeSystem();
  public static final int MAX_PRECISION = 38;

  private QuiverTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return MAX_PRECISION;
    }
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 6;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return MAX_PRECISION;
    }
    return super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 6;
    }
    if (typeName == SqlTypeName.DECIMAL) {
      return 18;
    }
    return super.getDefaultPrecision(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType result;
    switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          result = typeFactory.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> result = typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_PRECISION,
          argumentType.getScale());
      case REAL, FLOAT, DOUBLE -> result = typeFactory.createSqlType(SqlTypeName.DOUBLE);
      default -> {
        return super.deriveSumType(typeFactory, argumentType);
      }
    }
    return typeFactory.createTypeWithNullability(result, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeName.NUMERIC_TYPES.contains(argumentType.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  /**
   * A division with a DECIMAL operand is DOUBLE, as in DuckDB (PostgreSQL returns NUMERIC with
   * a data-dependent scale, which a fixed SQL type cannot express; Calcite's fixed scale of 6
   * loses digits: 2 / 3.0 would be 0.666667).
   */
  @Override
  public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType left,
      RelDataType right) {
    boolean decimal = left.getSqlTypeName() == SqlTypeName.DECIMAL
        || right.getSqlTypeName() == SqlTypeName.DECIMAL;
    if (decimal && SqlTypeName.EXACT_TYPES.contains(left.getSqlTypeName())
        && SqlTypeName.EXACT_TYPES.contains(right.getSqlTypeName())) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), left.isNullable() || right.isNullable());
    }
    return super.deriveDecimalDivideType(typeFactory, left, right);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
