package io.quiver.engine.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.quiver.engine.source.file.FileFormat;
import io.quiver.engine.source.file.LineCountEstimate;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.OptionType;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.engine.source.text.BadRowAction;
import io.quiver.engine.source.text.Compression;
import io.quiver.engine.source.text.TextInput;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Newline-delimited JSON ({@code read_json}): one JSON object per line, read with Jackson's
 * streaming parser straight into Arrow vectors; nested objects become Struct and arrays List.
 * The schema is inferred from the first lines or given with {@code schema_ipc}. Options are
 * listed in the engine README under "NDJSON options".
 */
public final class NdjsonFormat implements FileFormat {
  public static final String SCHEMA_INFER_MAX_RECORDS = "schema_infer_max_records";
  public static final String COMPRESSION = "compression";

  /** The keys NDJSON adds to the common file options. */
  public static final List<OptionKey> KEYS = List.of(
      new OptionKey(SCHEMA_INFER_MAX_RECORDS, OptionType.INTEGER, 1000L,
          "how many lines schema inference reads"),
      new OptionKey(COMPRESSION, OptionType.STRING, "auto",
          "auto (by extension: .gz, .zst), none, gzip or zstd"),
      new OptionKey(BadRowAction.KEY, OptionType.STRING, "error",
          "a line that is not a JSON object or holds a value of another type: error, skip or"
              + " null (the whole row NULL)"));

  private final int blockSize;
  private final int maxLineSize;
  private final JsonFactory factory;

  public NdjsonFormat() {
    this(NdjsonLineReader.DEFAULT_BLOCK_SIZE, NdjsonLineReader.DEFAULT_MAX_LINE_SIZE);
  }

  /** For tests: a small block makes lines cross block boundaries. */
  NdjsonFormat(int blockSize, int maxLineSize) {
    this.blockSize = blockSize;
    this.maxLineSize = maxLineSize;
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
        .build();
  }

  @Override
  public String name() {
    return "json";
  }

  @Override
  public List<String> extensions() {
    return List.of(".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz",
        ".json.zst", ".jsonl.zst", ".ndjson.zst");
  }

  @Override
  public List<OptionKey> optionKeys() {
    return KEYS;
  }

  @Override
  public boolean parsesToGivenSchema() {
    return true;
  }

  @Override
  public long estimatedRows(Path file, ScanOptions options) {
    return LineCountEstimate.of(file);
  }

  @Override
  public Schema schema(Path file, ScanOptions options) {
    Schema given = options.schema();
    if (given != null) {
      NdjsonValueWriter.check(given.getFields());
      return given;
    }
    long maxRecords = options.has(SCHEMA_INFER_MAX_RECORDS)
        ? options.getLong(SCHEMA_INFER_MAX_RECORDS) : 1000;
    if (maxRecords < 1) {
      throw new QuiverException(ErrorKind.DATA, "option " + SCHEMA_INFER_MAX_RECORDS
          + " must be at least 1, got " + maxRecords);
    }
    try (NdjsonLineReader lines = new NdjsonLineReader(open(file, options), blockSize,
        maxLineSize)) {
      Schema schema = NdjsonSchemaInference.infer(lines, factory, maxRecords, file.toString());
      if (schema.getFields().isEmpty()) {
        throw new QuiverException(ErrorKind.DATA, "file " + file + " has no JSON object with a"
            + " key to take the columns from. Remove it from the path, or give the columns with"
            + " schema_ipc");
      }
      return schema;
    } catch (RuntimeException | StackOverflowError e) {
      throw QuiverException.wrap(ErrorKind.DATA, null, e);
    }
  }

  private static TextInput open(Path file, ScanOptions options) {
    return TextInput.open(file, Compression.parse(options.getString(COMPRESSION)));
  }

  @Override
  public TableScan scan(Path file, Schema schema, ScanRequest request, ScanOptions options,
      BufferAllocator allocator) {
    Compression compression = Compression.parse(options.getString(COMPRESSION));
    BadRowAction onBadRow = BadRowAction.parse(options.getString(BadRowAction.KEY));
    return new NdjsonScan(file, schema, request, compression, onBadRow, factory, allocator,
        blockSize, maxLineSize);
  }
}
