package io.quiver.engine.slt;

import java.util.List;

/**
 * A parsed SQL logic test file: its name (relative path, for messages), its lines as read (kept
 * for rewriting expected output in place) and its records in file order.
 */
public record SqlLogicFile(String name, List<String> lines, List<SqlLogicRecord> records) {
  public SqlLogicFile {
    lines = List.copyOf(lines);
    records = List.copyOf(records);
  }
}
