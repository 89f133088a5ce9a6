package io.quiver.engine.slt;

/** {@code statement ok}: the statement must run without error (any rows it returns are read). */
public record StatementRecord(int line, String sql) implements SqlLogicRecord {
  @Override
  public String header() {
    return "statement ok";
  }
}
