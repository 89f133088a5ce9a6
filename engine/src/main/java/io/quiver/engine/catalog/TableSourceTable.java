package io.quiver.engine.catalog;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.TableSourceScanOperator;
import io.quiver.engine.function.FunctionFailures;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ColumnPredicate;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TimeTravel;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link TableSource} of the public API (a user or plugin table, or a table function's
 * result) as a catalog table. The schema is read once; closing the table closes the source.
 */
public final class TableSourceTable implements QuiverTable {
  private final String name;
  private final TableSource source;
  private final String owner;
  private final Schema schema;

  /**
   * @param name the table's name, for EXPLAIN and messages
   * @param source the source, closed with this table
   * @param owner who wrote the source, for errors: for example {@code table function
   *     'read_x'} or {@code table 't' (plugin acme)}
   */
  public TableSourceTable(String name, TableSource source, String owner) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.source = Objects.requireNonNull(source, "source is null");
    this.owner = owner;
    this.schema = TableSourceScanOperator.readSchema(source, owner);
  }

  public TableSourceTable(String name, TableSource source) {
    this(name, source, "table '" + name + "'");
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public double rowCount() {
    try {
      return source.estimatedRowCount();
    } catch (RuntimeException | LinkageError e) {
      // Only an estimate: a source that cannot give one (even one missing classes) is unknown.
      return -1;
    }
  }

  @Override
  public Operator scan(ExecutionContext context, int[] projection) {
    return scan(context, projection, List.of(), -1);
  }

  @Override
  public Operator scan(ExecutionContext context, int[] projection,
      List<ColumnPredicate> predicates, long limit) {
    return new TableSourceScanOperator(context, name, owner, source, schema,
        new ScanRequest(projection, predicates, limit, context.batchSize()));
  }

  /** The source's {@link TableSource#asOf} as a table named {@code name VERSION AS OF 3}. */
  @Override
  public QuiverTable asOf(TimeTravel at) {
    String travelled = name + " " + at.describe();
    return open(travelled, travelled, owner, "asOf()", () -> source.asOf(at));
  }

  /**
   * A table over the source {@code opener} opens (a user, plugin or built-in table's code):
   * what it throws becomes a USER_FUNCTION error of {@code owner} (a QuiverException keeps its
   * kind), each with {@code context}; returning null breaks the contract; the source is closed
   * when its schema cannot be read.
   *
   * @param name the table's name, for EXPLAIN and messages
   * @param context the context of failures, for example {@code read_csv[x.csv]}
   * @param owner who wrote the source, for errors
   * @param method the method {@code opener} calls, for errors ({@code open()})
   */
  public static TableSourceTable open(String name, String context, String owner,
      String method, Supplier<TableSource> opener) {
    TableSource source;
    try {
      source = opener.get();
    } catch (QuiverException e) {
      throw e.withContext(context);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw FunctionFailures.wrap(e, owner, "while opening " + context);
    }
    if (source == null) {
      throw FunctionFailures.contract(owner, "", method + " returned null");
    }
    try {
      return new TableSourceTable(name, source, owner);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public void close() {
    source.close();
  }
}
