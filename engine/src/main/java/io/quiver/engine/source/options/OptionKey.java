package io.quiver.engine.source.options;

import java.util.Objects;

/**
 * One key a file table function accepts in its options JSON.
 *
 * @param name the JSON key
 * @param type its JSON type
 * @param defaultValue the value when absent (Boolean, Long, String, List of String, or null)
 * @param description one line for the README and error messages
 */
public record OptionKey(String name, OptionType type, Object defaultValue, String description) {
  public OptionKey {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
  }
}
