package io.quiver.engine.format;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.CharBuffer;

/** A {@link Writer} over an {@link Appendable}, so that Jackson can write to any text sink. */
final class AppendableWriter extends Writer {
  private final Appendable target;

  AppendableWriter(Appendable target) {
    this.target = target;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    if (target instanceof StringBuilder builder) {
      builder.append(buffer, offset, length);
    } else {
      target.append(CharBuffer.wrap(buffer, offset, length));
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    target.append(text, offset, offset + length);
  }

  @Override
  public void write(int character) throws IOException {
    target.append((char) character);
  }

  @Override
  public void flush() throws IOException {
    if (target instanceof Flushable flushable) {
      flushable.flush();
    }
  }

  /** Flushes; the target stays open (it belongs to the caller). */
  @Override
  public void close() throws IOException {
    flush();
  }
}
