package io.quiver.engine.source.text;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.quiver.engine.source.file.FileFormat;
import io.quiver.engine.source.options.OptionKey;
import io.quiver.engine.source.options.ScanOptions;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Test helpers for the text formats: options, reading a whole file, compressing bytes. */
public final class TextFormatTesting {
  private TextFormatTesting() {
  }

  /** Every key of {@code format} at its default, then {@code overrides} (key, value pairs). */
  public static ScanOptions options(FileFormat format, Schema schema, Object... overrides) {
    Map<String, Object> values = new HashMap<>();
    for (OptionKey key : format.optionKeys()) {
      if (key.defaultValue() != null) {
        values.put(key.name(), key.defaultValue());
      }
    }
    for (int i = 0; i < overrides.length; i += 2) {
      values.put((String) overrides[i], overrides[i + 1]);
    }
    return new ScanOptions(values, schema);
  }

  /** Reads every row of every column; values as Arrow's getObject gives them. */
  public static List<List<Object>> readAll(FileFormat format, Path file, ScanOptions options,
      BufferAllocator allocator) {
    Schema schema = format.schema(file, options);
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    return read(format, file, schema, ScanRequest.of(projection, 1000), options, allocator);
  }

  /** Reads every row of the request's columns. */
  public static List<List<Object>> read(FileFormat format, Path file, Schema schema,
      ScanRequest request, ScanOptions options, BufferAllocator allocator) {
    List<List<Object>> rows = new ArrayList<>();
    try (TableScan scan = format.scan(file, schema, request, options, allocator)) {
      VectorSchemaRoot batch;
      while ((batch = scan.next()) != null) {
        try (VectorSchemaRoot owned = batch) {
          for (int row = 0; row < owned.getRowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (FieldVector vector : owned.getFieldVectors()) {
              Object value = vector.getObject(row);
              values.add(value == null ? null : normalise(value));
            }
            rows.add(values);
          }
        }
      }
    }
    return rows;
  }

  private static Object normalise(Object value) {
    if (value instanceof org.apache.arrow.vector.util.Text) {
      return value.toString();
    }
    return value;
  }

  public static Path write(Path file, String text) {
    return write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static Path write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] zstd(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
