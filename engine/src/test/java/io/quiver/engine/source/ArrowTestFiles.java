package io.quiver.engine.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes small Arrow IPC files for tests: columns {@code id BIGINT, name VARCHAR} and, with a
 * dictionary, {@code color} (dictionary-encoded VARCHAR with int32 indices), in batches of
 * {@code batchRows} rows.
 */
public final class ArrowTestFiles {
  private ArrowTestFiles() {}

  /** Rows {@code first .. first + rows - 1}: id, name "n<id>", color from red/green/blue. */
  public static Path write(Path path, boolean fileFormat, long first, int rows, int batchRows,
      boolean dictionary) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    try (BufferAllocator allocator = new RootAllocator();
        VarCharVector colors = new VarCharVector(new Field("colors",
            FieldType.nullable(ArrowType.Utf8.INSTANCE), null), allocator)) {
      DictionaryEncoding encoding = new DictionaryEncoding(1L, false,
          new ArrowType.Int(32, true));
      List<String> palette = List.of("red", "green", "blue");
      colors.allocateNew();
      for (int i = 0; i < palette.size(); i++) {
        colors.setSafe(i, palette.get(i).getBytes(StandardCharsets.UTF_8));
      }
      colors.setValueCount(palette.size());
      DictionaryProvider.MapDictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider();
      provider.put(new Dictionary(colors, encoding));
      Field id = new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null);
      Field name = new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
      Field color = new Field("color", new FieldType(true, new ArrowType.Int(32, true),
          encoding), null);
      Schema schema = new Schema(dictionary ? List.of(id, name, color) : List.of(id, name));
      try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
          OutputStream out = Files.newOutputStream(path);
          ArrowWriter writer = fileFormat
              ? new ArrowFileWriter(root, provider, Channels.newChannel(out))
              : new ArrowStreamWriter(root, provider, out)) {
        writer.start();
        for (int start = 0; start < rows; start += batchRows) {
          int count = Math.min(batchRows, rows - start);
          root.allocateNew();
          BigIntVector ids = (BigIntVector) root.getVector("id");
          VarCharVector names = (VarCharVector) root.getVector("name");
          for (int r = 0; r < count; r++) {
            long value = first + start + r;
            ids.setSafe(r, value);
            names.setSafe(r, ("n" + value).getBytes(StandardCharsets.UTF_8));
            if (dictionary) {
              ((IntVector) root.getVector("color")).setSafe(r, (int) (value % 3));
            }
          }
          root.setRowCount(count);
          writer.writeBatch();
        }
        writer.end();
      }
    }
    return path;
  }

  /** The color of row id {@code id} in files written by {@link #write}. */
  public static String color(long id) {
    return List.of("red", "green", "blue").get((int) (id % 3));
  }
}
