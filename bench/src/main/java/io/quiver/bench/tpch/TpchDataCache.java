package io.quiver.bench.tpch;

import io.quiver.engine.tpch.TpchData;
import io.quiver.engine.tpch.TpchSchema;
import io.quiver.engine.tpch.TpchTableReader;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * TPC-H data generated once per scale factor into Arrow IPC files ({@code <dir>/sf<N>/<table>.arrow},
 * 64k-row batches, {@code TpchSchema} types), so later runs load it at disk speed. A
 * {@code COMPLETE} file, written last, marks a finished cache; an unfinished one is generated
 * again.
 */
public final class TpchDataCache {
  /** Written into {@code COMPLETE}; a change of layout or types changes it. */
  static final String FORMAT = "quiver-tpch-arrow-ipc v1";

  private final Path directory;
  private final double scaleFactor;

  /** The cache of {@code scaleFactor} under {@code root}. */
  public TpchDataCache(Path root, double scaleFactor) {
    this.scaleFactor = scaleFactor;
    this.directory = root.resolve("sf" + BenchmarkOptions.scaleFactorName(scaleFactor));
  }

  public Path directory() {
    return directory;
  }

  private Path marker() {
    return directory.resolve("COMPLETE");
  }

  private String markerText() {
    return FORMAT + "\nscale factor " + BenchmarkOptions.scaleFactorName(scaleFactor) + "\n";
  }

  /** Whether every table is cached in the current format. */
  public boolean isComplete() throws IOException {
    return Files.isRegularFile(marker())
        && Files.readString(marker(), StandardCharsets.UTF_8).equals(markerText());
  }

  /** Generates the files unless they are complete; {@code progress} hears about each table. */
  public void ensure(Consumer<String> progress) throws IOException {
    if (isComplete()) {
      return;
    }
    Files.createDirectories(directory);
    Files.deleteIfExists(marker());
    try (BufferAllocator allocator = new RootAllocator()) {
      for (TpchTable<?> table : TpchSchema.tables()) {
        long start = System.nanoTime();
        Path target = file(table.getTableName());
        Path partial = directory.resolve(table.getTableName() + ".arrow.partial");
        long rows;
        try (TpchTableReader reader = new TpchTableReader(table, scaleFactor,
                TpchData.DEFAULT_BATCH_ROWS, allocator);
            FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            ArrowFileWriter writer = new ArrowFileWriter(reader.getVectorSchemaRoot(), null,
                channel)) {
          writer.start();
          while (reader.loadNextBatch()) {
            writer.writeBatch();
          }
          writer.end();
          rows = reader.rowsGenerated();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        progress.accept(String.format("generated %s: %,d rows in %.1f s", table.getTableName(),
            rows, (System.nanoTime() - start) / 1e9));
      }
    }
    Files.writeString(marker(), markerText(), StandardCharsets.UTF_8);
  }

  /** The file of table {@code name}. */
  public Path file(String name) {
    return directory.resolve(name + ".arrow");
  }

  /** Opens table {@code name}; the caller closes the reader (which closes the file). */
  public ArrowFileReader open(String name, BufferAllocator allocator) throws IOException {
    FileChannel channel = FileChannel.open(file(name), StandardOpenOption.READ);
    try {
      return new ArrowFileReader(channel, allocator);
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The table names, in the specification's order. */
  public List<String> tableNames() {
    return TpchSchema.tableNames();
  }
}
