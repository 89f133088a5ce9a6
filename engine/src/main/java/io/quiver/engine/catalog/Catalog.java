package io.quiver.engine.catalog;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The session's tables and views, by case-insensitive name. A name holds either a table or a
 * view, never both.
 */
public final class Catalog implements AutoCloseable {

  /** A view: its SQL text, kept to be expanded at plan time. */
  public record View(String name, String sql) {}

  private final Map<String, QuiverTable> tables = new TreeMap<>();
  private final Map<String, View> views = new TreeMap<>();
  private final Map<String, String> displayNames = new TreeMap<>();

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public synchronized QuiverTable table(String name) {
    return tables.get(key(name));
  }

  public synchronized View view(String name) {
    return views.get(key(name));
  }

  public synchronized boolean contains(String name) {
    String key = key(name);
    return tables.containsKey(key) || views.containsKey(key);
  }

  /** Adds a table; with {@code replace}, a table or view of that name is dropped first. */
  public synchronized void putTable(String name, QuiverTable table, boolean replace) {
    String key = key(name);
    if (!replace && (tables.containsKey(key) || views.containsKey(key))) {
      table.close();
      throw new QuiverException(ErrorKind.PLAN,
          "'" + name + "' already exists; use CREATE OR REPLACE or DROP it first");
    }
    QuiverTable previous = tables.put(key, table);
    views.remove(key);
    displayNames.put(key, name);
    if (previous != null && previous != table) {
      previous.close();
    }
  }

  public synchronized void putView(View view, boolean replace) {
    String key = key(view.name());
    if (!replace && (tables.containsKey(key) || views.containsKey(key))) {
      throw new QuiverException(ErrorKind.PLAN,
          "'" + view.name() + "' already exists; use CREATE OR REPLACE or DROP it first");
    }
    if (tables.containsKey(key)) {
      throw new QuiverException(ErrorKind.PLAN,
          "'" + view.name() + "' is a table; DROP TABLE it before creating a view of that name");
    }
    views.put(key, view);
    displayNames.put(key, view.name());
  }

  /** Drops a table; returns false when there is none of that name. */
  public synchronized boolean dropTable(String name) {
    String key = key(name);
    if (views.containsKey(key)) {
      throw new QuiverException(ErrorKind.PLAN, "'" + name + "' is a view: use DROP VIEW");
    }
    QuiverTable table = tables.remove(key);
    if (table == null) {
      return false;
    }
    displayNames.remove(key);
    table.close();
    return true;
  }

  /** Drops a view; returns false when there is none of that name. */
  public synchronized boolean dropView(String name) {
    String key = key(name);
    if (tables.containsKey(key)) {
      throw new QuiverException(ErrorKind.PLAN, "'" + name + "' is a table: use DROP TABLE");
    }
    if (views.remove(key) == null) {
      return false;
    }
    displayNames.remove(key);
    return true;
  }

  /** Every table and view name as it was created, sorted case-insensitively. */
  public synchronized List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(displayNames.values()));
  }

  public synchronized Map<String, QuiverTable> tables() {
    return Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  public synchronized Map<String, View> views() {
    return Collections.unmodifiableMap(new TreeMap<>(views));
  }

  @Override
  public synchronized void close() {
    for (QuiverTable table : tables.values()) {
      table.close();
    }
    tables.clear();
    views.clear();
    displayNames.clear();
  }
}
