package io.quiver.engine.source.file;

import io.quiver.engine.source.options.CommonOptions;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The files of one file table function call as a table: the data columns (the given
 * {@code schema_ipc}, else the first file's schema, or every file's unified by name), then the
 * partition columns, then {@code filename} when asked for. Immutable after opening, except for
 * a cache of the files' schemas.
 */
final class FileTable implements TableSource {
  private final String call;
  private final FileFormat format;
  private final ScanOptions options;
  private final List<Path> files;
  private final Schema dataSchema;
  private final HivePartitions partitions;
  private final Schema schema;
  private final Map<Path, Schema> fileSchemas = new HashMap<>();
  /** The estimate once computed; {@code Long.MIN_VALUE} before. */
  private long estimatedRows = Long.MIN_VALUE;

  private FileTable(String call, FileFormat format, ScanOptions options, List<Path> files,
      HivePartitions partitions) {
    this.call = call;
    this.format = format;
    this.options = options;
    this.files = List.copyOf(files);
    this.partitions = partitions;
    this.dataSchema = inferDataSchema();
    List<Field> fields = new ArrayList<>(dataSchema.getFields());
    for (Field partition : partitions.fields()) {
      checkUnique(fields, partition.getName(), "partition column");
      fields.add(partition);
    }
    if (options.getBoolean(CommonOptions.FILENAME)) {
      checkUnique(fields, CommonOptions.FILENAME_COLUMN, "filename column");
      fields.add(new Field(CommonOptions.FILENAME_COLUMN,
          FieldType.notNullable(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE),
          null));
    }
    this.schema = new Schema(fields);
  }

  /** Opens the table of {@code files} (resolved, allowed, non-empty). */
  static FileTable open(String call, FileFormat format, ScanOptions options, List<Path> files) {
    HivePartitions partitions = HivePartitions.of(
        options.getStringList(CommonOptions.TABLE_PARTITION_COLS), files);
    return new FileTable(call, format, options, files, partitions);
  }

  private Schema inferDataSchema() {
    if (options.schema() != null) {
      return options.schema();
    }
    if (!options.getBoolean(CommonOptions.UNION_BY_NAME)) {
      return schemaOf(files.get(0));
    }
    List<Schema> schemas = new ArrayList<>();
    for (Path file : files) {
      schemas.add(schemaOf(file));
    }
    return SchemaUnion.unify(files, schemas);
  }

  private static void checkUnique(List<Field> fields, String name, String what) {
    for (Field field : fields) {
      if (field.getName().equalsIgnoreCase(name)) {
        throw new QuiverException(ErrorKind.DATA, "the " + what + " " + name
            + " has the name of a column of the files; rename one of them");
      }
    }
  }

  /**
   * The schema {@code file} is read with: the given one for a format that parses to it, else
   * the format's for the file (the types it stores).
   */
  Schema schemaOf(Path file) {
    if (options.schema() != null && format.parsesToGivenSchema()) {
      return options.schema();
    }
    Schema known = fileSchemas.get(file);
    if (known == null) {
      try {
        known = format.schema(file, options);
      } catch (RuntimeException e) {
        throw QuiverException.wrap(ErrorKind.DATA, "file " + file, e);
      }
      fileSchemas.put(file, known);
    }
    return known;
  }

  String call() {
    return call;
  }

  FileFormat format() {
    return format;
  }

  ScanOptions options() {
    return options;
  }

  List<Path> files() {
    return files;
  }

  Schema dataSchema() {
    return dataSchema;
  }

  HivePartitions partitions() {
    return partitions;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * The files' rows as their format estimates them (a Parquet footer's count, a text file's
   * sampled lines), capped by the {@code limit} option; -1 when any file's is unknown. With
   * many files the first {@value #ESTIMATE_SAMPLE_FILES} are asked and the rest extrapolated.
   */
  @Override
  public synchronized long estimatedRowCount() {
    if (estimatedRows == Long.MIN_VALUE) {
      estimatedRows = estimateRows();
    }
    return estimatedRows;
  }

  private static final int ESTIMATE_SAMPLE_FILES = 32;

  private long estimateRows() {
    int sampled = Math.min(files.size(), ESTIMATE_SAMPLE_FILES);
    long rows = 0;
    for (int i = 0; i < sampled; i++) {
      long fileRows = format.estimatedRows(files.get(i), options);
      if (fileRows < 0) {
        return -1;
      }
      rows += fileRows;
    }
    if (sampled < files.size()) {
      rows = Math.round((double) rows * files.size() / sampled);
    }
    long limit = options.getLong(CommonOptions.LIMIT);
    return limit >= 0 ? Math.min(rows, limit) : rows;
  }

  @Override
  public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
    return scan(ScanRequest.of(projection, batchSize), allocator);
  }

  @Override
  public TableScan scan(ScanRequest request, BufferAllocator allocator) {
    long limit = request.limit();
    long optionLimit = options.getLong(CommonOptions.LIMIT);
    if (optionLimit >= 0 && (limit < 0 || optionLimit < limit)) {
      limit = optionLimit;
    }
    return new FileTableScan(this, request, limit, allocator);
  }
}
