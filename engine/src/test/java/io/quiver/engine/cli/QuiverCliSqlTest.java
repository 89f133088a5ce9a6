package io.quiver.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI running real SQL: what each format prints for a script, timing, errors mid-script. */
class QuiverCliSqlTest {

  @Test
  void queryPrintsATableByDefault() {
    CliRun run = CliRun.of("-c", "SELECT 42 AS answer, 'x' AS letter");
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("""
        +--------+--------+
        | answer | letter |
        +--------+--------+
        |     42 | x      |
        +--------+--------+
        (1 row)
        """);
  }

  @Test
  void csvOfAScriptIsExactlyItsQueryRows() {
    CliRun run = CliRun.of("--format", "csv", "-c",
        "CREATE VIEW v AS SELECT 1 AS a, 'x,y' AS b; SELECT * FROM v; DROP VIEW v;"
            + " SELECT 2 AS c");
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("a,b\n1,\"x,y\"\nc\n2\n");
  }

  @Test
  void jsonOfAScriptIsExactlyItsQueryRows() {
    CliRun run = CliRun.of("--format", "json", "-c",
        "CREATE VIEW v AS SELECT 1 AS a, 'x' AS b; SELECT * FROM v; SELECT 2 AS c");
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("[\n  {\"a\":1,\"b\":\"x\"}\n]\n[\n  {\"c\":2}\n]\n");
  }

  @Test
  void tableFormatPrintsTheMessageOfStatementsWithoutRows() {
    List<String> messages = new ArrayList<>();
    try (QuiverSession session = QuiverSession.open()) {
      session.execute("CREATE VIEW v AS SELECT 1 AS a", result -> messages.add(result.message()));
    }
    CliRun run = CliRun.of("-c", "CREATE VIEW v AS SELECT 1 AS a; SELECT a FROM v");
    assertThat(run.status()).isZero();
    assertThat(messages.get(0)).isNotEmpty();
    assertThat(run.out()).isEqualTo(messages.get(0) + "\n\n" + """
        +---+
        | a |
        +---+
        | 1 |
        +---+
        (1 row)
        """);
  }

  @Test
  void tablesOfOneScriptAreSetApartByABlankLine() {
    CliRun run = CliRun.of("-c", "SELECT 1 AS a; SELECT 2 AS b");
    assertThat(run.out()).contains("(1 row)\n\n+---+\n| b |");
  }

  @Test
  void theFirstErrorStopsTheScript() {
    CliRun run = CliRun.of("--format", "csv", "-c",
        "SELECT 1 AS a; SELECT * FROM no_such_table; SELECT 2 AS b");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("a\n1\n");
    assertThat(run.err()).startsWith("Error [PLAN]: ").contains("no_such_table")
        .doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aTableThatFailsWhileRunningPrintsOnlyItsError() {
    CliRun run = CliRun.of("-c",
        "SELECT 1 AS a; SELECT n / (n - 1) AS x FROM (VALUES (1), (2)) AS t(n); SELECT 3 AS c");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("""
        +---+
        | a |
        +---+
        | 1 |
        +---+
        (1 row)
        """);
    assertThat(run.err()).isEqualTo("Error [EXECUTION]: division by zero\n");
  }

  @Test
  void scriptFileErrorsNameTheFile(@TempDir Path directory) throws IOException {
    Path script = Files.writeString(directory.resolve("broken.sql"),
        "SELECT 1 AS a;\n\nSELECT nope FROM no_such_table;\n");
    CliRun run = CliRun.of("--format", "csv", "-f", script.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("a\n1\n");
    assertThat(run.err()).startsWith("Error [PLAN]: ").contains("script " + script);
  }

  @Test
  void commandsAndFilesRunInOrder(@TempDir Path directory) throws IOException {
    Path script = Files.writeString(directory.resolve("two.sql"), "SELECT 2 AS n;");
    CliRun run = CliRun.of("--format=csv", "-c", "SELECT 1 AS n", "-f", script.toString(),
        "-c", "SELECT 3 AS n;");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("n\n1\nn\n2\nn\n3\n");
  }

  @Test
  void standardInputIsAScriptWhenItIsNotATerminal() {
    CliRun run = CliRun.withInput("SELECT 1 AS a;\n-- and then\nSELECT 2 AS b;\n", false,
        "--format", "csv");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("a\n1\nb\n2\n");
  }

  @Test
  void timingGoesToStandardErrorOncePerStatement() {
    CliRun run = CliRun.of("--timing", "--format", "csv", "-c",
        "CREATE VIEW v AS SELECT 1 AS a; SELECT a FROM v");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("a\n1\n");
    assertThat(run.err().lines()).hasSize(2)
        .allMatch(line -> line.matches("Time: \\d+\\.\\d{3} ms"));
  }

  @Test
  void maxRowsCapsTheTable() {
    CliRun run = CliRun.of("--max-rows", "2", "-c",
        "SELECT n FROM (VALUES (1), (2), (3)) AS t(n)");
    assertThat(run.status()).isZero();
    assertThat(run.out()).endsWith("| 2 |\n+---+\n(3 rows, 1 not shown: only the first 2 are printed)\n");
  }

  @Test
  void smallBatchesGiveTheSameRows() {
    CliRun run = CliRun.of("--batch-size", "1", "--format", "csv", "-c",
        "SELECT n FROM (VALUES (1), (2), (3)) AS t(n) ORDER BY n");
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("n\n1\n2\n3\n");
  }

  @Test
  void memoryLimitIsEnforced() {
    CliRun run = CliRun.of("--memory-limit", "1k", "-c",
        "SELECT n FROM (VALUES (1), (2), (3)) AS t(n) ORDER BY n");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error [RESOURCE]: ");
  }

  @Test
  void shellRunsStatementsAndShowsTheirTime() {
    CliRun run = CliRun.withInput("SELECT 1\n  AS a;\nSELECT * FROM nope;\nSELECT 2 AS b;\n",
        true);
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("quiver>    ...> +---+\n| a |")
        .containsPattern("\\(1 row\\)\nTime: \\d+\\.\\d{3} ms\nquiver> quiver> \\+---\\+\n\\| b \\|");
    assertThat(run.err()).startsWith("Error [PLAN]: ");
  }
}
