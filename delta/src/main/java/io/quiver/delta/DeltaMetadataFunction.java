package io.quiver.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.quiver.delta.kernel.QuiverKernelEngine;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ArgumentType;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TableSources;
import io.quiver.udf.function.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What the Delta metadata table functions ({@code delta_history}, {@code delta_snapshot},
 * {@code delta_files}) share: the call {@code name(table_uri [, options_json])}, loading the
 * snapshot when the query is planned (in a child allocator of the session's, closed as soon as
 * the log is read), and errors as QuiverExceptions whose context names the call and the version.
 * The log is read once, into Java values; the result is a small in-memory table
 * ({@link TableSources#ofRows}) that each scan writes into Arrow vectors in the scan's allocator.
 */
abstract class DeltaMetadataFunction implements TableFunction {
  private static final Signature SIGNATURE = Signature.of(ReturnType.TABLE,
      ArgumentType.exact(Types.VARCHAR));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final boolean takesOptions;
  private final Supplier<BufferAllocator> parentAllocator;
  private final int batchSize;

  /**
   * @param name the function's name
   * @param takesOptions whether the options of {@link DeltaScanOptions} ({@code version},
   *     {@code timestamp}) select the snapshot; else any options are an error
   * @param parentAllocator the allocator snapshot loading allocates under (the session's)
   * @param batchSize rows per Parquet batch when reading the log's checkpoints
   */
  DeltaMetadataFunction(String name, boolean takesOptions,
      Supplier<BufferAllocator> parentAllocator, int batchSize) {
    this.name = name;
    this.takesOptions = takesOptions;
    this.parentAllocator = Objects.requireNonNull(parentAllocator, "parentAllocator is null");
    this.batchSize = batchSize;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Signature signature() {
    return SIGNATURE;
  }

  /** The columns of the result. */
  abstract Schema schema();

  /** The result's rows (Java values in schema order) for {@code snapshot}. */
  abstract List<List<Object>> rows(DeltaTable table, Snapshot snapshot, Engine engine);

  @Override
  public final TableSource open(TableArguments arguments) {
    Object uri = arguments.values().get(0);
    String call = name + "(" + (uri instanceof String text ? "'" + text + "'" : "NULL") + ")";
    DeltaScanOptions options = DeltaScanOptions.latest();
    try {
      if (!takesOptions && arguments.options() != null && !arguments.options().isBlank()) {
        throw new QuiverException(ErrorKind.DATA, name + " takes no options: it lists every"
            + " commit of the table; got " + arguments.options());
      }
      options = DeltaScanOptions.parse(arguments.options());
      if (!(uri instanceof String text) || text.isBlank()) {
        throw new QuiverException(ErrorKind.DATA, name + " needs a table URI, got "
            + (uri == null ? "NULL" : "'" + uri + "'"));
      }
      DeltaTable table = DeltaTable.at(text);
      List<List<Object>> rows = load(table, options);
      return TableSources.ofRows(schema(), rows);
    } catch (RuntimeException e) {
      QuiverException error = DeltaErrors.translate(e);
      if (error != e) {
        error = QuiverException.wrap(ErrorKind.DATA, null, error);
      }
      throw error.withContext(options.describe()).withContext(call);
    }
  }

  /** Loads the snapshot and computes the rows with a short-lived engine and allocator. */
  private List<List<Object>> load(DeltaTable table, DeltaScanOptions options) {
    BufferAllocator allocator = parentAllocator.get().newChildAllocator(name + " snapshot", 0,
        Long.MAX_VALUE);
    try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, batchSize)) {
      Snapshot snapshot = table.snapshot(engine, options);
      return rows(table, snapshot, engine);
    } finally {
      allocator.close();
    }
  }

  /** A nullable column. */
  static Field column(String name, ArrowType type) {
    return new Field(name, FieldType.nullable(type), null);
  }

  /** A TIMESTAMP value (UTC wall-clock time) of milliseconds since the epoch. */
  static LocalDateTime timestamp(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }

  /** A value (map, list, text, null) as JSON text; null stays null. */
  static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new QuiverException(ErrorKind.INTERNAL, "writing metadata as JSON failed (a bug): "
          + e.getOriginalMessage(), e);
    }
  }
}
