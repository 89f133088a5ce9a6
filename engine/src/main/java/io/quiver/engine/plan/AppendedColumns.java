package io.quiver.engine.plan;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.CalcOperator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Columns computed after a node's input columns, in one projection below an aggregate or window
 * operator: the window's constants, and arguments cast to the types a registry function
 * resolved to (resolution widens numbers, for example a BIGINT column passed to a DOUBLE
 * argument). The same cast of the same column is appended once.
 */
final class AppendedColumns {
  private final RexBuilder rexBuilder;
  private final RelDataType inputType;
  private final List<RexNode> appended = new ArrayList<>();
  private final List<RelDataType> types = new ArrayList<>();
  private final Map<String, Integer> casts = new HashMap<>();

  AppendedColumns(RexBuilder rexBuilder, RelDataType inputType) {
    this.rexBuilder = rexBuilder;
    this.inputType = inputType;
    inputType.getFieldList().forEach(field -> types.add(field.getType()));
  }

  /** Appends a column computing {@code expression}; returns its index. */
  int append(RexNode expression) {
    appended.add(expression);
    types.add(expression.getType());
    return types.size() - 1;
  }

  /** The SQL type of column {@code column} (input or appended). */
  RelDataType type(int column) {
    return types.get(column);
  }

  /**
   * The index of a column holding column {@code column} as {@code target}: the column itself
   * when it already has that type, else an appended cast.
   */
  int castTo(int column, ArrowType target) {
    RelDataType type = types.get(column);
    if (TypeMapping.toArrowType(type).equals(target)) {
      return column;
    }
    String key = column + ":" + target;
    Integer existing = casts.get(key);
    if (existing != null) {
      return existing;
    }
    RelDataTypeFactory factory = rexBuilder.getTypeFactory();
    RelDataType targetType = factory.createTypeWithNullability(TypeMapping.toRelType(
        new Field("argument", FieldType.nullable(target), null), factory), type.isNullable());
    int index = append(rexBuilder.makeCast(targetType, new RexInputRef(column, type)));
    casts.put(key, index);
    return index;
  }

  int appendedCount() {
    return appended.size();
  }

  /** Input and appended column types, in order. */
  List<RelDataType> types() {
    return List.copyOf(types);
  }

  /** {@code input} followed by the appended columns (just {@code input} when there are none). */
  Operator project(ExecutionContext context, Operator input) {
    if (appended.isEmpty()) {
      return input;
    }
    List<RexNode> projections = new ArrayList<>();
    RelDataTypeFactory.Builder row = rexBuilder.getTypeFactory().builder();
    for (int i = 0; i < inputType.getFieldCount(); i++) {
      projections.add(new RexInputRef(i, types.get(i)));
      row.add(inputType.getFieldList().get(i));
    }
    for (int k = 0; k < appended.size(); k++) {
      projections.add(appended.get(k));
      row.add("$appended" + k, appended.get(k).getType());
    }
    return new CalcOperator(context, input, TypeMapping.toSchema(row.build()), rexBuilder,
        inputType, null, projections);
  }
}
