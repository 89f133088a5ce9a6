package io.quiver.delta.kernel;

import io.delta.kernel.defaults.engine.DefaultExpressionHandler;
import io.delta.kernel.defaults.engine.DefaultJsonHandler;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.ExpressionHandler;
import io.delta.kernel.engine.FileSystemClient;
import io.delta.kernel.engine.JsonHandler;
import io.delta.kernel.engine.ParquetHandler;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Delta Kernel's {@link Engine} for Quiver, without Hadoop: the local file system through
 * {@link NioFileSystemClient}, Parquet through Quiver's own reader ({@link QuiverParquetHandler},
 * Arrow-backed batches), and delta-kernel-defaults' JSON and expression handlers (which need no
 * Hadoop; the JSON handler reads through {@link NioFileIO}). Close it when done: that releases
 * Parquet batches of iterators Kernel did not close.
 */
public final class QuiverKernelEngine implements Engine, AutoCloseable {
  private final NioFileSystemClient fileSystem = new NioFileSystemClient();
  private final JsonHandler json = new DefaultJsonHandler(new NioFileIO(fileSystem));
  private final ExpressionHandler expressions = new DefaultExpressionHandler();
  private final QuiverParquetHandler parquet;

  /**
   * An engine whose Parquet batches are allocated in {@code allocator}.
   *
   * @param batchSize rows per Parquet batch
   */
  public QuiverKernelEngine(BufferAllocator allocator, int batchSize) {
    this.parquet = new QuiverParquetHandler(Objects.requireNonNull(allocator, "allocator is null"),
        batchSize);
  }

  /** Releases the Parquet batches of any iterator Kernel left open. */
  @Override
  public void close() {
    parquet.closeAll();
  }

  @Override
  public ExpressionHandler getExpressionHandler() {
    return expressions;
  }

  @Override
  public JsonHandler getJsonHandler() {
    return json;
  }

  @Override
  public FileSystemClient getFileSystemClient() {
    return fileSystem;
  }

  /** The Parquet handler, with Quiver's Arrow-backed read for data files. */
  public QuiverParquetHandler parquetHandler() {
    return parquet;
  }

  @Override
  public ParquetHandler getParquetHandler() {
    return parquet;
  }
}
