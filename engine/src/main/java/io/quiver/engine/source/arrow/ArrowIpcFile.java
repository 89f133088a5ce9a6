package io.quiver.engine.source.arrow;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One open Arrow IPC file, file format (starts with {@code ARROW1}) or stream format, read by
 * Arrow Java's readers in an allocator of its own, bounded by a multiple of the file size so
 * that corrupt lengths fail instead of allocating without bound. Its schema is the file's
 * with dictionary-encoded columns shown as their value type.
 */
final class ArrowIpcFile implements AutoCloseable {
  private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private final Path path;
  private final BufferAllocator allocator;
  private final ArrowReader reader;
  private final Schema schema;

  private ArrowIpcFile(Path path, BufferAllocator allocator, ArrowReader reader, Schema schema) {
    this.path = path;
    this.allocator = allocator;
    this.reader = reader;
    this.schema = schema;
  }

  /** Opens {@code path} with a reader allocator that is a child of {@code parent}. */
  static ArrowIpcFile open(Path path, BufferAllocator parent) {
    FileChannel channel = null;
    BufferAllocator allocator = null;
    ArrowReader reader = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
      long size = channel.size();
      long limit = Math.min(Long.MAX_VALUE / 8, size) * 4 + (16 << 20);
      allocator = parent.newChildAllocator("read_arrow " + path, 0, limit);
      if (isFileFormat(channel)) {
        ArrowFileReader fileReader = new ArrowFileReader(channel, allocator);
        reader = fileReader;
        IpcMessageCheck.checkBlocks(channel, fileReader.getDictionaryBlocks(),
            org.apache.arrow.flatbuf.MessageHeader.DictionaryBatch);
        IpcMessageCheck.checkBlocks(channel, fileReader.getRecordBlocks(),
            org.apache.arrow.flatbuf.MessageHeader.RecordBatch);
      } else {
        IpcStreamCheck.check(channel);
        channel.position(0);
        reader = new ArrowStreamReader(channel, allocator);
      }
      Schema schema = decodedSchema(reader);
      return new ArrowIpcFile(path, allocator, reader, schema);
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader, channel, allocator);
      throw failure(path, e);
    }
  }

  private static boolean isFileFormat(FileChannel channel) throws IOException {
    ByteBuffer magic = ByteBuffer.allocate(FILE_MAGIC.length);
    while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
      // read until full or end of file
    }
    return !magic.hasRemaining() && java.util.Arrays.equals(magic.array(), FILE_MAGIC);
  }

  private static Schema decodedSchema(ArrowReader reader) throws IOException {
    List<Field> fields = new ArrayList<>();
    for (Field field : reader.getVectorSchemaRoot().getSchema().getFields()) {
      DictionaryEncoding encoding = field.getDictionary();
      if (encoding == null) {
        checkNoNestedDictionary(field);
        fields.add(field);
        continue;
      }
      Dictionary dictionary = reader.getDictionaryVectors().get(encoding.getId());
      if (dictionary == null) {
        throw new QuiverException(ErrorKind.DATA, "column " + field.getName()
            + " refers to dictionary " + encoding.getId() + ", which the file lacks");
      }
      Field values = dictionary.getVector().getField();
      checkNoNestedDictionary(values);
      fields.add(new Field(field.getName(), new FieldType(field.isNullable(), values.getType(),
          null, field.getMetadata()), values.getChildren()));
    }
    return new Schema(fields, reader.getVectorSchemaRoot().getSchema().getCustomMetadata());
  }

  private static void checkNoNestedDictionary(Field field) {
    for (Field child : field.getChildren()) {
      if (child.getDictionary() != null) {
        throw new QuiverException(ErrorKind.UNSUPPORTED, "field " + field.getName() + "."
            + child.getName() + " is dictionary-encoded inside a nested type, which read_arrow"
            + " does not decode; only top-level dictionary columns are supported");
      }
      checkNoNestedDictionary(child);
    }
  }

  /** The error for a failure while reading {@code path}: IO for the file system, else DATA. */
  static QuiverException failure(Path path, Throwable e) {
    if (e instanceof QuiverException quiver) {
      return quiver.withContext("file " + path);
    }
    if (e instanceof NoSuchFileException) {
      return new QuiverException(ErrorKind.IO, "no such file: " + path, e);
    }
    if (e instanceof AccessDeniedException) {
      return new QuiverException(ErrorKind.IO, "cannot read " + path + ": permission denied",
          e);
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.toLowerCase(java.util.Locale.ROOT).contains("compression")) {
      return new QuiverException(ErrorKind.UNSUPPORTED, "the Arrow IPC file " + path
          + " uses buffer compression, which read_arrow does not support (" + message + ")", e);
    }
    if (e.getClass().getName().equals("org.apache.arrow.memory.OutOfMemoryException")) {
      return new QuiverException(ErrorKind.DATA, "the Arrow IPC file " + path + " is corrupt:"
          + " a message claims more memory than the file could hold (" + message + ")", e);
    }
    if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
      return QuiverException.wrap(ErrorKind.DATA, "file " + path, e);
    }
    return new QuiverException(ErrorKind.DATA, "cannot read " + path + " as Arrow IPC: "
        + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
        + " (the file is truncated, corrupt or not an Arrow IPC file)", e);
  }

  Path path() {
    return path;
  }

  Schema schema() {
    return schema;
  }

  ArrowReader reader() {
    return reader;
  }

  private static void closeQuietly(ArrowReader reader, FileChannel channel,
      BufferAllocator allocator) {
    try {
      if (reader != null) {
        reader.close();
      } else if (channel != null) {
        channel.close();
      }
    } catch (IOException | RuntimeException e) {
      // the original failure is reported; this one adds nothing
    }
    if (allocator != null) {
      try {
        allocator.close();
      } catch (RuntimeException e) {
        // a leak after a failed open: reported by the session's allocator check
      }
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException | RuntimeException e) {
      throw failure(path, e);
    } finally {
      allocator.close();
    }
  }
}
