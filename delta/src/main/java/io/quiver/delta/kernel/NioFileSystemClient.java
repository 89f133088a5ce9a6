package io.quiver.delta.kernel;

import io.delta.kernel.engine.FileReadRequest;
import io.delta.kernel.engine.FileSystemClient;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Delta Kernel's {@link FileSystemClient} over {@code java.nio.file} for the local file system.
 * No Hadoop: no {@code .crc} side files are read or checked, and paths are returned as
 * {@code file:/absolute/path}.
 */
public final class NioFileSystemClient implements FileSystemClient {

  /**
   * The files (not folders) in the folder of {@code filePath} whose names sort at or after the
   * name of {@code filePath}, sorted by path, as Kernel defines {@code listFrom}.
   */
  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    Path start = LocalPaths.toPath(filePath).toAbsolutePath();
    Path folder = start.getParent();
    String from = start.getFileName().toString();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new FileNotFoundException("no such folder: " + folder);
    }
    List<FileStatus> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.compareTo(from) < 0) {
          continue;
        }
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
          found.add(FileStatus.of(LocalPaths.toKernelPath(entry), attributes.size(),
              attributes.lastModifiedTime().toMillis()));
        }
      }
    }
    found.sort((a, b) -> a.getPath().compareTo(b.getPath()));
    return iterator(found);
  }

  @Override
  public String resolvePath(String path) {
    return LocalPaths.toKernelPath(LocalPaths.toPath(path));
  }

  @Override
  public CloseableIterator<ByteArrayInputStream> readFiles(
      CloseableIterator<FileReadRequest> requests) throws IOException {
    List<ByteArrayInputStream> results = new ArrayList<>();
    try (requests) {
      while (requests.hasNext()) {
        FileReadRequest request = requests.next();
        results.add(new ByteArrayInputStream(read(LocalPaths.toPath(request.getPath()),
            request.getStartOffset(), request.getReadLength())));
      }
    }
    return iterator(results);
  }

  private static byte[] read(Path file, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = offset;
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, at);
        if (n < 0) {
          throw new IOException(file + " ends before " + length + " bytes from offset "
              + offset + " could be read");
        }
        at += n;
      }
    } catch (NoSuchFileException e) {
      throw fileNotFound(file, e);
    }
    return bytes;
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    Path folder = LocalPaths.toPath(path);
    Files.createDirectories(folder);
    return Files.isDirectory(folder);
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(LocalPaths.toPath(path));
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    Path file = LocalPaths.toPath(path);
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return FileStatus.of(LocalPaths.toKernelPath(file), attributes.size(),
          attributes.lastModifiedTime().toMillis());
    } catch (NoSuchFileException e) {
      throw fileNotFound(file, e);
    }
  }

  @Override
  public void copyFileAtomically(String source, String destination, boolean overwrite)
      throws IOException {
    Path target = LocalPaths.toPath(destination);
    Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".copy", ".tmp");
    try {
      Files.copy(LocalPaths.toPath(source), temporary, StandardCopyOption.REPLACE_EXISTING);
      if (overwrite) {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Kernel recognises a missing file by {@link FileNotFoundException}. */
  static FileNotFoundException fileNotFound(Path file, Exception cause) {
    FileNotFoundException missing = new FileNotFoundException("file not found: " + file);
    missing.initCause(cause);
    return missing;
  }

  /** A closeable iterator over a list. */
  static <T> CloseableIterator<T> iterator(List<T> items) {
    Iterator<T> inner = items.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return inner.hasNext();
      }

      @Override
      public T next() {
        if (!inner.hasNext()) {
          throw new NoSuchElementException();
        }
        return inner.next();
      }

      @Override
      public void close() {}
    };
  }

  /** Wraps an {@link IOException} for iterator methods that cannot throw it. */
  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e.getMessage(), e);
  }
}
