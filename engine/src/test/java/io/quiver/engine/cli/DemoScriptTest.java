package io.quiver.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/demo.sql}, the first command of the README, runs without an error and gives
 * these rows (checked against SQLite on the same files).
 */
class DemoScriptTest {

  @Test
  void demoScriptRunsAndGivesItsRows() throws IOException {
    Path root = repositoryRoot();
    String script = Files.readString(root.resolve("examples/demo.sql"), StandardCharsets.UTF_8)
        // The script's paths are relative to the repository root; tests run in engine/.
        .replace("'examples/", "'" + root.toAbsolutePath() + "/examples/");
    CliRun run = CliRun.of("--format", "csv", "-c", script);
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("""
        source,row_count
        customers,13
        orders,40
        country,orders,items,revenue
        South Korea,6,19,1082.83
        Nigeria,11,33,801.85
        Japan,5,14,622.10
        United Kingdom,3,5,374.40
        Ireland,3,7,361.50
        Sweden,2,5,240.00
        Morocco,1,4,239.80
        Germany,2,5,194.35
        Spain,1,5,124.95
        Brazil,2,6,74.49
        Czechia,2,4,50.75
        Italy,1,5,36.25
        name,city,orders,spent
        Dana Kim,Seoul,6,1082.83
        "Okafor, Chidi",Lagos,11,801.85
        Hiro Tanaka,Osaka,5,622.10
        Ben Carter,Leeds,3,374.40
        Kate O'Neil,Cork,3,361.50
        Greta Lind,,2,240.00
        Fatima Zahra,Casablanca,1,239.80
        Jonas Weber,Leipzig,2,194.35
        Luca Bianchi,Turin,2,153.25
        Isabel Ruiz,Valencia,1,124.95
        Ana Souza,São Paulo,2,74.49
        Emil Novak,Prague,2,50.75
        Mara Jensen,Aarhus,0,
        status,orders,with_amount
        delivered,19,19
        shipped,13,13
        processing,7,6
        cancelled,1,1
        name,order_id,order_date,amount,running_total
        Dana Kim,1004,2024-01-25,179.85,179.85
        Dana Kim,1009,2024-02-15,117.00,296.85
        Dana Kim,1010,2024-02-18,58.00,354.85
        Dana Kim,1018,2024-03-17,600.00,954.85
        Dana Kim,1035,2024-05-25,78.00,1032.85
        Dana Kim,1039,2024-06-12,49.98,1082.83
        "Okafor, Chidi",1001,2024-01-07,124.95,124.95
        "Okafor, Chidi",1006,2024-02-05,72.50,197.45
        "Okafor, Chidi",1008,2024-02-12,117.00,314.45
        "Okafor, Chidi",1013,2024-02-29,21.75,336.20
        "Okafor, Chidi",1019,2024-03-18,14.50,350.70
        "Okafor, Chidi",1025,2024-04-14,58.00,408.70
        "Okafor, Chidi",1026,2024-04-18,36.25,444.95
        "Okafor, Chidi",1029,2024-05-02,240.00,684.95
        "Okafor, Chidi",1030,2024-05-07,78.00,762.95
        "Okafor, Chidi",1034,2024-05-20,9.90,772.85
        "Okafor, Chidi",1038,2024-06-08,29.00,801.85
        """);
  }

  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("examples/demo.sql"))) {
      directory = directory.getParent();
    }
    assertThat(directory).as("a folder above the tests holding examples/demo.sql").isNotNull();
    return directory;
  }
}
