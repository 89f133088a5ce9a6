package io.quiver.engine.catalog;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TimeTravel;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table of a {@link TableProviderFactory} format (a registered Delta table) in the catalog. It
 * holds only where the table is: each query opens it anew ({@link #forQuery()}), so a commit
 * made after registration is read by the next query, and {@link #asOf} reads it at another
 * version. Every table it opens belongs to the query that asked, which closes it.
 */
public final class ProvidedTable implements QuiverTable {
  private final String name;
  private final TableProviderFactory factory;
  private final QuiverSession session;
  private final String location;
  private final String optionsJson;

  /**
   * Opens the table once to check it (a bad location or options fail here) and registers
   * nothing: the caller puts the result in the catalog.
   */
  public static ProvidedTable checked(String name, TableProviderFactory factory,
      QuiverSession session, String location, String optionsJson) {
    ProvidedTable table = new ProvidedTable(name, factory, session, location, optionsJson);
    table.forQuery().close();
    return table;
  }

  private ProvidedTable(String name, TableProviderFactory factory, QuiverSession session,
      String location, String optionsJson) {
    this.name = Objects.requireNonNull(name, "name is null");
    this.factory = Objects.requireNonNull(factory, "factory is null");
    this.session = Objects.requireNonNull(session, "session is null");
    this.location = Objects.requireNonNull(location, "location is null");
    this.optionsJson = optionsJson;
  }

  private String owner() {
    return "table '" + name + "' (" + factory.format() + " " + location + ")";
  }

  /** The table as it is now, for one query. */
  @Override
  public QuiverTable forQuery() {
    return TableSourceTable.open(name, owner(), owner(), "open()",
        () -> factory.open(session, location, optionsJson));
  }

  /**
   * The table at another version: the current state is opened, asked for the other one and
   * closed (for Delta that reads the log's latest state twice; it holds no memory).
   */
  @Override
  public QuiverTable asOf(TimeTravel at) {
    try (QuiverTable current = forQuery()) {
      return current.asOf(at);
    }
  }

  /** The schema as it is now (opens the table). */
  @Override
  public Schema schema() {
    try (QuiverTable current = forQuery()) {
      return current.schema();
    }
  }

  @Override
  public double rowCount() {
    return -1;
  }

  /** Never called: queries read {@link #forQuery()}'s table. */
  @Override
  public Operator scan(ExecutionContext context, int[] projection) {
    throw new QuiverException(ErrorKind.INTERNAL, owner() + " was scanned without being"
        + " opened for the query (a bug)");
  }

  @Override
  public String describe() {
    return name;
  }
}
