package io.quiver.engine.cli;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** SQL the CLI was asked to run: the text of a {@code -c} option or a {@code -f} file. */
record ScriptSource(boolean isFile, String value) {

  static ScriptSource command(String sql) {
    return new ScriptSource(false, sql);
  }

  static ScriptSource file(String path) {
    return new ScriptSource(true, path);
  }

  /** The SQL text (reads the file, as UTF-8). */
  String load() {
    if (!isFile) {
      return value;
    }
    Path path = Path.of(value);
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new QuiverException(ErrorKind.IO, "script file '" + value + "' does not exist"
          + " (relative paths start at " + Path.of("").toAbsolutePath() + ")", e);
    } catch (IOException | RuntimeException e) {
      throw new QuiverException(ErrorKind.IO, "cannot read script file '" + value + "': "
          + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Context for errors: the file name, or nothing for {@code -c}. */
  String context() {
    return isFile ? "script " + value : null;
  }
}
