package io.quiver.bench.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpchBenchmarkTest {
  @Test
  void runsTwoQueriesOnBothEnginesAndReportsNoWrongResult(@TempDir Path directory)
      throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse("tpch", "--sf", "0.01", "--queries", "1,6",
        "--runs", "1", "--timeout", "60", "--data-dir", directory.resolve("data").toString(),
        "--results-dir", directory.resolve("results").toString());
    List<String> log = new ArrayList<>();

    BenchmarkReport report = new TpchBenchmark(options, log::add).run();

    assertThat(log).anyMatch(line -> line.startsWith("generated lineitem: 60,175 rows"));
    assertThat(new TpchDataCache(directory.resolve("data"), 0.01).isComplete()).isTrue();
    String text = report.toText();
    assertThat(text).contains("quiver ms", "duckdb ms", "quiver/duckdb", "Q1 ", "Q6 ",
        "peak JVM heap", "peak Arrow memory").doesNotContain("WRONG");
    assertThat(report.queries()).hasSize(2).allSatisfy(query -> {
      assertThat(query.engine("duckdb").status()).isEqualTo(RunStatus.OK);
      assertThat(query.engine("duckdb").timesMillis()).hasSize(1);
      assertThat(query.engine("quiver").status()).isNotEqualTo(RunStatus.WRONG);
    });

    List<Path> files = report.write(options.resultsDirectory());
    List<String> csv = Files.readAllLines(files.get(0));
    assertThat(csv.get(0)).isEqualTo("query,engine,status,median_ms,min_ms,max_ms,runs_ms,detail");
    assertThat(csv).filteredOn(line -> line.matches("Q[16],(quiver|duckdb),.*")).hasSize(4);
    JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
    assertThat(json.path("settings").path("duckdb_threads").asInt()).isEqualTo(1);
    assertThat(json.path("queries")).hasSize(2);
    assertThat(json.path("queries").get(0).path("duckdb").path("status").asText())
        .isEqualTo("OK");
  }

  @Test
  void parsesOptionsWithDefaults() {
    BenchmarkOptions options = BenchmarkOptions.parse("--sf", "10", "--engines", "duckdb",
        "--duckdb-threads", "2", "--timeout", "1.5");
    assertThat(options.scaleFactorName()).isEqualTo("10");
    assertThat(options.engines()).containsExactly("duckdb");
    assertThat(options.runs()).isEqualTo(5);
    assertThat(options.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(options.queries()).hasSize(22);
    assertThat(options.duckdbThreads()).isEqualTo(2);
    assertThat(BenchmarkOptions.scaleFactorName(0.010)).isEqualTo("0.01");
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> BenchmarkOptions.parse("--engines", "quiver,spark"))
        .hasMessageContaining("unknown engine 'spark'");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--runs")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--runs", "x"))
        .hasMessageContaining("--runs needs a number");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--frobnicate", "1"))
        .hasMessageContaining("unknown option --frobnicate");
  }
}
