package io.quiver.bench.source;

import io.quiver.engine.tpch.DuckDbTpchLoader;
import io.quiver.engine.tpch.TpchData;
import io.quiver.engine.tpch.TpchDataSet;
import io.quiver.engine.tpch.TpchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * TPC-H {@code lineitem} as files for the reader benchmarks: {@code lineitem.parquet} (written
 * by DuckDB, SNAPPY) and {@code lineitem.csv} (DuckDB, with a header) in one directory, by
 * default {@value #DEFAULT_DIRECTORY} (SF1), else the system property {@value #PROPERTY}.
 * {@link #write} makes them from the generated TPC-H data (for tests: small scale factors).
 */
public final class TpchFiles {
  /** The system property naming the directory of {@code lineitem.parquet} and {@code .csv}. */
  public static final String PROPERTY = "quiver.bench.tpch.files";
  public static final String DEFAULT_DIRECTORY = "/work/scratch/tpch-sf1";

  /** The statement of target 1 (and, over {@code lineitem_csv}, target 3). */
  public static final String SUM_COUNT = "SELECT sum(l_extendedprice), count(*) FROM lineitem";
  public static final String SUM_COUNT_CSV =
      "SELECT sum(l_extendedprice), count(*) FROM lineitem_csv";

  private TpchFiles() {}

  /** The directory named by {@value #PROPERTY}, or the default. */
  public static Path directory() {
    return Path.of(System.getProperty(PROPERTY, DEFAULT_DIRECTORY));
  }

  public static Path parquet(Path directory) {
    return directory.resolve("lineitem.parquet");
  }

  public static Path csv(Path directory) {
    return directory.resolve("lineitem.csv");
  }

  /** TPC-H Q1 or Q6 (validation parameters) as the benchmarks run it. */
  public static String query(int number) {
    return TpchQueries.query(number).sql();
  }

  /** Registers the views {@code lineitem} (Parquet) and {@code lineitem_csv} in {@code runner}. */
  public static void register(QueryRunner runner, Path directory) {
    requireFile(parquet(directory));
    requireFile(csv(directory));
    runner.registerFile("lineitem", "parquet", parquet(directory).toString());
    runner.registerFile("lineitem_csv", "csv", csv(directory).toString());
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: write it (TpchFiles.write, or DuckDB's"
          + " COPY lineitem TO ... (FORMAT parquet, COMPRESSION snappy) / (FORMAT csv, HEADER))"
          + " or point -D" + PROPERTY + " at a directory that has it");
    }
  }

  /**
   * Generates TPC-H at {@code scaleFactor} and writes {@code lineitem.parquet} and
   * {@code lineitem.csv} into {@code directory} with DuckDB.
   */
  public static void write(Path directory, double scaleFactor) {
    try (BufferAllocator allocator = new RootAllocator();
        TpchDataSet data = TpchData.generate(scaleFactor, allocator);
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      DuckDbTpchLoader.load(connection, "lineitem", data.batches("lineitem"));
      statement.execute("COPY lineitem TO '" + sqlPath(parquet(directory))
          + "' (FORMAT parquet, COMPRESSION snappy)");
      statement.execute("COPY lineitem TO '" + sqlPath(csv(directory))
          + "' (FORMAT csv, HEADER true)");
    } catch (SQLException e) {
      throw new IllegalStateException("writing TPC-H files with DuckDB failed", e);
    }
  }

  static String sqlPath(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }
}
