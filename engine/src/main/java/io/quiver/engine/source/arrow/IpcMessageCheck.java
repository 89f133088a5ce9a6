package io.quiver.engine.source.arrow;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.DictionaryBatch;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Checks an IPC message's metadata before Arrow Java reads its body: every field the reader
 * will touch must be readable and every buffer must lie inside the body. Arrow Java allocates
 * the body before it parses the metadata and does not release it when parsing fails, so a
 * corrupt message would leak the body; checked here, it fails before anything is allocated.
 */
final class IpcMessageCheck {
  private IpcMessageCheck() {}

  /** Checks {@code message}, whose body has {@code bodyLength} bytes. */
  static void check(Message message, long bodyLength, long position) {
    try {
      byte type = message.headerType();
      if (type == MessageHeader.RecordBatch) {
        checkBatch((RecordBatch) message.header(new RecordBatch()), bodyLength, position);
      } else if (type == MessageHeader.DictionaryBatch) {
        DictionaryBatch dictionary = (DictionaryBatch) message.header(new DictionaryBatch());
        dictionary.id();
        dictionary.isDelta();
        RecordBatch data = dictionary.data();
        if (data == null) {
          throw corrupt(position, "a dictionary batch has no data");
        }
        checkBatch(data, bodyLength, position);
      }
    } catch (QuiverException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(position, "unreadable message metadata (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  private static void checkBatch(RecordBatch batch, long bodyLength, long position) {
    if (batch == null) {
      throw corrupt(position, "a record batch message has no header");
    }
    if (batch.length() < 0 || batch.length() > Integer.MAX_VALUE) {
      throw corrupt(position, "a record batch claims " + batch.length() + " rows");
    }
    FieldNode node = new FieldNode();
    for (int i = 0; i < batch.nodesLength(); i++) {
      batch.nodes(node, i);
      if (node.length() < 0 || node.nullCount() < 0 || node.nullCount() > node.length()) {
        throw corrupt(position, "field node " + i + " has length " + node.length()
            + " and null count " + node.nullCount());
      }
    }
    Buffer buffer = new Buffer();
    for (int i = 0; i < batch.buffersLength(); i++) {
      batch.buffers(buffer, i);
      long offset = buffer.offset();
      long length = buffer.length();
      if (offset < 0 || length < 0 || offset > bodyLength || length > bodyLength - offset) {
        throw corrupt(position, "buffer " + i + " (offset " + offset + ", length " + length
            + ") lies outside the message body of " + bodyLength + " bytes");
      }
    }
    for (int i = 0; i < batch.variadicBufferCountsLength(); i++) {
      if (batch.variadicBufferCounts(i) < 0) {
        throw corrupt(position, "a negative variadic buffer count");
      }
    }
  }

  /** Checks every block of an IPC file (as listed by its footer) inside a file of size bytes. */
  static void checkBlocks(FileChannel channel, List<ArrowBlock> blocks, byte headerType)
      throws IOException {
    long size = channel.size();
    for (ArrowBlock block : blocks) {
      long offset = block.getOffset();
      int metadata = block.getMetadataLength();
      long body = block.getBodyLength();
      if (offset < 0 || metadata < 8 || body < 0 || offset > size || metadata > size - offset
          || body > size - offset - metadata) {
        throw corrupt(offset, "the footer lists a block (metadata " + metadata + " bytes, body "
            + body + " bytes) that does not fit the file of " + size + " bytes");
      }
      ByteBuffer bytes = ByteBuffer.allocate(metadata).order(ByteOrder.LITTLE_ENDIAN);
      long at = offset;
      while (bytes.hasRemaining()) {
        int read = channel.read(bytes, at);
        if (read < 0) {
          throw corrupt(offset, "unexpected end of file");
        }
        at += read;
      }
      bytes.flip();
      int prefix = bytes.getInt(0) == -1 ? 8 : 4;
      bytes.position(prefix);
      Message message;
      try {
        message = Message.getRootAsMessage(bytes.slice().order(ByteOrder.LITTLE_ENDIAN));
        message.headerType();
      } catch (RuntimeException e) {
        throw corrupt(offset, "unreadable message metadata (" + e.getClass().getSimpleName()
            + ")");
      }
      if (message.headerType() != headerType) {
        throw corrupt(offset, "the footer lists a " + MessageHeader.name(headerType)
            + " block holding a " + MessageHeader.name(message.headerType()) + " message");
      }
      check(message, body, offset);
    }
  }

  static QuiverException corrupt(long position, String why) {
    return new QuiverException(ErrorKind.DATA, "corrupt Arrow IPC data at byte " + position
        + ": " + why + " (the file is truncated or not an Arrow IPC file)");
  }
}
