package io.quiver.engine.source.file;

import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One file format (Parquet, CSV, NDJSON, Arrow IPC) as the file table functions use it: the
 * options it adds to the common ones, a file's schema, and a streaming scan of one file. The
 * shared part (paths, globs, partitions, the file-access policy, the options payload, several
 * files in one table) is done once for every format by the file table function.
 */
public interface FileFormat {

  /** The table function's format name, e.g. {@code parquet} for {@code read_parquet}. */
  String name();

  /** File name endings a directory or glob listing keeps by default, e.g. {@code .parquet}. */
  List<String> extensions();

  /** The options this format accepts besides the common ones. */
  List<OptionKey> optionKeys();

  /**
   * The schema of {@code file}: from its footer or header, or inferred from a sample, or (for
   * a format that {@link #parsesToGivenSchema() parses to a given schema}) the one given in
   * the options ({@link ScanOptions#schema()}). Errors are QuiverExceptions (IO, DATA,
   * UNSUPPORTED) naming the file.
   */
  Schema schema(Path file, ScanOptions options);

  /**
   * Whether the scan parses text straight into a schema given with {@code schema_ipc} (CSV,
   * NDJSON). A typed format (Parquet, Arrow IPC) returns false: it reads the types the file
   * stores, and the file table converts columns whose type differs from the table's with a
   * SQL {@code CAST}.
   */
  default boolean parsesToGivenSchema() {
    return false;
  }

  /**
   * The rows of {@code file}, exact or estimated, for join ordering, or -1 when unknown; cheap
   * (a footer or a sample, never the whole file) and never failing: an error is -1.
   */
  default long estimatedRows(Path file, ScanOptions options) {
    return -1;
  }

  /**
   * Streams {@code file}'s rows as batches of {@code request}'s projection (indexes into
   * {@code schema}, which is what {@link #schema} returned or the table's unified schema); the
   * predicates and limit are hints. Memory stays bounded (one row group, one batch), never the
   * file size.
   */
  TableScan scan(Path file, Schema schema, ScanRequest request, ScanOptions options,
      BufferAllocator allocator);
}
