package io.quiver.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Snapshot;
import io.quiver.delta.kernel.QuiverKernelEngine;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code timestampChecks} probe of {@code delta-expected/manifest.json}: the table's
 * {@code _delta_log} is copied with each commit file's modification time set to the manifest's
 * {@code normalizedCommitFileMtime} (other files: 1000000000000 ms, as the README describes),
 * and {@code {"timestamp": ...}} must resolve to the same version as the reference, or be
 * refused (a QuiverException) where the reference threw.
 */
class DeltaTimestampConformanceTest {
  @TempDir
  Path temp;

  @Test
  void everyTimestampProbeResolvesLikeTheReference() throws IOException {
    Path base = DeltaTestTables.corpus();
    JsonNode manifest = new ObjectMapper().readTree(
        base.resolve("delta-expected/manifest.json").toFile());
    int matched = 0;
    List<String> failures = new ArrayList<>();
    int tableIndex = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.get("tables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode checks = entry.getValue().get("timestampChecks");
        if (checks == null || checks.isEmpty()) {
          continue;
        }
        Path copy = normalizedCopy(base.resolve(entry.getValue().get("tablePath").asText()),
            entry.getValue().get("versions"), temp.resolve("t" + tableIndex++));
        for (JsonNode check : checks) {
          String options = "{\"timestamp\": \"" + check.get("timestamp").asText() + "\"}";
          String outcome;
          try (QuiverKernelEngine engine = new QuiverKernelEngine(allocator, 1000)) {
            Snapshot snapshot = DeltaTable.at(copy.toString())
                .snapshot(engine, DeltaScanOptions.parse(options));
            outcome = "version " + snapshot.getVersion();
          } catch (QuiverException e) {
            outcome = "refused";
          }
          String expected = check.has("resolvedVersion")
              ? "version " + check.get("resolvedVersion").asLong() : "refused";
          if (outcome.equals(expected)) {
            matched++;
          } else {
            failures.add(entry.getKey() + " " + check.get("probe").asText() + ": " + outcome
                + ", expected " + expected);
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    System.out.println("Delta timestamp conformance: " + (matched + failures.size())
        + " probes, " + matched + " resolved like the reference, " + failures.size()
        + " differ");
    assertThat(failures).isEmpty();
  }

  static Path normalizedCopy(Path table, JsonNode versions, Path target)
      throws IOException {
    Path log = target.resolve("_delta_log");
    Files.createDirectories(log);
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Path to = log.resolve(file.getFileName().toString());
          Files.copy(file, to);
          Files.setLastModifiedTime(to, FileTime.fromMillis(1_000_000_000_000L));
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = versions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> version = it.next();
      JsonNode mtime = version.getValue().get("normalizedCommitFileMtime");
      Path commit = log.resolve(String.format("%020d.json", Long.parseLong(version.getKey())));
      if (mtime != null && !mtime.isNull() && Files.exists(commit)) {
        Files.setLastModifiedTime(commit, FileTime.fromMillis(mtime.asLong()));
      }
    }
    return target;
  }
}
