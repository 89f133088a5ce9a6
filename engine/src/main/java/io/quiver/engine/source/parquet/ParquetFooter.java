package io.quiver.engine.source.parquet;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * A Parquet file's footer: the tail ({@code <metadata> <4-byte length> PAR1}) read with a
 * positioned read, the Thrift FileMetaData, and the mapped columns. Encrypted files
 * ({@code PARE} magic or column crypto metadata) are UNSUPPORTED.
 */
record ParquetFooter(long fileSize, FileMetaData metadata, List<ParquetColumn> columns,
    Schema schema) {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);
  /** Footers larger than this are treated as corrupt lengths. */
  private static final int MAX_FOOTER_BYTES = 256 << 20;

  static ParquetFooter read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < 12) {
      throw ParquetData.corrupt("the file has %d bytes; a Parquet file has at least 12", size);
    }
    byte[] head = readFully(channel, 0, 4);
    byte[] tail = readFully(channel, size - 8, 8);
    byte[] tailMagic = java.util.Arrays.copyOfRange(tail, 4, 8);
    if (java.util.Arrays.equals(tailMagic, ENCRYPTED_MAGIC)) {
      throw ParquetData.unsupported("the file has an encrypted footer (PARE); Parquet"
          + " encryption is not supported");
    }
    if (!java.util.Arrays.equals(tailMagic, MAGIC) || !java.util.Arrays.equals(head, MAGIC)) {
      throw ParquetData.corrupt("the file does not start and end with the Parquet magic PAR1"
          + " (is it a Parquet file?)");
    }
    int footerLength = (int) PhysicalValues.INT.get(tail, 0);
    if (footerLength <= 0 || footerLength > size - 12 || footerLength > MAX_FOOTER_BYTES) {
      throw ParquetData.corrupt("the footer length %d does not fit in a file of %d bytes",
          footerLength & 0xFFFFFFFFL, size);
    }
    byte[] footer = readFully(channel, size - 8 - footerLength, footerLength);
    FileMetaData metadata;
    try {
      metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
    } catch (IOException | RuntimeException e) {
      throw new QuiverException(ErrorKind.DATA, "corrupt footer: " + e.getMessage()
          + ". The file is corrupt or truncated", e);
    }
    if (metadata.isSetEncryption_algorithm()) {
      throw ParquetData.unsupported("the file has encrypted columns (plaintext footer with"
          + " encryption algorithm %s); Parquet encryption is not supported",
          metadata.getEncryption_algorithm().getSetField());
    }
    List<ParquetColumn> columns = ParquetSchemaMapping.columns(metadata.getSchema());
    if (metadata.getRow_groups() != null) {
      for (RowGroup group : metadata.getRow_groups()) {
        if (group.getColumns() != null) {
          for (ColumnChunk chunk : group.getColumns()) {
            if (chunk.isSetCrypto_metadata() || chunk.isSetEncrypted_column_metadata()) {
              throw ParquetData.unsupported("the file has encrypted columns; Parquet"
                  + " encryption is not supported");
            }
          }
        }
      }
    }
    return new ParquetFooter(size, metadata, columns, ParquetSchemaMapping.arrowSchema(columns));
  }

  List<RowGroup> rowGroups() {
    return metadata.getRow_groups() == null ? List.of() : metadata.getRow_groups();
  }

  static byte[] readFully(FileChannel channel, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    readFully(channel, offset, bytes, 0, length);
    return bytes;
  }

  /** Reads {@code length} bytes from {@code offset} into {@code bytes} at {@code into}. */
  static void readFully(FileChannel channel, long offset, byte[] bytes, int into, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, into, length);
    long at = offset;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw ParquetData.corrupt("the file ends at byte %d, before %d bytes from %d could be"
            + " read", at, length, offset);
      }
      at += n;
    }
  }
}
