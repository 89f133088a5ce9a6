package io.quiver.engine.tpch;

import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Generates TPC-H data in-process (the {@code io.trino.tpch} port of dbgen) straight into Arrow
 * batches with the types of {@link TpchSchema}, and writes it as CSV.
 *
 * <pre>{@code
 * try (TpchDataSet data = TpchData.generate(0.01, allocator)) {
 *   data.registerIn(session);
 * }
 * }</pre>
 */
public final class TpchData {
  /** Rows per generated batch unless told otherwise. */
  public static final int DEFAULT_BATCH_ROWS = 65_536;

  private TpchData() {}

  /** All eight tables at {@code scaleFactor}, in batches of {@link #DEFAULT_BATCH_ROWS}. */
  public static TpchDataSet generate(double scaleFactor, BufferAllocator allocator) {
    return generate(scaleFactor, DEFAULT_BATCH_ROWS, allocator);
  }

  /** All eight tables at {@code scaleFactor}, in batches of {@code batchRows} rows. */
  public static TpchDataSet generate(double scaleFactor, int batchRows,
      BufferAllocator allocator) {
    Map<String, List<VectorSchemaRoot>> tables = new LinkedHashMap<>();
    try {
      for (TpchTable<?> table : TpchSchema.tables()) {
        tables.put(table.getTableName(), generate(table, scaleFactor, batchRows, allocator));
      }
    } catch (RuntimeException e) {
      new TpchDataSet(scaleFactor, tables).close();
      throw e;
    }
    return new TpchDataSet(scaleFactor, tables);
  }

  /** One table as a list of batches the caller owns (and closes). */
  public static List<VectorSchemaRoot> generate(TpchTable<?> table, double scaleFactor,
      int batchRows, BufferAllocator allocator) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try (TpchTableReader reader = new TpchTableReader(table, scaleFactor, batchRows, allocator)) {
      VectorSchemaRoot source = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        VectorSchemaRoot batch = VectorSchemaRoot.create(source.getSchema(), allocator);
        batches.add(batch);
        List<FieldVector> from = source.getFieldVectors();
        for (int i = 0; i < from.size(); i++) {
          // Ownership of the buffers moves to the new batch; the reader allocates anew.
          from.get(i).makeTransferPair(batch.getVector(i)).transfer();
        }
        batch.setRowCount(source.getRowCount());
      }
      if (batches.isEmpty()) {
        batches.add(VectorSchemaRoot.create(source.getSchema(), allocator));
      }
    } catch (IOException e) {
      batches.forEach(VectorSchemaRoot::close);
      throw new UncheckedIOException("generating TPC-H table " + table.getTableName(), e);
    } catch (RuntimeException e) {
      batches.forEach(VectorSchemaRoot::close);
      throw e;
    }
    return batches;
  }

  /**
   * Writes every table of {@code data} as {@code <table>.csv} into {@code directory} (created
   * if missing): a header line, then one line per row, comma-separated with RFC 4180 quoting.
   */
  public static void writeCsv(TpchDataSet data, Path directory) {
    try {
      Files.createDirectories(directory);
      for (String table : data.tableNames()) {
        try (Writer out = Files.newBufferedWriter(directory.resolve(table + ".csv"),
            StandardCharsets.UTF_8)) {
          TpchCsvWriter.write(data.batches(table), out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing TPC-H CSV files to " + directory, e);
    }
  }
}
