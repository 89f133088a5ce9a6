package io.quiver.engine.plan;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.ResultFactory;
import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.InMemoryTable;
import io.quiver.engine.catalog.QuiverTable;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.ValuesOperator;
import io.quiver.engine.kernel.JavaKernels;
import io.quiver.engine.plugin.PluginLoadReport;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Runs one statement: recognises Quiver's statement forms (EXPLAIN, CREATE [OR REPLACE]
 * VIEW/TABLE ... AS, DROP TABLE/VIEW [IF EXISTS], SHOW TABLES, DESCRIBE, LOAD PLUGIN) and
 * plans and runs queries.
 */
public final class StatementRunner {
  /** The row of LOAD PLUGIN: version, abi and error are NULL when unknown or absent. */
  private static final Schema LOAD_PLUGIN_SCHEMA = new Schema(List.of(
      Field.notNullable("name", ArrowType.Utf8.INSTANCE),
      Field.nullable("version", ArrowType.Utf8.INSTANCE),
      Field.nullable("abi", ArrowType.Utf8.INSTANCE),
      Field.notNullable("status", ArrowType.Utf8.INSTANCE),
      Field.nullable("error", ArrowType.Utf8.INSTANCE),
      Field.notNullable("functions", ArrowType.Utf8.INSTANCE),
      Field.notNullable("tables", ArrowType.Utf8.INSTANCE)));

  private final QuiverSession session;
  private final QueryPlanner.ViewRowTypeCache viewRowTypes = new QueryPlanner.ViewRowTypeCache();
  private int queryCounter;

  public StatementRunner(QuiverSession session) {
    this.session = session;
  }

  /** Runs {@code text}, which starts on 0-based line {@code firstLine} of its script. */
  public QueryResult run(String text, int firstLine) {
    try {
      return dispatch(text, firstLine);
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw QuiverException.wrap(ErrorKind.INTERNAL, "running a statement", e);
    }
  }

  private QueryResult dispatch(String text, int firstLine) {
    StatementTokens tokens = new StatementTokens(text);
    String first = tokens.keyword();
    switch (first) {
      case "explain":
        return explain(tokens.restBlanked(), firstLine);
      case "create":
        return create(tokens, firstLine);
      case "drop":
        return drop(tokens);
      case "show":
        if (!tokens.keyword().equals("tables") || !tokens.atEnd()) {
          throw new QuiverException(ErrorKind.PARSE, "expected SHOW TABLES");
        }
        return showTables();
      case "describe":
      case "desc":
        return describe(tokens);
      case "load":
        return loadPlugin(tokens);
      default:
        return query(text, firstLine, "QUERY");
    }
  }

  /** A planned query: its operators and the resources to release with its result. */
  private record Planned(QueryPlanner planner, RelNode logical, Operator root,
      ExecutionContext context, Schema schema) {}

  private Planned plan(String sql, int firstLine) {
    QueryPlanner planner = new QueryPlanner(session.catalog(), session.functions().snapshot(),
        viewRowTypes, session.options());
    try {
      QueryPlanner.Parsed node = QueryPlanner.parse(sql, firstLine);
      RelRoot root = planner.toRel(node, firstLine);
      RelNode logical = LogicalOptimizer.optimize(root.project());
      BufferAllocator queryAllocator = session.allocator().newChildAllocator(
          "query " + (++queryCounter), 0, Long.MAX_VALUE);
      ExecutionContext context = new ExecutionContext(queryAllocator, session.batchSize(),
          JavaKernels.INSTANCE);
      QuiverMetadata.install(planner.cluster());
      Operator operator;
      try {
        operator = new PhysicalPlanner(context, planner, planner.cluster().getRexBuilder())
            .plan(logical);
      } catch (RuntimeException e) {
        context.close();
        throw e;
      }
      List<Field> fields = new ArrayList<>();
      List<RelDataTypeField> names = root.validatedRowType.getFieldList();
      for (int i = 0; i < operator.schema().getFields().size(); i++) {
        Field field = operator.schema().getFields().get(i);
        String name = i < names.size() ? names.get(i).getName() : field.getName();
        fields.add(new Field(name, field.getFieldType(), field.getChildren()));
      }
      return new Planned(planner, logical, operator, context, new Schema(fields));
    } catch (RuntimeException e) {
      planner.closeTableFunctions();
      throw e;
    }
  }

  private QueryResult query(String sql, int firstLine, String kind) {
    Planned planned = plan(sql, firstLine);
    return ResultFactory.streaming(kind, planned.schema(), planned.root(), planned.context(),
        planned.planner()::closeTableFunctions);
  }

  private QueryResult explain(String sql, int firstLine) {
    Planned planned = plan(sql, firstLine);
    try {
      List<List<Object>> rows = new ArrayList<>();
      rows.add(List.of("Logical plan:"));
      for (String line : RelOptUtil.toString(planned.logical()).split("\n")) {
        rows.add(List.of("  " + line));
      }
      rows.add(List.of("Physical plan:"));
      describeTree(planned.root(), 1, rows);
      return constantRows("EXPLAIN", List.of("plan"), rows);
    } finally {
      planned.root().close();
      planned.context().close();
      planned.planner().closeTableFunctions();
    }
  }

  private static void describeTree(Operator operator, int depth, List<List<Object>> rows) {
    rows.add(List.of("  ".repeat(depth) + operator.describe()));
    for (Operator child : operator.children()) {
      describeTree(child, depth + 1, rows);
    }
  }

  private QueryResult create(StatementTokens tokens, int firstLine) {
    boolean replace = false;
    String word = tokens.keyword();
    if (word.equals("or")) {
      if (!tokens.keyword().equals("replace")) {
        throw new QuiverException(ErrorKind.PARSE, "expected CREATE OR REPLACE");
      }
      replace = true;
      word = tokens.keyword();
    }
    if (!word.equals("view") && !word.equals("table")) {
      throw new QuiverException(ErrorKind.PARSE,
          "expected CREATE [OR REPLACE] VIEW or TABLE, got '" + word + "'");
    }
    String name = tokens.identifier();
    if (!tokens.keyword().equals("as")) {
      throw new QuiverException(ErrorKind.PARSE,
          "expected AS after the name in CREATE " + word.toUpperCase(Locale.ROOT)
              + " (only CREATE ... AS SELECT is supported)");
    }
    String body = tokens.restBlanked();
    Catalog catalog = session.catalog();
    if (!replace && catalog.contains(name)) {
      throw new QuiverException(ErrorKind.PLAN,
          "'" + name + "' already exists; use CREATE OR REPLACE or DROP it first");
    }
    if (word.equals("view")) {
      Planned planned = plan(body, firstLine);
      planned.root().close();
      planned.context().close();
      planned.planner().closeTableFunctions();
      catalog.putView(new Catalog.View(name, body.strip()), replace);
      return message("CREATE_VIEW", "Created view " + name);
    }
    long rows = 0;
    InMemoryTable table;
    try (QueryResult result = query(body, firstLine, "QUERY")) {
      table = InMemoryTable.empty(name, result.schema(), session.tableAllocator());
      try {
        VectorSchemaRoot batch = result.getVectorSchemaRoot();
        while (result.loadNextBatch()) {
          table.append(batch);
          rows += batch.getRowCount();
        }
        if (rows == 0) {
          table.append(batch);
        }
      } catch (RuntimeException | IOException e) {
        table.close();
        throw e instanceof RuntimeException runtime ? runtime
            : QuiverException.wrap(ErrorKind.IO, "CREATE TABLE " + name, e);
      }
    }
    catalog.putTable(name, table, true);
    return message("CREATE_TABLE", "Created table " + name + " (" + rows + " rows)");
  }

  private QueryResult drop(StatementTokens tokens) {
    String what = tokens.keyword();
    if (!what.equals("table") && !what.equals("view")) {
      throw new QuiverException(ErrorKind.PARSE, "expected DROP TABLE or DROP VIEW");
    }
    boolean ifExists = false;
    String name = tokens.identifier();
    if (name.equalsIgnoreCase("if") && tokens.peekKeyword().equals("exists")) {
      tokens.keyword();
      ifExists = true;
      name = tokens.identifier();
    }
    boolean dropped = what.equals("table") ? session.catalog().dropTable(name)
        : session.catalog().dropView(name);
    if (!dropped && !ifExists) {
      throw new QuiverException(ErrorKind.PLAN,
          what + " '" + name + "' does not exist (use DROP " + what.toUpperCase(Locale.ROOT)
              + " IF EXISTS to ignore this)");
    }
    return message("DROP", dropped ? "Dropped " + what + " " + name : "Nothing to drop");
  }

  private QueryResult showTables() {
    List<List<Object>> rows = new ArrayList<>();
    for (String name : session.catalog().names()) {
      rows.add(List.of(name));
    }
    return constantRows("SHOW", List.of("name"), rows);
  }

  /** {@code LOAD PLUGIN '<jar>' [OPTIONS '<json>']}: one row describing the load report. */
  private QueryResult loadPlugin(StatementTokens tokens) {
    String usage = "LOAD PLUGIN '<path to jar>' [OPTIONS '<JSON object>']";
    if (!tokens.keyword().equals("plugin")) {
      throw new QuiverException(ErrorKind.PARSE, "expected " + usage);
    }
    String path = tokens.stringLiteral("the path of the plugin jar");
    String options = null;
    if (!tokens.atEnd()) {
      if (!tokens.keyword().equals("options")) {
        throw new QuiverException(ErrorKind.PARSE, "expected OPTIONS or the end of the"
            + " statement after the path: " + usage);
      }
      options = tokens.stringLiteral("the plugin options");
    }
    if (!tokens.atEnd()) {
      throw new QuiverException(ErrorKind.PARSE, "unexpected text after " + usage);
    }
    if (path.isBlank()) {
      throw new QuiverException(ErrorKind.PARSE, "the path of the plugin jar is empty: "
          + usage);
    }
    Path jar;
    try {
      jar = Path.of(path);
    } catch (InvalidPathException e) {
      throw new QuiverException(ErrorKind.IO, "'" + path + "' is not a valid path: "
          + e.getReason(), e);
    }
    PluginLoadReport report = session.loadPlugin(jar, options);
    List<Object> row = java.util.Arrays.asList(report.name(), report.version(), report.abi(),
        report.status().name(), report.error(), String.join(", ", report.functions()),
        String.join(", ", report.tables()));
    return constant("LOAD_PLUGIN", LOAD_PLUGIN_SCHEMA, List.of(row));
  }

  private QueryResult describe(StatementTokens tokens) {
    String name = tokens.identifier();
    Catalog catalog = session.catalog();
    Schema schema;
    QuiverTable table = catalog.table(name);
    if (table != null) {
      schema = table.schema();
    } else if (catalog.view(name) != null) {
      Planned planned = plan("SELECT * FROM \"" + catalog.names().stream()
          .filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name) + "\"", 0);
      schema = planned.schema();
      planned.root().close();
      planned.context().close();
      planned.planner().closeTableFunctions();
    } else {
      throw new QuiverException(ErrorKind.PLAN, "table or view '" + name
          + "' does not exist. Check the name (SHOW TABLES)");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Field field : schema.getFields()) {
      var relType = TypeMapping.toRelType(field, QueryPlanner.TYPE_FACTORY);
      rows.add(java.util.Arrays.asList(field.getName(), typeName(relType), field.isNullable()));
    }
    Schema describeSchema = new Schema(List.of(
        Field.notNullable("column_name", ArrowType.Utf8.INSTANCE),
        Field.notNullable("column_type", ArrowType.Utf8.INSTANCE),
        Field.notNullable("nullable", ArrowType.Bool.INSTANCE)));
    return constant("DESCRIBE", describeSchema, rows);
  }

  /** A type as DuckDB spells it: {@code DECIMAL(15,2)}, {@code TIMESTAMP}, {@code VARCHAR}. */
  static String typeName(org.apache.calcite.rel.type.RelDataType type) {
    switch (type.getSqlTypeName()) {
      case DECIMAL:
        return "DECIMAL(" + type.getPrecision() + "," + type.getScale() + ")";
      case TIMESTAMP:
      case TIME:
      case VARCHAR:
      case CHAR:
        return type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR ? "VARCHAR"
            : type.getSqlTypeName().getName();
      default:
        return type.getFullTypeString().replace(" NOT NULL", "");
    }
  }

  private QueryResult constantRows(String kind, List<String> columns, List<List<Object>> rows) {
    List<Field> fields = new ArrayList<>();
    for (String column : columns) {
      fields.add(new Field(column, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
    }
    return constant(kind, new Schema(fields), rows);
  }

  private QueryResult constant(String kind, Schema schema, List<List<Object>> rows) {
    BufferAllocator queryAllocator = session.allocator().newChildAllocator(
        "query " + (++queryCounter), 0, Long.MAX_VALUE);
    ExecutionContext context = new ExecutionContext(queryAllocator, session.batchSize(),
        JavaKernels.INSTANCE);
    Operator values = new ValuesOperator(context, schema, rows);
    return ResultFactory.streaming(kind, schema, values, context, () -> { });
  }

  private QueryResult message(String kind, String text) {
    BufferAllocator queryAllocator = session.allocator().newChildAllocator(
        "query " + (++queryCounter), 0, Long.MAX_VALUE);
    ExecutionContext context = new ExecutionContext(queryAllocator, session.batchSize(),
        JavaKernels.INSTANCE);
    return ResultFactory.message(kind, text, context);
  }
}
