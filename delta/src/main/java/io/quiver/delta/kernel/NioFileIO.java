package io.quiver.delta.kernel;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * delta-kernel-defaults' {@link FileIO} over {@code java.nio.file}, so that its Hadoop-free
 * {@code DefaultJsonHandler} reads the Delta log without Hadoop. Listing, path resolution and
 * status come from {@link NioFileSystemClient}; no configuration is set, so the handler uses
 * its defaults.
 */
public final class NioFileIO implements FileIO {
  private final NioFileSystemClient client;

  public NioFileIO(NioFileSystemClient client) {
    this.client = client;
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    return client.listFrom(filePath);
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    return client.getFileStatus(path);
  }

  @Override
  public String resolvePath(String path) {
    return client.resolvePath(path);
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    return client.mkdirs(path);
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    Path file = LocalPaths.toPath(path);
    return new InputFile() {
      @Override
      public long length() {
        return fileSize;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        try {
          return new ChannelInputStream(FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
          throw NioFileSystemClient.fileNotFound(file, e);
        }
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String path) {
    Path file = LocalPaths.toPath(path);
    return new OutputFile() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public PositionOutputStream create(boolean overwrite) throws IOException {
        FileChannel channel = overwrite
            ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)
            : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        return new ChannelOutputStream(channel);
      }

      @Override
      public void writeAtomically(CloseableIterator<String> lines, boolean overwrite)
          throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".write",
            ".tmp");
        try (lines) {
          try (BufferedWriter writer = Files.newBufferedWriter(temporary,
              StandardCharsets.UTF_8)) {
            while (lines.hasNext()) {
              writer.write(lines.next());
              writer.write('\n');
            }
          }
          if (overwrite) {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } else {
            if (Files.exists(file)) {
              throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
          }
        } finally {
          Files.deleteIfExists(temporary);
        }
      }
    };
  }

  @Override
  public boolean delete(String path) throws IOException {
    return client.delete(path);
  }

  @Override
  public Optional<String> getConf(String key) {
    return Optional.empty();
  }

  @Override
  public void copyFileAtomically(String source, String destination, boolean overwrite)
      throws IOException {
    client.copyFileAtomically(source, destination, overwrite);
  }

  /** A seekable stream over a file channel. */
  private static final class ChannelInputStream extends SeekableInputStream {
    private final FileChannel channel;
    private final java.io.InputStream stream;

    ChannelInputStream(FileChannel channel) {
      this.channel = channel;
      this.stream = Channels.newInputStream(channel);
    }

    @Override
    public int read() throws IOException {
      return stream.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return stream.read(bytes, offset, length);
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new java.io.EOFException("end of file before " + length + " bytes");
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A positioned output stream over a file channel. */
  private static final class ChannelOutputStream extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream stream;

    ChannelOutputStream(FileChannel channel) {
      this.channel = channel;
      this.stream = Channels.newOutputStream(channel);
    }

    @Override
    public void write(int b) throws IOException {
      stream.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      stream.write(bytes, offset, length);
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
