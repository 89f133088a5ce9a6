package io.quiver.engine.source.parquet;

import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code read_parquet(path)}: one Parquet file as a table, through {@link ParquetFormat}. A
 * stop-gap until the file table-function framework (globs, options payload, access policy)
 * registers {@code read_parquet} for every format; then this class goes away.
 */
public final class ReadParquetTableFunction implements TableFunction {
  private static final Signature SIGNATURE = Signature.of(ReturnType.TABLE,
      ArgumentType.exact(Types.VARCHAR));
  private static final ParquetFormat FORMAT = new ParquetFormat();

  @Override
  public String name() {
    return "read_parquet";
  }

  @Override
  public Signature signature() {
    return SIGNATURE;
  }

  @Override
  public String description() {
    return "a Parquet file (pure-Java reader; row groups skipped by statistics)";
  }

  @Override
  public TableSource open(TableArguments arguments) {
    Object path = arguments.values().get(0);
    if (!(path instanceof String text)) {
      throw new QuiverException(ErrorKind.PLAN, "read_parquet needs a path string, got " + path)
          .withContext("read_parquet(path VARCHAR)");
    }
    String context = "read_parquet('" + text + "')";
    Path file = Path.of(text);
    if (!Files.isRegularFile(file)) {
      throw new QuiverException(ErrorKind.IO, "file not found: " + file.toAbsolutePath()
          + " (paths are relative to the working directory)").withContext(context);
    }
    ScanOptions options = new ScanOptions(Map.of(ParquetFormat.PRUNING, Boolean.TRUE,
        ParquetFormat.BATCH_SIZE, 0L), null);
    Schema schema;
    long rows;
    try {
      schema = FORMAT.schema(file, options);
      rows = FORMAT.rowCount(file);
    } catch (QuiverException e) {
      throw e.withContext(context);
    }
    return new TableSource() {
      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public long estimatedRowCount() {
        return rows;
      }

      @Override
      public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
        return scan(ScanRequest.of(projection, batchSize), allocator);
      }

      @Override
      public TableScan scan(ScanRequest request, BufferAllocator allocator) {
        try {
          return FORMAT.scan(file, schema, request, options, allocator);
        } catch (QuiverException e) {
          throw e.withContext(context);
        }
      }
    };
  }
}
