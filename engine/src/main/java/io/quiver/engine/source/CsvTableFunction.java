package io.quiver.engine.source;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.Types;

/**
 * {@code read_csv(path)}, written on the public table-function API: a CSV file with a header line, comma-separated, RFC 4180 quoting;
 * column types are inferred from a sample of rows (VARCHAR when unsure). The full options
 * payload arrives with the file-sources work; this is the basic form.
 */
public final class CsvTableFunction implements TableFunction {
  private static final Signature SIGNATURE = Signature.of(ReturnType.TABLE,
      ArgumentType.exact(Types.VARCHAR));

  @Override
  public String name() {
    return "read_csv";
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  @Override
  public String description() {
    return "a CSV file with a header line; column types inferred from a sample";
  }

  @Override
  public TableSource open(TableArguments arguments) {
    Object path = arguments.values().get(0);
    if (!(path instanceof String text)) {
      throw new QuiverException(ErrorKind.PLAN, "read_csv needs a path string, got " + path)
          .withContext("read_csv(path VARCHAR)");
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
