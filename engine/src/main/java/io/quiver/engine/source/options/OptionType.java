package io.quiver.engine.source.options;

/** The JSON type an option key takes. */
public enum OptionType {
  BOOLEAN,
  /** A whole number. */
  INTEGER,
  STRING,
  /** A JSON array of strings. */
  STRING_LIST,
  /** An Arrow IPC schema: a JSON array of bytes or a hex/base64 string. */
  SCHEMA_IPC
}
