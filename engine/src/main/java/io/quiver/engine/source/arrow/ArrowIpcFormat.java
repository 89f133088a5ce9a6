package io.quiver.engine.source.arrow;

import io.quiver.engine.source.file.FileFormat;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow IPC files for {@code read_arrow}: the file format ({@code ARROW1} magic, footer) and
 * the stream format, told apart by the magic. Dictionary-encoded columns are decoded to their
 * values. Batches stream one at a time, moved into the scan's allocator. No options of its own.
 * The data is typed, so nothing is inferred; a schema given with {@code schema_ipc} is matched
 * to the file's columns by name, and the file table converts a column of another type to it.
 */
public final class ArrowIpcFormat implements FileFormat {

  @Override
  public String name() {
    return "arrow";
  }

  @Override
  public List<String> extensions() {
    return List.of(".arrow", ".arrows", ".feather", ".ipc");
  }

  @Override
  public List<OptionKey> optionKeys() {
    return List.of();
  }

  @Override
  public Schema schema(Path file, ScanOptions options) {
    try (BufferAllocator allocator = new RootAllocator(64L << 20);
        ArrowIpcFile ipc = ArrowIpcFile.open(file, allocator)) {
      return ipc.schema();
    }
  }

  @Override
  public TableScan scan(Path file, Schema schema, ScanRequest request, ScanOptions options,
      BufferAllocator allocator) {
    return new ArrowIpcScan(file, schema, request, allocator);
  }
}
