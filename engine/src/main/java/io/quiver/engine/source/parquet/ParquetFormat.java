package io.quiver.engine.source.parquet;

import io.quiver.engine.source.file.FileFormat;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.OptionType;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Parquet as a {@link FileFormat}: a pure-Java reader (no Hadoop, no native code) with its own
 * footer and page reader on parquet-format-structures and its own vectorised decoders.
 * Options: {@code parquet_pruning} (skip row groups by statistics and pages by the page
 * index, default true),
 * {@code batch_size} (rows per batch, 0 = the session's) and {@code skip_metadata} (default
 * true, the only supported value: the footer's embedded metadata is not read).
 */
public final class ParquetFormat implements FileFormat {
  public static final String PRUNING = "parquet_pruning";
  public static final String BATCH_SIZE = "batch_size";
  public static final String SKIP_METADATA = "skip_metadata";

  private static final List<OptionKey> OPTIONS = List.of(
      new OptionKey(PRUNING, OptionType.BOOLEAN, Boolean.TRUE,
          "skip row groups whose min/max/null-count statistics, and pages whose page index,"
              + " rule out the query's filters"),
      new OptionKey(BATCH_SIZE, OptionType.INTEGER, 0L,
          "rows per batch; 0 uses the session's batch size"),
      new OptionKey(SKIP_METADATA, OptionType.BOOLEAN, Boolean.TRUE,
          "ignore the Arrow schema and key-value metadata writers embed in the footer; types"
              + " come from the Parquet schema (false is not supported)"));

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public List<String> extensions() {
    return List.of(".parquet");
  }

  @Override
  public List<OptionKey> optionKeys() {
    return OPTIONS;
  }

  /**
   * The footer's schema (the types the file stores). A schema given with {@code schema_ipc}
   * becomes the table's, and the file table converts columns of another type to it.
   */
  @Override
  public Schema schema(Path file, ScanOptions options) {
    checkSkipMetadata(options);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return ParquetFooter.read(channel).schema();
    } catch (Throwable e) {
      throw failure(e, file);
    }
  }

  /** The row count the footer states, without reading any page. */
  @Override
  public long estimatedRows(Path file, ScanOptions options) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return Math.max(-1, ParquetFooter.read(channel).metadata().getNum_rows());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  @Override
  public TableScan scan(Path file, Schema schema, ScanRequest request, ScanOptions options,
      BufferAllocator allocator) {
    boolean pruning = options == null || !options.has(PRUNING) || options.getBoolean(PRUNING);
    long batch = options != null && options.has(BATCH_SIZE) ? options.getLong(BATCH_SIZE) : 0;
    int batchSize = batch > 0 ? (int) Math.min(batch, 1 << 20) : request.batchSize();
    try {
      return new ParquetTableScan(file, schema, request, pruning, batchSize, allocator);
    } catch (Throwable e) {
      throw failure(e, file);
    }
  }

  /**
   * Quiver reads types from the Parquet schema only; the embedded Arrow schema
   * ({@code ARROW:schema}) and other key-value metadata never reach the table's schema, so
   * {@code skip_metadata=false} cannot be honoured and says so instead of being ignored.
   */
  private static void checkSkipMetadata(ScanOptions options) {
    if (options != null && options.has(SKIP_METADATA) && !options.getBoolean(SKIP_METADATA)) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "option skip_metadata=false is not"
          + " supported: Quiver takes column types from the Parquet schema and does not carry"
          + " the footer's key-value metadata (ARROW:schema and others) into the table's"
          + " schema. Remove the option (true is the default)");
    }
  }

  private static QuiverException failure(Throwable error, Path file) {
    if (error instanceof QuiverException quiver) {
      return quiver.withContext("file " + file);
    }
    if (error instanceof NoSuchFileException) {
      return new QuiverException(ErrorKind.IO, "file not found: " + file.toAbsolutePath()
          + " (paths are relative to the working directory)", error);
    }
    if (error instanceof IOException) {
      return new QuiverException(ErrorKind.IO, "cannot read " + file + ": " + error,
          error).withContext("file " + file);
    }
    return QuiverException.wrap(ErrorKind.DATA, "file " + file, error);
  }
}
