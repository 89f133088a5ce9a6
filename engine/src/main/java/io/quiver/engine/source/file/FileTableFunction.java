package io.quiver.engine.source.file;

import io.quiver.engine.source.options.CommonOptions;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.options.ScanOptionsParser;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.Types;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code read_<format>(path [, options_json])} for one {@link FileFormat}: parses the options,
 * applies the session's {@link FileAccessPolicy}, resolves the {@link FileSet}, and opens a
 * {@link FileTable}. Registering a format is one line in the built-in functions:
 * {@code functions.add(new FileTableFunction(new ArrowIpcFormat()))}.
 */
public final class FileTableFunction implements TableFunction {
  private static final Logger LOG = LoggerFactory.getLogger(FileTableFunction.class);
  private static final Signature SIGNATURE = Signature.of(ReturnType.TABLE,
      ArgumentType.exact(Types.VARCHAR));

  private final FileFormat format;
  private final ScanOptionsParser parser;

  public FileTableFunction(FileFormat format) {
    this.format = Objects.requireNonNull(format, "format is null");
    this.parser = new ScanOptionsParser(format.optionKeys());
  }

  @Override
  public String name() {
    return "read_" + format.name();
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  @Override
  public String description() {
    return format.name() + " files: read_" + format.name() + "(path [, options_json]); path is"
        + " a file, a directory, a glob or a JSON array of paths";
  }

  /** The format this function reads. */
  public FileFormat format() {
    return format;
  }

  /** Every option key this function accepts, common ones first. */
  public List<io.quiver.engine.source.options.OptionKey> optionKeys() {
    return parser.keys();
  }

  @Override
  public TableSource open(TableArguments arguments) {
    Object path = arguments.values().get(0);
    String call = name() + "(" + (path instanceof String text ? "'" + text + "'" : "NULL") + ")";
    try {
      FileAccessPolicy policy = FileAccessPolicy.fromSessionOptions(arguments.sessionOptions());
      policy.checkEnabled(name());
      if (!(path instanceof String text)) {
        throw new QuiverException(ErrorKind.DATA, name() + " needs a path: a file, a directory,"
            + " a glob or a JSON array of paths, got NULL");
      }
      ScanOptions options = parser.parse(arguments.options());
      String extension = options.getString(CommonOptions.FILE_EXTENSION);
      List<String> extensions = extension == null ? format.extensions() : List.of(extension);
      List<Path> files = FileSet.resolve(text, extensions, policy);
      LOG.debug("{} reads {} file(s)", call, files.size());
      return FileTable.open(call, format, options, files);
    } catch (RuntimeException e) {
      throw QuiverException.wrap(ErrorKind.DATA, call, e);
    }
  }
}
