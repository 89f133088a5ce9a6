package io.quiver.bench.delta;

import io.quiver.bench.source.TpchFiles;
import io.quiver.delta.DeltaFunctions;
import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code delta_scan} against {@code read_parquet} on the same Parquet file in one run
 * ({@code @Param source}): {@code SELECT l_returnflag, sum(l_quantity) FROM <source> GROUP BY 1}
 * over TPC-H {@code lineitem}, read through a Delta table of one data file
 * ({@link DeltaLineitemTable}) or directly. The Parquet file is {@code @Param parquet}; its
 * default {@code property} takes the system property {@value #PARQUET_PROPERTY}, else
 * {@code bench/data/sf1/parquet/lineitem.parquet} (the TPC-H runner's file cache) when it
 * exists, else {@code lineitem.parquet} in {@link TpchFiles#directory()}. The Delta table is
 * built once into {@code @Param table} (default {@code property}: the system property
 * {@value #TABLE_PROPERTY}, else {@value #DEFAULT_TABLE} under the working directory's
 * {@code bench/data} or {@code data}). Target: Delta at most 1.2 x Parquet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class DeltaScanBenchmark {
  public static final String PARQUET_PROPERTY = "quiver.bench.delta.parquet";
  public static final String TABLE_PROPERTY = "quiver.bench.delta.table";
  public static final String DEFAULT_TABLE = "delta/lineitem-sf1";

  @Param({"delta", "parquet"})
  public String source;

  @Param("8192")
  public int batchSize;

  /** The lineitem Parquet file, or {@code property}. */
  @Param("property")
  public String parquet;

  /** The folder of the Delta table built over it, or {@code property}. */
  @Param("property")
  public String table;

  private QuiverSession session;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() {
    Path file = "property".equals(parquet) ? defaultParquet() : Path.of(parquet);
    Path folder = DeltaLineitemTable.ensure(file,
        "property".equals(table) ? defaultTable() : Path.of(table));
    String from = "delta".equals(source)
        ? "delta_scan('" + DeltaLineitemTable.sql(folder) + "')"
        : "read_parquet('" + DeltaLineitemTable.sql(
            folder.resolve(DeltaLineitemTable.DATA_FILE)) + "')";
    if (!"delta".equals(source) && !"parquet".equals(source)) {
      throw new IllegalArgumentException("unknown source " + source + " (delta or parquet)");
    }
    sql = "SELECT l_returnflag, sum(l_quantity) FROM " + from + " GROUP BY 1";
    session = QuiverSession.builder().batchSize(batchSize).build();
    DeltaFunctions.register(session);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public long groupBySum() {
    long hash = 0;
    for (List<Object> row : rows()) {
      hash = hash * 31 + row.hashCode();
    }
    return hash;
  }

  /** The statement's rows (values as Arrow's getObject gives them), for the test. */
  List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    try (QueryResult result = session.sql(sql)) {
      VectorSchemaRoot root = result.getVectorSchemaRoot();
      while (result.loadNextBatch()) {
        for (int row = 0; row < root.getRowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            Object value = vector.getObject(row);
            values.add(value == null ? null : value.toString());
          }
          rows.add(values);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  QuiverSession session() {
    return session;
  }

  static Path defaultParquet() {
    String property = System.getProperty(PARQUET_PROPERTY);
    if (property != null) {
      return Path.of(property);
    }
    Path cache = dataDirectory().resolve("sf1/parquet/lineitem.parquet");
    return Files.isRegularFile(cache) ? cache : TpchFiles.parquet(TpchFiles.directory());
  }

  static Path defaultTable() {
    String property = System.getProperty(TABLE_PROPERTY);
    return property != null ? Path.of(property) : dataDirectory().resolve(DEFAULT_TABLE);
  }

  /** {@code bench/data} from the repository root, or {@code data} from {@code bench/}. */
  static Path dataDirectory() {
    return Files.isDirectory(Path.of("bench")) ? Path.of("bench", "data") : Path.of("data");
  }
}
