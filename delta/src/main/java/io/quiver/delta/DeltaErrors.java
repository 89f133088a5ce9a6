package io.quiver.delta;

import io.delta.kernel.exceptions.InvalidTableException;
import io.delta.kernel.exceptions.KernelEngineException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.exceptions.UnsupportedProtocolVersionException;
import io.delta.kernel.exceptions.UnsupportedTableFeatureException;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * The boundary between Delta Kernel and Quiver's error contract: whatever Kernel (or the engine
 * pieces it calls) throws becomes a {@link QuiverException} of the right kind. A protocol or
 * feature Kernel does not support is UNSUPPORTED; a missing or unreadable file is IO; a table
 * that is not a Delta table, an invalid log or corrupt JSON is DATA. A QuiverException passes
 * through with its kind.
 */
final class DeltaErrors {
  private DeltaErrors() {}

  static QuiverException translate(Throwable error) {
    if (error instanceof QuiverException quiver) {
      return quiver;
    }
    if (error instanceof UnsupportedProtocolVersionException
        || error instanceof UnsupportedTableFeatureException) {
      return new QuiverException(ErrorKind.UNSUPPORTED, "the table's protocol needs what"
          + " Quiver's Delta reader does not support: " + error.getMessage(), error);
    }
    if (error instanceof TableNotFoundException) {
      return new QuiverException(ErrorKind.DATA, "not a Delta table (no _delta_log with"
          + " commits): " + error.getMessage(), error);
    }
    if (error instanceof InvalidTableException) {
      return new QuiverException(ErrorKind.DATA, "invalid Delta table: " + error.getMessage(),
          error);
    }
    Throwable cause = error;
    while (cause != null) {
      if (cause instanceof QuiverException quiver) {
        return quiver;
      }
      if (cause instanceof FileNotFoundException || cause instanceof NoSuchFileException) {
        return new QuiverException(ErrorKind.IO, "a file of the table is missing: "
            + cause.getMessage(), error);
      }
      if (cause instanceof IOException && !(cause.getClass().getName().contains("Json"))) {
        return new QuiverException(ErrorKind.IO, "reading the table failed: "
            + cause.getMessage(), error);
      }
      if (cause.getCause() == cause) {
        break;
      }
      cause = cause.getCause();
    }
    if (error instanceof KernelEngineException || error instanceof UncheckedIOException) {
      return new QuiverException(ErrorKind.DATA, "the table's log or data cannot be read: "
          + firstLine(error.getMessage()), error);
    }
    return new QuiverException(ErrorKind.DATA, "the Delta log is invalid or corrupt: "
        + error.getClass().getSimpleName() + ": " + firstLine(error.getMessage()), error);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
