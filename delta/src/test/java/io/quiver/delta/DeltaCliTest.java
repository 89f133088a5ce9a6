package io.quiver.delta;

import static io.quiver.delta.DeltaTestTables.literal;
import static io.quiver.delta.DeltaTestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.cli.QuiverCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The {@code quiver} command line with quiver-delta on the class path (as {@code bin/quiver}
 * runs it): {@code delta_scan} is registered through the table provider SPI.
 */
class DeltaCliTest {

  @Test
  void deltaScanRunsInTheCommandLine() {
    String path = literal(table("delta-golden/basic-with-inserts-merge"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = QuiverCli.run(new String[] {"--format", "csv", "-c",
          "SELECT count(*) AS n FROM delta_scan(" + path + ");"
              + " SELECT count(*) AS n FROM delta_scan(" + path + ", '{\"version\": 0}')"},
          new ByteArrayInputStream(new byte[0]), outStream, errStream);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("140").contains("100");
  }
}
