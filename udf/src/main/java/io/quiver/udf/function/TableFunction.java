package io.quiver.udf.function;

/**
 * A function called in FROM that yields a table: {@code name(arguments... [, options_json])}.
 * Its arguments are constants, so the table's schema is known when planning. One call past
 * the signature's arguments, if given, is the options JSON text ({@link TableArguments#options}).
 */
public interface TableFunction extends FunctionDefinition {

  /**
   * Opens the table at plan time. The host closes the returned source when the statement's
   * result is closed.
   */
  TableSource open(TableArguments arguments);

  @Override
  default FunctionKind kind() {
    return FunctionKind.TABLE;
  }
}
