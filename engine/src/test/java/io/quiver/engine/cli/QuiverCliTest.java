package io.quiver.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: options, usage errors, error reporting, the shell's input loop. */
class QuiverCliTest {

  @Test
  void helpPrintsUsageAndSucceeds() {
    CliRun run = CliRun.of("--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: quiver [options]")
        .contains("--format <table|csv|json>", "--timing", "--memory-limit <size>",
            "--batch-size <n>", "--max-rows <n>", "--verbose", "--version", "-c, --command",
            "-f, --file", "--plugin <path>", "--capabilities");
    assertThat(run.err()).isEmpty();
    assertThat(CliRun.of("-h").out()).isEqualTo(run.out());
  }

  @Test
  void versionNamesQuiverAndJava() {
    CliRun run = CliRun.of("--version");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("quiver ").contains("(Java " + System.getProperty("java.version") + ")")
        .endsWith("\n");
  }

  @Test
  void capabilitiesPrintsTheSnapshotAsJsonAndSucceeds() throws IOException {
    CliRun run = CliRun.of("--capabilities");
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.at("/plugin_abi/major").asInt())
        .isEqualTo(io.quiver.udf.plugin.PluginAbi.MAJOR);
    assertThat(json.at("/functions/by_source/builtin").asInt()).isPositive();
    assertThat(json.at("/plugins").isArray()).isTrue();
    assertThat(json.at("/native_acceleration/available").asBoolean()).isFalse();
  }

  @Test
  void unknownOptionIsABadCommandLine() {
    CliRun run = CliRun.of("--bogus");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("quiver: unknown option --bogus\n").contains("Usage: quiver");
  }

  @Test
  void malformedValuesAreBadCommandLines() {
    assertBadCommandLine("option --format needs a value", "--format");
    assertBadCommandLine("unknown format 'xml': use table, csv or json", "--format", "xml");
    assertBadCommandLine("'lots' is not a size", "--memory-limit", "lots");
    assertBadCommandLine("size '0' must be more than zero", "--memory-limit=0");
    assertBadCommandLine("option --batch-size needs a whole number from 1 to 1048576, not '0'",
        "--batch-size", "0");
    assertBadCommandLine("option --max-rows needs a whole number", "--max-rows", "-3");
    assertBadCommandLine("unexpected argument 'query.sql': use -c to run SQL text or -f",
        "query.sql");
    assertBadCommandLine("option --timing takes no value", "--timing=yes");
    assertBadCommandLine("option -c needs a value", "-c");
    assertBadCommandLine("option --plugin needs a value", "--plugin");
    assertBadCommandLine("unknown option --plugins", "--plugins", "x.jar");
  }

  private static void assertBadCommandLine(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(run.err()).as(String.join(" ", args)).startsWith("quiver: " + message)
        .contains("Usage: quiver");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void optionsParseInBothForms() throws CommandLineException {
    CliOptions options = CliOptions.parse(new String[] {"--format=CSV", "--memory-limit", "512m",
        "--batch-size=100", "--max-rows", "0", "-c", "SELECT 1", "-f", "a.sql", "--timing",
        "--verbose", "--plugin", "a.jar", "--plugin=b.jar"});
    assertThat(options.format()).isEqualTo(io.quiver.engine.format.ResultFormat.CSV);
    assertThat(options.memoryLimit()).isEqualTo(512L << 20);
    assertThat(options.batchSize()).isEqualTo(100);
    assertThat(options.maxRows()).isEqualTo(Integer.MAX_VALUE);
    assertThat(options.sources()).containsExactly(ScriptSource.command("SELECT 1"),
        ScriptSource.file("a.sql"));
    assertThat(options.plugins()).containsExactly("a.jar", "b.jar");
    assertThat(options.timing()).isTrue();
    assertThat(options.verbose()).isTrue();

    CliOptions defaults = CliOptions.parse(new String[0]);
    assertThat(defaults.format()).isEqualTo(io.quiver.engine.format.ResultFormat.TABLE);
    assertThat(defaults.maxRows()).isEqualTo(10_000);
    assertThat(defaults.memoryLimit()).isZero();
    assertThat(defaults.sources()).isEmpty();
    assertThat(defaults.plugins()).isEmpty();
  }

  @Test
  void byteSizesTakeUnits() throws CommandLineException {
    assertThat(ByteSize.parse("1073741824")).isEqualTo(1L << 30);
    assertThat(ByteSize.parse("512k")).isEqualTo(512L << 10);
    assertThat(ByteSize.parse("512m")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("512MB")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("4g")).isEqualTo(4L << 30);
    assertThat(ByteSize.parse("4GiB")).isEqualTo(4L << 30);
    assertThat(ByteSize.parse("2T")).isEqualTo(2L << 40);
    assertThat(ByteSize.parse("100b")).isEqualTo(100);
    for (String bad : new String[] {"", "m", "1.5g", "-1g", "4x", "9999999t",
        "99999999999999999999"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ByteSize.parse(bad))
          .as(bad).isInstanceOf(CommandLineException.class);
    }
  }

  @Test
  void failingStatementPrintsOneErrorLineAndExitsWithOne() {
    CliRun run = CliRun.of("-c", "SELECT * FROM no_such_table");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error [").doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.of("--verbose", "-c", "SELECT * FROM no_such_table");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error [").contains("\tat ");
  }

  @Test
  void missingScriptFileIsAnIoError(@TempDir Path directory) {
    String path = directory.resolve("missing.sql").toString();
    CliRun run = CliRun.of("-f", path);
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error [IO]: script file '" + path + "' does not exist");
  }

  @Test
  void emptyScriptsSucceedSilently(@TempDir Path directory) throws IOException {
    Path script = Files.writeString(directory.resolve("empty.sql"), "-- nothing here\n\n");
    CliRun fromFile = CliRun.of("-f", script.toString());
    assertThat(fromFile.status()).isZero();
    assertThat(fromFile.out()).isEmpty();
    assertThat(fromFile.err()).isEmpty();
    CliRun fromStdin = CliRun.withInput("  ;  ", false);
    assertThat(fromStdin.status()).isZero();
    assertThat(fromStdin.out()).isEmpty();
  }

  @Test
  void shellShowsPromptsAndLeavesOnQuit() {
    CliRun run = CliRun.withInput(".help\n.tables\n.nonsense\n.quit\nSELECT 1;\n", true);
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("quiver ")
        .contains("quiver> Type SQL statements ending with ';'")
        .contains("(no tables)")
        .contains("Unknown command .nonsense: type .help for the commands");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shellPrintsErrorsAndGoesOn() {
    CliRun run = CliRun.withInput("SELECT *\nFROM no_such_table;\n-- just a comment\n\\q\n",
        true);
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("quiver>    ...> quiver> quiver> ");
    assertThat(run.err()).startsWith("Error [");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void shellEndsAtEndOfInput() {
    CliRun run = CliRun.withInput("", true);
    assertThat(run.status()).isZero();
    assertThat(run.out()).endsWith("quiver> \n");
  }
}
