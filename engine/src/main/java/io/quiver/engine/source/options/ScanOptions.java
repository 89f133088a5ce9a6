package io.quiver.engine.source.options;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The validated options of one file table function call: every known key with its value or
 * default. Built by the options parser, which rejects unknown keys and wrong types with DATA
 * errors; the getters therefore never fail for a key the format declared.
 */
public final class ScanOptions {
  private final Map<String, Object> values;
  private final Schema schema;

  /**
   * @param values every declared key to its value (the default when absent)
   * @param schema the decoded {@code schema_ipc}, or null when none was given
   */
  public ScanOptions(Map<String, Object> values, Schema schema) {
    this.values = Map.copyOf(values);
    this.schema = schema;
  }

  public boolean getBoolean(String key) {
    return (Boolean) require(key);
  }

  public long getLong(String key) {
    return (Long) require(key);
  }

  /** A string option; null when its default is null and it was not given. */
  public String getString(String key) {
    return (String) values.get(key);
  }

  @SuppressWarnings("unchecked")
  public List<String> getStringList(String key) {
    Object value = values.get(key);
    return value == null ? List.of() : (List<String>) value;
  }

  /** Whether the key was declared (given or defaulted) and is not null. */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** The schema given with {@code schema_ipc}, or null: then the format infers one. */
  public Schema schema() {
    return schema;
  }

  private Object require(String key) {
    Object value = values.get(key);
    return Objects.requireNonNull(value, () -> "option " + key + " has no value or default");
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
