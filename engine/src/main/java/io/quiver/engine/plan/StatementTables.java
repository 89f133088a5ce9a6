package io.quiver.engine.plan;

import io.quiver.engine.catalog.QuiverTable;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables one statement opened for itself, closed with its result: the state of each
 * catalog table the statement reads ({@link QuiverTable#forQuery()}: the latest snapshot of a
 * registered Delta table, taken once per statement so every reference and view in it sees the
 * same one) and the tables it reads at another version ({@code FROM t VERSION AS OF 3}), under
 * names of their own.
 */
final class StatementTables implements AutoCloseable {
  private final Map<QuiverTable, QuiverTable> bound = new IdentityHashMap<>();
  private final Map<String, QuiverTable> travelled = new LinkedHashMap<>();
  private final List<QuiverTable> opened = new ArrayList<>();

  /** The table as this statement reads it, opened on first use. */
  synchronized QuiverTable bound(QuiverTable catalogTable) {
    QuiverTable table = bound.get(catalogTable);
    if (table == null) {
      table = catalogTable.forQuery();
      if (table == null) {
        throw new QuiverException(ErrorKind.INTERNAL, catalogTable.describe()
            + " returned no table for the query (a bug)");
      }
      if (table != catalogTable) {
        opened.add(table);
      }
      bound.put(catalogTable, table);
    }
    return table;
  }

  /** The time-travel table registered under {@code name}, or null. */
  synchronized QuiverTable travelled(String name) {
    return travelled.get(key(name));
  }

  /** Registers a table opened at another version; it is closed with the statement. */
  synchronized void addTravelled(String name, QuiverTable table) {
    travelled.put(key(name), table);
    opened.add(table);
  }

  /** The time-travel tables by name (lower case). */
  synchronized Map<String, QuiverTable> travelled() {
    return Map.copyOf(travelled);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Closes every table opened for the statement; the first failure is thrown at the end. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (QuiverTable table : opened) {
      try {
        table.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    bound.clear();
    travelled.clear();
    if (failure != null) {
      throw QuiverException.wrap(ErrorKind.INTERNAL, "closing the tables of a statement",
          failure);
    }
  }
}
