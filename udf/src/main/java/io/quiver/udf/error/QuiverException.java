package io.quiver.udf.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The one exception type that leaves Quiver's public API.
 *
 * <p>It carries a {@link ErrorKind}, a message written for the person who reads it, a context
 * chain (outermost first, for example {@code query 3 > read_csv('x.csv') > line 12}) and the
 * original cause. Context is added as the exception travels outwards with
 * {@link #withContext(String)}; foreign exceptions enter through {@link #wrap}.
 */
public final class QuiverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String detail;
  private final List<String> context = new ArrayList<>();
  private int line = -1;
  private int column = -1;

  public QuiverException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public QuiverException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.detail = message == null ? "(no message)" : message;
  }

  public static QuiverException of(ErrorKind kind, String format, Object... args) {
    return new QuiverException(kind, String.format(format, args));
  }

  /**
   * The one boundary helper: turns anything thrown by foreign code (a user function, a plugin,
   * a decoder, a JSON parser, a native kernel) into a {@code QuiverException}.
   *
   * <p>A {@code QuiverException} keeps its kind and gains {@code context}; an Arrow
   * out-of-memory error becomes {@link ErrorKind#RESOURCE}; an {@link Error} other than
   * {@link VirtualMachineError} becomes {@code kindIfForeign}; anything else becomes
   * {@code kindIfForeign} with the foreign message.
   */
  public static QuiverException wrap(ErrorKind kindIfForeign, String context, Throwable error) {
    Objects.requireNonNull(error, "error is null");
    QuiverException result;
    if (error instanceof QuiverException) {
      result = (QuiverException) error;
    } else if (isArrowOutOfMemory(error)) {
      result = new QuiverException(ErrorKind.RESOURCE,
          "memory limit exceeded: " + error.getMessage()
              + ". Raise the session memory limit (QuiverSession.builder().memoryLimit(...))"
              + " or reduce the data the query holds at once",
          error);
    } else if (error instanceof StackOverflowError) {
      result = new QuiverException(ErrorKind.RESOURCE,
          "stack overflow (expression or plan too deep)", error);
    } else if (error instanceof OutOfMemoryError) {
      result = new QuiverException(ErrorKind.RESOURCE,
          "Java heap exhausted: " + error.getMessage() + ". Raise -Xmx", error);
    } else {
      String message = error.getMessage();
      String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
      result = new QuiverException(kindIfForeign, text, error);
    }
    if (context != null && !context.isEmpty()) {
      result.withContext(context);
    }
    return result;
  }

  private static boolean isArrowOutOfMemory(Throwable error) {
    return error.getClass().getName().equals("org.apache.arrow.memory.OutOfMemoryException");
  }

  /** Adds an outer context element (the chain reads outermost first). Returns {@code this}. */
  public QuiverException withContext(String outer) {
    if (outer != null && !outer.isEmpty() && (context.isEmpty() || !context.get(0).equals(outer))) {
      context.add(0, outer);
    }
    return this;
  }

  /** Records the position in SQL text (1-based) for parse and validation errors. */
  public QuiverException atPosition(int line, int column) {
    this.line = line;
    this.column = column;
    return this;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The message without kind, position or context. */
  public String detail() {
    return detail;
  }

  /** The context chain, outermost first. */
  public List<String> context() {
    return Collections.unmodifiableList(context);
  }

  /** 1-based line in the SQL text, or -1. */
  public int line() {
    return line;
  }

  /** 1-based column in the SQL text, or -1. */
  public int column() {
    return column;
  }

  /** The innermost cause that is not a QuiverException wrapper, or this exception. */
  public Throwable rootCause() {
    Throwable current = this;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  @Override
  public String getMessage() {
    StringBuilder text = new StringBuilder();
    text.append(detail);
    if (line > 0) {
      text.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    if (!context.isEmpty()) {
      text.append(" [in ").append(String.join(" > ", context)).append(']');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "QuiverException[" + kind + "]: " + getMessage();
  }
}
