package io.quiver.engine.source.csv;

import io.quiver.engine.source.file.FileFormat;
import io.quiver.engine.source.file.LineCountEstimate;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.text.TextInput;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * CSV files ({@code read_csv}): a streaming, vectorised reader with RFC 4180 quoting, type
 * inference over the first records or a schema given with {@code schema_ipc}, gzip and zstd
 * input. The options are in {@link CsvOptions}; the decisions are written down in the engine
 * README under "CSV options".
 */
public final class CsvFormat implements FileFormat {
  private final int blockSize;
  private final int maxRecordSize;

  public CsvFormat() {
    this(CsvTokenizer.DEFAULT_BLOCK_SIZE, CsvTokenizer.DEFAULT_MAX_RECORD_SIZE);
  }

  /** For tests: a small block makes records cross block boundaries. */
  CsvFormat(int blockSize, int maxRecordSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be positive");
    }
    this.blockSize = blockSize;
    this.maxRecordSize = maxRecordSize;
  }

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public List<String> extensions() {
    return List.of(".csv", ".tsv", ".csv.gz", ".tsv.gz", ".csv.zst", ".tsv.zst");
  }

  @Override
  public List<OptionKey> optionKeys() {
    return CsvOptions.KEYS;
  }

  @Override
  public boolean parsesToGivenSchema() {
    return true;
  }

  @Override
  public long estimatedRows(Path file, ScanOptions options) {
    long lines = LineCountEstimate.of(file);
    return lines > 0 && CsvOptions.from(options).hasHeader() ? lines - 1 : lines;
  }

  @Override
  public Schema schema(Path file, ScanOptions options) {
    CsvOptions csv = CsvOptions.from(options);
    Schema given = options.schema();
    if (given != null) {
      for (Field field : given.getFields()) {
        CsvValueWriter.kindOf(field);
      }
      return given;
    }
    try (CsvTokenizer tokenizer = new CsvTokenizer(TextInput.open(file, csv.compression()), csv,
        blockSize, maxRecordSize)) {
      Schema schema = CsvSchemaInference.infer(tokenizer, csv);
      if (schema.getFields().isEmpty()) {
        throw new QuiverException(ErrorKind.DATA, "file " + file + " is empty: "
            + (csv.hasHeader() ? "it has no header" : "it has no record") + " to take the columns"
            + " from. Remove it from the path, or give the columns with schema_ipc");
      }
      return schema;
    } catch (RuntimeException | Error e) {
      throw QuiverException.wrap(ErrorKind.DATA, null, e);
    }
  }

  @Override
  public TableScan scan(Path file, Schema schema, ScanRequest request, ScanOptions options,
      BufferAllocator allocator) {
    CsvOptions csv = CsvOptions.from(options);
    return new CsvScan(file, schema, request, csv, options.schema() != null, allocator,
        blockSize, maxRecordSize);
  }
}
