package io.quiver.engine.source.arrow;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.apache.arrow.flatbuf.Message;

/**
 * Checks the message framing of an Arrow IPC stream file before Arrow Java reads it: every
 * message's metadata and body must lie inside the file. Arrow Java allocates a message's
 * metadata on the heap at the size the file claims, so a corrupt length would otherwise ask
 * for up to 2 GiB; this pass reads only the few bytes of each message header.
 */
final class IpcStreamCheck {
  private IpcStreamCheck() {}

  static void check(FileChannel channel) throws IOException {
    long size = channel.size();
    long position = 0;
    ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    while (position + 4 <= size) {
      int length = readInt(channel, word, position);
      long header = 4;
      if (length == -1) {
        if (position + 8 > size) {
          throw corrupt(position, "a message is cut off after its continuation marker");
        }
        length = readInt(channel, word, position + 4);
        header = 8;
      }
      if (length == 0) {
        return;
      }
      long metadataEnd = position + header + length;
      if (length < 0 || metadataEnd > size) {
        throw corrupt(position, "the message claims " + length + " bytes of metadata but the"
            + " file has " + (size - position - header) + " left");
      }
      ByteBuffer metadata = ByteBuffer.allocate(length);
      readFully(channel, metadata, position + header);
      metadata.flip();
      long body;
      Message message;
      try {
        message = Message.getRootAsMessage(metadata);
        body = message.bodyLength();
      } catch (RuntimeException e) {
        throw corrupt(position, "the message metadata is not a valid flatbuffer ("
            + e.getClass().getSimpleName() + ")");
      }
      if (body < 0 || body > size - metadataEnd) {
        throw corrupt(position, "the message claims a body of " + body + " bytes but the"
            + " file has " + (size - metadataEnd) + " left");
      }
      IpcMessageCheck.check(message, body, position);
      position = metadataEnd + body;
    }
  }

  private static int readInt(FileChannel channel, ByteBuffer word, long position)
      throws IOException {
    word.clear();
    readFully(channel, word, position);
    return word.getInt(0);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw corrupt(position, "unexpected end of file");
      }
      at += read;
    }
  }

  private static QuiverException corrupt(long position, String why) {
    return new QuiverException(ErrorKind.DATA, "corrupt Arrow IPC stream at byte " + position
        + ": " + why + " (the file is truncated or not an Arrow IPC file)");
  }
}
