package io.quiver.engine.plan;

import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.aggregate.AggregateSpec;
import io.quiver.engine.exec.operator.CalcOperator;
import io.quiver.engine.exec.operator.HashAggregateOperator;
import io.quiver.engine.exec.operator.HashJoinOperator;
import io.quiver.engine.exec.operator.JoinKind;
import io.quiver.engine.exec.operator.LimitOperator;
import io.quiver.engine.exec.operator.SortOperator;
import io.quiver.engine.exec.operator.TopNOperator;
import io.quiver.engine.exec.operator.UnionAllOperator;
import io.quiver.engine.exec.operator.ValuesOperator;
import io.quiver.engine.exec.sort.SortKey;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/** Maps each node of an optimised logical plan to a physical operator. */
public final class PhysicalPlanner {
  private final ExecutionContext context;
  private final QueryPlanner planner;
  private final RexBuilder rexBuilder;
  private final WindowPlanner windows;
  /** A LIMIT (offset + fetch) the next scan may stop at, set by sort() for its input only. */
  private long scanLimit = -1;
  private final AggregateCallPlanner aggregateCalls;

  public PhysicalPlanner(ExecutionContext context, QueryPlanner planner, RexBuilder rexBuilder) {
    this.context = context;
    this.planner = planner;
    this.rexBuilder = rexBuilder;
    this.windows = new WindowPlanner(this, context);
    this.aggregateCalls = new AggregateCallPlanner(planner.functions());
  }

  public Operator plan(RelNode rel) {
    long limit = scanLimit;
    scanLimit = -1;
    if (rel instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      RexNode condition = program.getCondition() == null ? null
          : program.expandLocalRef(program.getCondition());
      List<RexNode> projections = new ArrayList<>();
      program.getProjectList().forEach(ref -> projections.add(program.expandLocalRef(ref)));
      return calc(calc, calc.getInput(), condition, projections, condition == null ? limit : -1);
    }
    if (rel instanceof Project project) {
      return calc(project, project.getInput(), null, project.getProjects(), limit);
    }
    if (rel instanceof Filter filter) {
      List<RexNode> identity = new ArrayList<>();
      for (int i = 0; i < filter.getRowType().getFieldCount(); i++) {
        identity.add(rexBuilder.makeInputRef(filter.getInput(), i));
      }
      return calc(filter, filter.getInput(), filter.getCondition(), identity, -1);
    }
    if (rel instanceof TableScan scan) {
      return scan(scan, allColumns(scan.getRowType().getFieldCount()), List.of(), limit);
    }
    if (rel instanceof TableFunctionScan scan) {
      return tableFunction(scan, allColumns(scan.getRowType().getFieldCount()), List.of(),
          limit);
    }
    if (rel instanceof Aggregate aggregate) {
      return aggregate(aggregate);
    }
    if (rel instanceof Join join) {
      return join(join);
    }
    if (rel instanceof Sort sort) {
      return sort(sort);
    }
    if (rel instanceof Union union) {
      return union(union);
    }
    if (rel instanceof Values values) {
      return values(values);
    }
    if (rel instanceof org.apache.calcite.rel.core.SetOp setOp && setOp.all
        && (rel instanceof org.apache.calcite.rel.core.Intersect
            || rel instanceof org.apache.calcite.rel.core.Minus)) {
      boolean intersect = rel instanceof org.apache.calcite.rel.core.Intersect;
      Schema schema = schemaOf(setOp);
      Operator result = plan(setOp.getInputs().get(0));
      for (int i = 1; i < setOp.getInputs().size(); i++) {
        result = new io.quiver.engine.exec.operator.SetOperationAllOperator(context, result,
            plan(setOp.getInputs().get(i)), intersect, schema);
      }
      return result;
    }
    if (rel instanceof Window window) {
      return windows.plan(window);
    }
    if (rel instanceof Correlate) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "this correlated subquery could not be rewritten as a join; rewrite it with a join"
              + " or an uncorrelated subquery");
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "plan node " + rel.getRelTypeName() + " is not supported yet");
  }

  static int[] allColumns(int count) {
    int[] columns = new int[count];
    for (int i = 0; i < count; i++) {
      columns[i] = i;
    }
    return columns;
  }

  Schema schemaOf(RelNode rel) {
    return TypeMapping.toSchema(rel.getRowType());
  }

  private Operator scan(TableScan scan, int[] projection, List<ColumnPredicate> predicates,
      long limit) {
    CatalogSchema.TableAdapter adapter = scan.getTable().unwrap(CatalogSchema.TableAdapter.class);
    if (adapter == null) {
      throw new QuiverException(ErrorKind.INTERNAL, "table " + scan.getTable().getQualifiedName()
          + " is not a Quiver table");
    }
    return adapter.table().scan(context, projection, predicates, limit);
  }

  private Operator tableFunction(TableFunctionScan scan, int[] projection,
      List<ColumnPredicate> predicates, long limit) {
    RexCall call = (RexCall) scan.getCall();
    if (!(call.getOperator() instanceof TableFunctionOperator operator)) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "table function " + call.getOperator().getName() + " is not supported here");
    }
    QuiverTable table = operator.table(call);
    return table.scan(context, projection, predicates, limit);
  }

  /**
   * A Calc, Project or Filter; over a scan, only the columns it uses are read, and the
   * filter's simple conjuncts and {@code limit} go to the scan as hints.
   */
  private Operator calc(RelNode node, RelNode input, RexNode condition,
      List<RexNode> projections, long limit) {
    Operator child;
    RelDataType inputType = input.getRowType();
    if (input instanceof TableScan || input instanceof TableFunctionScan) {
      List<RexNode> all = new ArrayList<>(projections);
      if (condition != null) {
        all.add(condition);
      }
      List<ColumnPredicate> predicates = ScanPredicates.extract(rexBuilder, condition);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(all, null);
      int[] columns = used.toArray();
      Mappings.TargetMapping mapping = Mappings.create(
          org.apache.calcite.util.mapping.MappingType.INVERSE_SURJECTION,
          inputType.getFieldCount(), columns.length);
      for (int i = 0; i < columns.length; i++) {
        mapping.set(columns[i], i);
      }
      RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);
      List<RexNode> rewritten = new ArrayList<>();
      for (RexNode projection : projections) {
        rewritten.add(projection.accept(shuttle));
      }
      projections = rewritten;
      condition = condition == null ? null : condition.accept(shuttle);
      RelDataTypeFactory.Builder builder = rexBuilder.getTypeFactory().builder();
      for (int column : columns) {
        builder.add(inputType.getFieldList().get(column));
      }
      inputType = builder.build();
      child = input instanceof TableScan scan ? scan(scan, columns, predicates, limit)
          : tableFunction((TableFunctionScan) input, columns, predicates, limit);
    } else {
      child = plan(input);
    }
    ScalarFunctionPlanner.Planned planned = ScalarFunctionPlanner.plan(context, rexBuilder,
        child, inputType, condition, projections);
    return new CalcOperator(context, planned.input(), schemaOf(node), rexBuilder,
        planned.inputType(), planned.condition(), planned.projections());
  }

  private Operator aggregate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    Operator input = plan(aggregate.getInput());
    List<AggregateSpec> specs = new ArrayList<>();
    Schema schema = schemaOf(aggregate);
    int groupCount = aggregate.getGroupCount();
    AppendedColumns columns = new AppendedColumns(rexBuilder, aggregate.getInput().getRowType());
    for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
      AggregateCall call = aggregate.getAggCallList().get(i);
      specs.add(aggregateCalls.plan(call, schema.getFields().get(groupCount + i), columns));
    }
    return new HashAggregateOperator(context, columns.project(context, input),
        aggregate.getGroupSet().toArray(), specs, schema);
  }

  private Operator join(Join join) {
    JoinKind kind;
    switch (join.getJoinType()) {
      case INNER: kind = JoinKind.INNER; break;
      case LEFT: kind = JoinKind.LEFT; break;
      case RIGHT: kind = JoinKind.RIGHT; break;
      case FULL: kind = JoinKind.FULL; break;
      case SEMI: kind = JoinKind.SEMI; break;
      case ANTI: kind = JoinKind.ANTI; break;
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED, "join type " + join.getJoinType()
            + " is not supported yet");
    }
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<Boolean> filterNulls = new ArrayList<>();
    List<RexNode> nonEqui = new ArrayList<>();
    RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(),
        leftKeys, rightKeys, filterNulls, nonEqui);
    RexNode residual = org.apache.calcite.rex.RexUtil.composeConjunction(rexBuilder, nonEqui);
    boolean[] nullsMatch = new boolean[leftKeys.size()];
    for (int i = 0; i < nullsMatch.length; i++) {
      nullsMatch[i] = !filterNulls.get(i);
    }
    if (residual.isAlwaysTrue()) {
      residual = null;
    }
    RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
    Double leftRows = metadata.getRowCount(join.getLeft());
    Double rightRows = metadata.getRowCount(join.getRight());
    boolean buildLeft = leftRows != null && rightRows != null && leftRows < rightRows;
    Operator left = plan(join.getLeft());
    Operator right = plan(join.getRight());
    RelDataTypeFactory.Builder joined = rexBuilder.getTypeFactory().builder();
    join.getLeft().getRowType().getFieldList().forEach(field -> joined.add(
        "l" + field.getIndex(), field.getType()));
    join.getRight().getRowType().getFieldList().forEach(field -> joined.add(
        "r" + field.getIndex(), field.getType()));
    HashJoinOperator operator = new HashJoinOperator(context, left, right, kind,
        toArray(leftKeys), toArray(rightKeys), nullsMatch, buildLeft, residual, rexBuilder,
        joined.build(), schemaOf(join));
    operator.setEstimates(leftRows == null ? -1 : leftRows, rightRows == null ? -1 : rightRows);
    return operator;
  }

  private static int[] toArray(List<Integer> values) {
    int[] result = new int[values.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = values.get(i);
    }
    return result;
  }

  static List<SortKey> sortKeys(List<RelFieldCollation> collations) {
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation collation : collations) {
      boolean descending = collation.getDirection().isDescending();
      boolean nullsFirst;
      switch (collation.nullDirection) {
        case FIRST: nullsFirst = true; break;
        case LAST: nullsFirst = false; break;
        default: nullsFirst = descending; break;
      }
      keys.add(new SortKey(collation.getFieldIndex(), descending, nullsFirst));
    }
    return keys;
  }

  private static long literalLong(RexNode node, long otherwise) {
    if (node == null) {
      return otherwise;
    }
    if (node instanceof RexLiteral literal) {
      return literal.getValueAs(Long.class);
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED, "LIMIT and OFFSET must be constants");
  }

  private Operator sort(Sort sort) {
    long offset = literalLong(sort.offset, 0);
    long fetch = literalLong(sort.fetch, -1);
    List<SortKey> keys = sortKeys(sort.getCollation().getFieldCollations());
    scanLimit = keys.isEmpty() && fetch >= 0 ? offset + fetch : -1;
    Operator input = plan(sort.getInput());
    if (keys.isEmpty()) {
      return new LimitOperator(context, input, offset, fetch);
    }
    if (fetch >= 0) {
      return new TopNOperator(context, input, keys, offset, fetch);
    }
    SortOperator sorted = new SortOperator(context, input, keys);
    return offset > 0 ? new LimitOperator(context, sorted, offset, -1) : sorted;
  }

  private Operator union(Union union) {
    List<Operator> inputs = new ArrayList<>();
    for (RelNode input : union.getInputs()) {
      inputs.add(plan(input));
    }
    Schema schema = schemaOf(union);
    Operator all = new UnionAllOperator(context, inputs, schema);
    if (union.all) {
      return all;
    }
    return new HashAggregateOperator(context, all, allColumns(schema.getFields().size()),
        List.of(), schema);
  }

  private Operator values(Values values) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<Object> row = new ArrayList<>();
      for (RexLiteral literal : tuple) {
        row.add(literalValue(literal));
      }
      rows.add(row);
    }
    return new ValuesOperator(context, schemaOf(values), rows);
  }

  /** A literal as the Java value ValuesOperator and LITERAL_AGG expect. */
  static Object literalValue(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.getType().getSqlTypeName()) {
      case BOOLEAN: return literal.getValueAs(Boolean.class);
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT:
        return literal.getValueAs(Long.class);
      case DECIMAL: return literal.getValueAs(BigDecimal.class)
          .setScale(literal.getType().getScale(), java.math.RoundingMode.HALF_UP);
      case REAL: case FLOAT: case DOUBLE: return literal.getValueAs(Double.class);
      case CHAR: case VARCHAR: return literal.getValueAs(String.class);
      case DATE:
        return java.time.LocalDate.ofEpochDay(literal.getValueAs(Integer.class));
      case TIMESTAMP: {
        long millis = literal.getValueAs(Long.class);
        return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
            (int) Math.floorMod(millis, 1000) * 1_000_000, java.time.ZoneOffset.UTC);
      }
      case TIME:
        return java.time.LocalTime.ofNanoOfDay(literal.getValueAs(Integer.class) * 1_000_000L);
      default:
        if (org.apache.calcite.sql.type.SqlTypeName.YEAR_INTERVAL_TYPES.contains(
            literal.getType().getSqlTypeName())) {
          return literal.getValueAs(BigDecimal.class).intValueExact();
        }
        if (org.apache.calcite.sql.type.SqlTypeName.DAY_INTERVAL_TYPES.contains(
            literal.getType().getSqlTypeName())) {
          return java.time.Duration.ofMillis(literal.getValueAs(BigDecimal.class).longValue());
        }
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "literal of type " + literal.getType() + " is not supported in VALUES yet");
    }
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }
}
