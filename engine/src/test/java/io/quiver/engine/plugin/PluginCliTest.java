package io.quiver.engine.plugin;

import static io.quiver.engine.plugin.PluginSources.functions;
import static io.quiver.engine.plugin.PluginSources.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.cli.QuiverCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quiver --plugin <jar>}: plugins load before the statements; failures do not stop them. */
class PluginCliTest {
  @TempDir
  Path directory;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = QuiverCli.run(args, new ByteArrayInputStream(new byte[0]), outStream, errStream);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Path jar(String pkg, int abiMajor, String members) throws IOException {
    return PluginJarBuilder.in(directory)
        .source(pkg + ".Plugin", plugin(pkg, pkg, "1.0", abiMajor, 0, members))
        .service(pkg + ".Plugin").build(pkg + ".jar");
  }

  @Test
  void pluginsLoadBeforeTheStatements() throws IOException {
    Path times = jar("clitimes", 1, functions("RowFunctions.ofLong(\"cli_times_ten\", x -> x * 10)"));
    Path negate = jar("clineg", 1, functions("RowFunctions.ofLong(\"cli_negate\", x -> -x)"));

    Run run = run("--plugin", times.toString(), "--plugin=" + negate, "--format", "csv",
        "-c", "SELECT cli_negate(cli_times_ten(4)) AS v");

    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("v\n-40\n");
  }

  @Test
  void aFailedPluginIsReportedAndTheStatementsStillRun() throws IOException {
    Path old = jar("cliold", 2, "");
    Path missing = directory.resolve("missing.jar");

    Run run = run("--plugin", old.toString(), "--plugin", missing.toString(), "--format", "csv",
        "-c", "SELECT 7 AS v");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("v\n7\n");
    assertThat(run.err().lines()).containsExactly(
        "Error [PLUGIN]: plugin 'cliold' was built for plugin ABI 2.0 but this Quiver implements"
            + " 1.0 (major versions must match; minor must not be above the host's). Use a build"
            + " of the plugin made for plugin ABI 1.0 [in plugin jar '" + old + "']",
        "Error [IO]: plugin jar '" + missing + "' does not exist. Check the path (a relative"
            + " path starts at " + Path.of("").toAbsolutePath() + ")");
  }

  @Test
  void theExitStatusStillFollowsTheStatements() throws IOException {
    Path good = jar("clifail", 1, functions("RowFunctions.ofLong(\"cli_ok\", x -> x)"));

    Run run = run("--plugin", good.toString(), "-c", "SELECT * FROM no_such_table");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error [PLAN]");
  }
}
