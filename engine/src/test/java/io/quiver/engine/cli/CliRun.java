package io.quiver.engine.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the CLI: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    return withInput("", false, args);
  }

  static CliRun withInput(String stdin, boolean interactive, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = QuiverCli.run(args,
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream,
          errStream, interactive);
    }
    return new CliRun(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
