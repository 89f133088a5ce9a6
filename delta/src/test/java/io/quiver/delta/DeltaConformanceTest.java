package io.quiver.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.types.StructType;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableScan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every table of the Delta conformance corpus ({@code shared/conformance/delta-golden},
 * {@code delta-kernel-tables}) at every version listed in {@code delta-expected/manifest.json},
 * read with {@code delta_scan} and compared with the reference (Delta Kernel 4.2.0 with its
 * default engine): row count, checksum and the expected CSV lines; tables and versions the
 * reference refuses must be refused with a QuiverException. Writes a report to
 * {@code target/delta-conformance.md}. Skips when the corpus is absent, fails when it is absent
 * and {@code CI=true}.
 */
class DeltaConformanceTest {

  enum Outcome {
    /** Same rows as the reference. */
    MATCH,
    /** Refused like the reference. */
    REFUSED_AS_EXPECTED,
    /** Rows differ from the reference. */
    MISMATCH,
    /** Quiver refused (a QuiverException) what the reference read. */
    REFUSED,
    /** Quiver read what the reference refused. */
    READ_BUT_REFERENCE_REFUSED,
    /** Something other than a QuiverException escaped. */
    FOREIGN_EXCEPTION
  }

  record Result(String table, String version, Outcome outcome, String note) {}

  @Test
  void everyTableAtEveryVersionMatchesTheReference() throws IOException {
    Path base = Path.of(System.getProperty("quiver.conformance.dir", "../shared/conformance"));
    Path expected = base.resolve("delta-expected");
    Assertions.assertFalse("true".equals(System.getenv("CI"))
        && !Files.isRegularFile(expected.resolve("manifest.json")),
        "CI=true but the Delta corpus is missing at " + expected.toAbsolutePath());
    Assumptions.assumeTrue(Files.isRegularFile(expected.resolve("manifest.json")),
        "the Delta conformance corpus is not at " + expected.toAbsolutePath()
            + " (set -Dquiver.conformance.dir)");
    JsonNode manifest = new ObjectMapper().readTree(expected.resolve("manifest.json").toFile());
    List<Result> results = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("tables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode table = entry.getValue();
        Path tablePath = base.resolve(table.get("tablePath").asText());
        Path expectedDir = expected.resolve(table.get("expectedDir").asText());
        if (table.has("error")) {
          results.add(check(allocator, entry.getKey(), "latest", tablePath, null, null,
              expectedDir));
        }
        JsonNode versions = table.get("versions");
        if (versions == null) {
          continue;
        }
        for (Iterator<Map.Entry<String, JsonNode>> v = versions.fields(); v.hasNext(); ) {
          Map.Entry<String, JsonNode> version = v.next();
          results.add(check(allocator, entry.getKey(), version.getKey(), tablePath,
              version.getValue(), Long.parseLong(version.getKey()), expectedDir));
        }
      }
      assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
    }
    Map<Outcome, Integer> counts = new TreeMap<>();
    for (Result result : results) {
      counts.merge(result.outcome(), 1, Integer::sum);
    }
    String summary = "Delta conformance: " + results.size() + " checks: " + counts;
    System.out.println(summary);
    writeReport(results, summary, base.toString());
    for (Result result : results) {
      if (result.outcome() != Outcome.MATCH && result.outcome() != Outcome.REFUSED_AS_EXPECTED) {
        System.out.println("  " + result);
      }
    }
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.FOREIGN_EXCEPTION).isEmpty();
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.MISMATCH).isEmpty();
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.READ_BUT_REFERENCE_REFUSED)
        .isEmpty();
  }

  private Result check(BufferAllocator allocator, String table, String label, Path tablePath,
      JsonNode expected, Long version, Path expectedDir) {
    boolean refused = expected == null || expected.has("error") || expected.has("readError");
    String options = version == null ? null : "{\"version\": " + version + "}";
    List<String> lines = new ArrayList<>();
    String header;
    try {
      DeltaScanFunction function = new DeltaScanFunction(() -> allocator, 1000);
      try (DeltaTableSource source = (DeltaTableSource) function.open(
          arguments(tablePath.toString(), options))) {
        StructType schema = source.deltaSchema();
        header = CanonicalValues.header(schema);
        int[] projection = new int[schema.length()];
        for (int i = 0; i < projection.length; i++) {
          projection[i] = i;
        }
        try (TableScan scan = source.scan(projection, allocator, 1000)) {
          for (VectorSchemaRoot next = scan.next(); next != null; next = scan.next()) {
            try (VectorSchemaRoot root = next) {
              for (int r = 0; r < root.getRowCount(); r++) {
                lines.add(CanonicalValues.line(schema, root, r));
              }
            }
          }
        }
      }
    } catch (QuiverException e) {
      String note = e.kind() + ": " + e.getMessage().lines().findFirst().orElse("");
      return new Result(table, label, refused ? Outcome.REFUSED_AS_EXPECTED : Outcome.REFUSED,
          note);
    } catch (RuntimeException | Error e) {
      return new Result(table, label, Outcome.FOREIGN_EXCEPTION, e.toString());
    }
    if (refused) {
      return new Result(table, label, Outcome.READ_BUT_REFERENCE_REFUSED, lines.size()
          + " rows; reference: " + (expected == null ? "latest refused"
              : expected.has("error") ? expected.get("error").get("class").asText()
              : expected.get("readError").get("class").asText()));
    }
    lines.sort(String::compareTo);
    String checksum = checksum(lines);
    long rowCount = expected.get("rowCount").asLong();
    if (lines.size() != rowCount || !checksum.equals(expected.get("checksum").asText())) {
      return new Result(table, label, Outcome.MISMATCH, lines.size() + " rows (expected "
          + rowCount + "), checksum " + checksum + " (expected "
          + expected.get("checksum").asText() + ")" + firstDifference(lines, header,
              expectedDir.resolve(expected.get("csv").asText())));
    }
    String difference = firstDifference(lines, header,
        expectedDir.resolve(expected.get("csv").asText()));
    if (!difference.isEmpty()) {
      return new Result(table, label, Outcome.MISMATCH, difference);
    }
    return new Result(table, label, Outcome.MATCH, rowCount + " rows");
  }

  private static String firstDifference(List<String> lines, String header, Path csv) {
    try {
      List<String> expected = Files.readAllLines(csv, StandardCharsets.UTF_8);
      if (!expected.get(0).equals(header)) {
        return "; header " + header + " vs expected " + expected.get(0);
      }
      for (int i = 1; i < expected.size(); i++) {
        if (i - 1 >= lines.size() || !expected.get(i).equals(lines.get(i - 1))) {
          return "; line " + i + ": " + (i - 1 < lines.size() ? lines.get(i - 1) : "(none)")
              + " vs expected " + expected.get(i);
        }
      }
      return "";
    } catch (IOException e) {
      return "; cannot read " + csv + ": " + e;
    }
  }

  static String checksum(List<String> lines) {
    try {
      long sum = 0;
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        byte[] d = digest.digest(line.getBytes(StandardCharsets.UTF_8));
        sum += ByteBuffer.wrap(d, 0, 8).getLong();
      }
      return String.format("%016x", sum);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static TableArguments arguments(String uri, String options) {
    List<Object> values = new ArrayList<>();
    values.add(uri);
    return new TableArguments() {
      @Override
      public List<Object> values() {
        return values;
      }

      @Override
      public String options() {
        return options;
      }
    };
  }

  private static void writeReport(List<Result> results, String summary, String base)
      throws IOException {
    StringBuilder report = new StringBuilder("# Delta conformance (generated by"
        + " DeltaConformanceTest)\n\n");
    report.append("Every table of `delta-golden/` and `delta-kernel-tables/` at every version in"
        + " `delta-expected/manifest.json`, read with `delta_scan` (all columns) and compared"
        + " with Delta Kernel 4.2.0's default engine: row count, checksum and CSV lines."
        + " Refusals are compared as refusals (any QuiverException).\n\n");
    report.append(summary).append("\n\n| table | version | outcome | note |\n|---|---|---|---|\n");
    for (Result result : results) {
      report.append("| ").append(result.table()).append(" | ").append(result.version())
          .append(" | ").append(result.outcome()).append(" | ")
          .append(result.note().replace(base, "<conformance>")
              .replace(Path.of(base).toAbsolutePath().normalize().toString(), "<conformance>").replace("|", "\\|")
              .replace("\n", " ")).append(" |\n");
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "delta-conformance.md"), report.toString());
  }
}
