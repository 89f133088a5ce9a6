package io.quiver.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark command line: usage and argument errors (the run itself is TpchBenchmarkTest). */
class TpchBenchmarkCliTest {

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageAndSucceeds() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TpchBenchmarkCli.run(new String[] {"--help"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(text(out)).isEqualTo(BenchmarkOptions.USAGE + System.lineSeparator());
    assertThat(text(err)).isEmpty();
  }

  @Test
  void badOptionIsExitCodeTwoWithAMessage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = TpchBenchmarkCli.run(new String[] {"--no-such-option"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(text(err)).contains("--no-such-option");
    assertThat(text(out)).isEmpty();
  }
}
