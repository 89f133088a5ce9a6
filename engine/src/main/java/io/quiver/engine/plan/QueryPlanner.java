package io.quiver.engine.plan;

import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.function.FunctionSnapshot;
import io.quiver.engine.plan.function.RegistryOperatorTable;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Parses, validates and converts one query with Calcite into a logical plan, then optimises it
 * with {@link LogicalOptimizer}. One instance per statement (it holds the statement's table
 * function calls, which are closed with the result).
 */
public final class QueryPlanner implements RelOptTable.ViewExpander {
  public static final RelDataTypeFactory TYPE_FACTORY = new JavaTypeFactoryImpl(QuiverTypeSystem.INSTANCE);
  private static final int MAX_VIEW_DEPTH = 32;

  private final Catalog catalog;
  private final FunctionSnapshot functions;
  private final Map<String, TableFunctionOperator> tableFunctions = new HashMap<>();
  private final CalciteCatalogReader catalogReader;
  private final SqlOperatorTable operatorTable;
  private final RelOptCluster cluster;
  private final ViewRowTypeCache viewRowTypes;
  private final StatementTables statementTables = new StatementTables();
  private int viewDepth;

  public QueryPlanner(Catalog catalog, FunctionSnapshot functions,
      ViewRowTypeCache viewRowTypes) {
    this(catalog, functions, viewRowTypes, Map.of());
  }

  /**
   * @param sessionOptions the session's options, handed to table functions (the file table
   *     functions read their access policy from them)
   */
  public QueryPlanner(Catalog catalog, FunctionSnapshot functions,
      ViewRowTypeCache viewRowTypes, Map<String, String> sessionOptions) {
    this.catalog = catalog;
    this.functions = functions;
    this.viewRowTypes = viewRowTypes;
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "",
        new CatalogSchema(catalog, this::viewRowType, statementTables));
    this.catalogReader = new CalciteCatalogReader(root, List.of(), TYPE_FACTORY, config);
    this.operatorTable = SqlOperatorTables.chain(
        new RegistryOperatorTable(functions, name -> tableFunctions.computeIfAbsent(name,
            key -> new TableFunctionOperator(key, functions, sessionOptions))),
        SqlOperatorTables.of(List.of(RoundFunction.INSTANCE)),
        SqlStdOperatorTable.instance(),
        SqlOperatorTables.of(List.of(
            org.apache.calcite.sql.fun.SqlLibraryOperators.LENGTH,
            org.apache.calcite.sql.fun.SqlLibraryOperators.STRPOS,
            org.apache.calcite.sql.fun.SqlLibraryOperators.STARTS_WITH,
            org.apache.calcite.sql.fun.SqlLibraryOperators.ENDS_WITH)));
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    planner.setExecutor(new ConstantFolder());
    this.cluster = RelOptCluster.create(planner, new RexBuilder(TYPE_FACTORY));
    QuiverMetadata.install(cluster);
  }

  static SqlParser.Config parserConfig() {
    return SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.TO_LOWER)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false)
        .withConformance(SqlConformanceEnum.LENIENT);
  }

  private SqlValidator newValidator() {
    SqlValidator.Config config = SqlValidator.Config.DEFAULT
        .withIdentifierExpansion(true)
        .withConformance(SqlConformanceEnum.LENIENT)
        .withDefaultNullCollation(NullCollation.HIGH);
    return SqlValidatorUtil.newValidator(operatorTable, catalogReader, TYPE_FACTORY, config);
  }

  public RelOptCluster cluster() {
    return cluster;
  }

  /** The functions this statement plans against. */
  public FunctionSnapshot functions() {
    return functions;
  }

  /**
   * A parsed query and its time-travel clauses ({@link TimeTravelSyntax}: Calcite parsed the
   * rewritten text, whose positions it maps back to the original).
   */
  record Parsed(SqlNode node, TimeTravelSyntax syntax) {}

  /**
   * Parses the query text, with {@code VERSION AS OF} / {@code TIMESTAMP AS OF} rewritten into
   * Calcite's {@code FOR SYSTEM_TIME AS OF}. {@code lineOffset} is added to error line numbers.
   */
  static Parsed parse(String sql, int lineOffset) {
    TimeTravelSyntax syntax;
    try {
      syntax = TimeTravelSyntax.of(sql);
    } catch (QuiverException e) {
      throw e.line() > 0 ? e.atPosition(e.line() + lineOffset, e.column()) : e;
    }
    try {
      return new Parsed(SqlParser.create(syntax.text(), parserConfig()).parseQuery(), syntax);
    } catch (SqlParseException e) {
      String message = e.getMessage();
      int cut = message == null ? -1 : message.indexOf("\nWas expecting");
      if (cut > 0) {
        message = message.substring(0, cut).trim() + " (expected one of "
            + expectedTokens(e) + ")";
      }
      QuiverException error = new QuiverException(ErrorKind.PARSE,
          "syntax error: " + (message == null ? "" : message.replace('\n', ' ')), e);
      if (e.getPos() != null && e.getPos().getLineNum() > 0) {
        error.atPosition(e.getPos().getLineNum() + lineOffset,
            syntax.originalColumn(e.getPos().getLineNum(), e.getPos().getColumnNum()));
      }
      throw error;
    }
  }

  private static String expectedTokens(SqlParseException e) {
    List<String> tokens = new ArrayList<>();
    if (e.getExpectedTokenSequences() != null && e.getTokenImages() != null) {
      for (int[] sequence : e.getExpectedTokenSequences()) {
        if (sequence.length > 0 && tokens.size() < 8) {
          tokens.add(e.getTokenImages()[sequence[0]]);
        }
      }
    }
    return tokens.isEmpty() ? "?" : String.join(", ", tokens) + (tokens.size() == 8 ? ", ..." : "");
  }

  /**
   * Opens the tables its time-travel clauses read, then validates and converts a parsed query
   * into a logical plan (not yet optimised).
   */
  RelRoot toRel(Parsed parsed, int lineOffset) {
    SqlNode query = parsed.node();
    new TimeTravelResolver(catalog, statementTables, parsed.syntax(), lineOffset).resolve(query);
    SqlValidator validator = newValidator();
    SqlNode validated;
    try {
      validated = validator.validate(query);
    } catch (CalciteContextException e) {
      throw translateValidationError(e, lineOffset, parsed.syntax());
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw QuiverException.wrap(ErrorKind.PLAN, "validating the query", e);
    }
    SqlToRelConverter.Config config = SqlToRelConverter.config()
        .withExpand(false)
        .withTrimUnusedFields(false)
        .withInSubQueryThreshold(Integer.MAX_VALUE)
        .withDecorrelationEnabled(true);
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE, config);
    try {
      return converter.convertQuery(validated, false, true);
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw QuiverException.wrap(ErrorKind.PLAN, "converting the query to a plan", e);
    }
  }

  static QuiverException translateValidationError(CalciteContextException e, int lineOffset,
      TimeTravelSyntax syntax) {
    Throwable cause = e.getCause();
    if (cause instanceof QuiverException quiver) {
      return quiver;
    }
    String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    ErrorKind kind = ErrorKind.PLAN;
    if (cause instanceof SqlValidatorException && detail != null) {
      String lower = detail.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("cannot apply") || lower.contains("cannot assign")
          || lower.contains("type mismatch") || lower.contains("cannot infer")
          || lower.contains("must be") && lower.contains("type")
          || lower.contains("incompatible") || lower.contains("not comparable")) {
        kind = ErrorKind.TYPE;
      }
    }
    if (detail != null && detail.contains("$SCALAR_QUERY")) {
      kind = ErrorKind.PLAN;
      detail = "a scalar subquery must return exactly one column";
    }
    String hint = kind == ErrorKind.PLAN && detail != null && detail.contains("not found")
        ? ". Check the name (SHOW TABLES, DESCRIBE <table>)" : "";
    QuiverException error = new QuiverException(kind, detail + hint, e);
    if (e.getPosLine() > 0) {
      error.atPosition(e.getPosLine() + lineOffset,
          syntax.originalColumn(e.getPosLine(), e.getPosColumn()));
    }
    return error;
  }

  /** The table function operator of this statement for {@code name}, or null. */
  TableFunctionOperator tableFunction(String name) {
    return tableFunctions.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Closes the tables this statement opened: those of its table function calls, the
   * snapshots of registered tables it read and its time-travel tables.
   */
  public void closeTableFunctions() {
    try {
      for (TableFunctionOperator operator : tableFunctions.values()) {
        operator.closeTables();
      }
    } finally {
      statementTables.close();
    }
  }

  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    if (++viewDepth > MAX_VIEW_DEPTH) {
      throw new QuiverException(ErrorKind.PLAN,
          "view " + viewPath + " expands more than " + MAX_VIEW_DEPTH
              + " levels deep: does it refer to itself?");
    }
    try {
      return toRel(parse(queryString, 0), 0);
    } catch (QuiverException e) {
      throw e.withContext("view " + String.join(".", viewPath));
    } finally {
      viewDepth--;
    }
  }

  private RelDataType viewRowType(Catalog.View view, RelDataTypeFactory factory) {
    RelDataType cached = viewRowTypes.get(view);
    if (cached == null) {
      cached = toRel(parse(view.sql(), 0), 0).validatedRowType;
      viewRowTypes.put(view, cached);
    }
    return cached;
  }

  /** Row types of views, computed once per view definition. */
  public static final class ViewRowTypeCache {
    private final Map<Catalog.View, RelDataType> types = new HashMap<>();

    synchronized RelDataType get(Catalog.View view) {
      return types.get(view);
    }

    synchronized void put(Catalog.View view, RelDataType type) {
      types.put(view, type);
    }
  }
}
