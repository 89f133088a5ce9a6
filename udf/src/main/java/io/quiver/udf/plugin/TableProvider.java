package io.quiver.udf.plugin;

import io.quiver.udf.function.TableSource;

/** A named table a plugin exports; the host registers it in the session's catalog. */
public interface TableProvider {

  String tableName();

  /** Opens the table; called once when the plugin loads, closed with the session. */
  TableSource open();
}
