package io.quiver.engine.plan.function;

import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.ResolvedFunction;
import io.quiver.engine.plan.TypeMapping;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionKind;
import io.quiver.udf.function.NullHandling;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Types a call of a registry function for Calcite: operand checking, NULL-literal operand
 * inference and return type all go through {@link FunctionSnapshot#resolve}, so SQL and the
 * programmatic call builder resolve the same way. One instance per (name, kind) per statement.
 */
final class RegistryCallTyping implements SqlOperandTypeChecker, SqlOperandTypeInference,
    SqlReturnTypeInference {
  private final String name;
  private final FunctionKind kind;
  private final FunctionSnapshot snapshot;

  RegistryCallTyping(String name, FunctionKind kind, FunctionSnapshot snapshot) {
    this.name = name;
    this.kind = kind;
    this.snapshot = snapshot;
  }

  FunctionSnapshot snapshot() {
    return snapshot;
  }

  /** Resolves a call with these SQL argument types. */
  ResolvedFunction resolve(List<RelDataType> operandTypes) {
    return snapshot.resolve(name, kind, arrowTypes(operandTypes));
  }

  static List<ArrowType> arrowTypes(List<RelDataType> types) {
    List<ArrowType> result = new ArrayList<>(types.size());
    for (RelDataType type : types) {
      result.add(arrowType(type));
    }
    return result;
  }

  private static ArrowType arrowType(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.NULL || type.getSqlTypeName() == SqlTypeName.UNKNOWN) {
      return ArrowType.Null.INSTANCE;
    }
    try {
      return TypeMapping.toArrowType(type);
    } catch (QuiverException e) {
      // A type the function API cannot express: no overload accepts it.
      return new ArrowType.Struct();
    }
  }

  /** The SQL type of an Arrow type, with the given nullability. */
  static RelDataType relType(ArrowType type, boolean nullable, RelDataTypeFactory factory) {
    return TypeMapping.toRelType(type, nullable, factory);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    try {
      resolve(binding.collectOperandTypes());
      return true;
    } catch (QuiverException e) {
      if (throwOnFailure) {
        throw e;
      }
      return false;
    }
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (RegisteredFunction function : snapshot.candidates(name, kind)) {
      int declared = function.definition().signature().arguments().size();
      min = Math.min(min, declared);
      max = function.definition().signature().variadic() ? -1 : max < 0 ? max
          : Math.max(max, declared);
    }
    if (min == Integer.MAX_VALUE) {
      return SqlOperandCountRanges.any();
    }
    return max < 0 ? SqlOperandCountRanges.from(min) : SqlOperandCountRanges.between(min, max);
  }

  @Override
  public String getAllowedSignatures(SqlOperator op, String opName) {
    StringBuilder text = new StringBuilder();
    for (RegisteredFunction function : snapshot.candidates(name, kind)) {
      text.append(text.length() > 0 ? "\n" : "").append(function.describe());
    }
    return text.toString();
  }

  @Override
  public void inferOperandTypes(SqlCallBinding binding, RelDataType returnType,
      RelDataType[] operandTypes) {
    List<RelDataType> actual = binding.collectOperandTypes();
    ResolvedFunction resolved;
    try {
      resolved = resolve(actual);
    } catch (QuiverException e) {
      return;
    }
    RelDataTypeFactory factory = binding.getTypeFactory();
    for (int i = 0; i < operandTypes.length && i < resolved.argumentTypes().size(); i++) {
      operandTypes[i] = relType(resolved.argumentTypes().get(i), true, factory);
    }
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    List<RelDataType> operands = binding.collectOperandTypes();
    ResolvedFunction resolved = resolve(operands);
    boolean nullable = true;
    if (kind == FunctionKind.SCALAR && resolved.function().definition().signature()
        .nullHandling() == NullHandling.STRICT) {
      nullable = false;
      for (RelDataType operand : operands) {
        nullable |= operand.isNullable() || operand.getSqlTypeName() == SqlTypeName.NULL;
      }
    }
    return relType(resolved.returnType(), nullable, binding.getTypeFactory());
  }
}
