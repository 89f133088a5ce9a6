package io.quiver.engine.plugin;

import io.quiver.udf.error.ErrorKind;
import java.util.Objects;

/**
 * One export of a plugin that the host left out, and why. The plugin's other exports are not
 * affected.
 *
 * @param export what was dropped, for example {@code functions()}, {@code function #2
 *     'my_upper'} or {@code table 'events'}
 * @param kind {@link ErrorKind#PLUGIN}, or {@link ErrorKind#RESOURCE} when it ran out of memory
 * @param reason what went wrong, written for the plugin's author
 * @param cause what the plugin threw, or null when the export was refused for its content (an
 *     invalid name, a duplicate)
 */
public record DroppedExport(String export, ErrorKind kind, String reason, Throwable cause) {

  public DroppedExport {
    Objects.requireNonNull(export, "export is null");
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(reason, "reason is null");
  }

  /** {@code export: reason}. */
  @Override
  public String toString() {
    return export + ": " + reason;
  }
}
