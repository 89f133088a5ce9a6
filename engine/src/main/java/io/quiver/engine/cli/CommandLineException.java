package io.quiver.engine.cli;

/** A command line the CLI cannot run: an unknown option, a missing or malformed value. */
final class CommandLineException extends Exception {
  private static final long serialVersionUID = 1L;

  CommandLineException(String message) {
    super(message);
  }
}
