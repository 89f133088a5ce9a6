package io.quiver.engine.plan.function;

import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.function.RegisteredFunction;
import io.quiver.engine.function.builtin.PlannerIntrinsic;
import io.quiver.udf.function.FunctionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The registry as Calcite sees it, for one statement: a function name resolves here first, so a
 * session or plugin function shadows a built-in of the same name. Names whose only definitions
 * are {@link PlannerIntrinsic} built-ins are left to Calcite's own operators (the next table in
 * the chain), which the optimizer's rules recognise.
 */
public final class RegistryOperatorTable implements SqlOperatorTable {
  private final FunctionSnapshot snapshot;
  private final Function<String, SqlOperator> tableFunctions;
  private final Map<String, List<SqlOperator>> operators = new HashMap<>();

  /**
   * @param snapshot the functions of this statement
   * @param tableFunctions makes the statement's operator for a table function name
   */
  public RegistryOperatorTable(FunctionSnapshot snapshot,
      Function<String, SqlOperator> tableFunctions) {
    this.snapshot = snapshot;
    this.tableFunctions = tableFunctions;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    if (!opName.isSimple()
        || syntax != SqlSyntax.FUNCTION && syntax != SqlSyntax.FUNCTION_STAR) {
      return;
    }
    boolean tables = category == null || category.isTableFunction();
    boolean scalars = category == null || !category.isTableFunction();
    for (SqlOperator operator : operators(opName.getSimple().toLowerCase(Locale.ROOT))) {
      boolean table = operator instanceof SqlTableFunction;
      if (table ? tables : scalars) {
        operatorList.add(operator);
      }
    }
  }

  private List<SqlOperator> operators(String name) {
    return operators.computeIfAbsent(name, this::create);
  }

  private List<SqlOperator> create(String name) {
    List<RegisteredFunction> candidates = snapshot.candidates(name, null);
    boolean onlyIntrinsic = true;
    for (RegisteredFunction candidate : candidates) {
      onlyIntrinsic &= candidate.definition() instanceof PlannerIntrinsic;
    }
    List<SqlOperator> result = new ArrayList<>();
    if (candidates.isEmpty() || onlyIntrinsic) {
      return result;
    }
    for (FunctionKind kind : FunctionKind.values()) {
      if (!snapshot.contains(name, kind)) {
        continue;
      }
      RegistryCallTyping typing = new RegistryCallTyping(name, kind, snapshot);
      switch (kind) {
        case SCALAR -> result.add(new RegistryScalarOperator(name, typing));
        case AGGREGATE -> result.add(new RegistryAggregateOperator(name, typing));
        case WINDOW -> result.add(new RegistryWindowOperator(name, typing));
        case TABLE -> result.add(tableFunctions.apply(name));
      }
    }
    return result;
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> all = new ArrayList<>();
    for (RegisteredFunction function : snapshot.all()) {
      for (SqlOperator operator : operators(function.name().toLowerCase(Locale.ROOT))) {
        if (!all.contains(operator)) {
          all.add(operator);
        }
      }
    }
    return all;
  }
}
