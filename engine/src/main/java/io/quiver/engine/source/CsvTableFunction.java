package io.quiver.engine.source;

import io.quiver.engine.catalog.QuiverTable;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code read_csv(path)}: a CSV file with a header line, comma-separated, RFC 4180 quoting;
 * column types are inferred from a sample of rows (VARCHAR when unsure). The full options
 * payload arrives with the file-sources work; this is the basic form.
 */
public final class CsvTableFunction implements TableFunction {
  @Override
  public String name() {
    return "read_csv";
  }

  @Override
  public String signature() {
    return "read_csv(path VARCHAR)";
  }

  @Override
  public int minArguments() {
    return 1;
  }

  @Override
  public int maxArguments() {
    return 1;
  }

  @Override
  public QuiverTable open(List<Object> arguments) {
    Object path = arguments.get(0);
    if (!(path instanceof String text)) {
      throw new QuiverException(ErrorKind.PLAN, "read_csv needs a path string, got " + path)
          .withContext(signature());
    }
    Path file = Path.of(text);
    if (!Files.isRegularFile(file)) {
      throw new QuiverException(ErrorKind.IO, "file not found: " + file.toAbsolutePath()
          + " (paths are relative to the working directory)").withContext("read_csv('" + text
          + "')");
    }
    return CsvTable.open(file);
  }
}
