package io.quiver.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata table functions against {@code delta-expected/manifest.json} for every table of
 * the corpus whose latest snapshot loads: {@code delta_history} lists the manifest's commit
 * versions (newest first) with their operations, and, on a copy of the log with the normalised
 * commit times, Kernel's timestamps; at every version the reference loaded,
 * {@code delta_snapshot} has the manifest's version, protocol, partition columns and number of
 * active files, and {@code delta_files} lists that many files, as many with deletion vectors.
 * Nothing but QuiverExceptions escape, and no Arrow memory is left.
 */
class DeltaMetadataConformanceTest {
  @TempDir
  Path temp;

  @Test
  void everyTableMatchesTheManifest() throws Exception {
    Path base = DeltaTestTables.corpus();
    JsonNode tables = DeltaManifest.get().get("tables");
    List<String> failures = new ArrayList<>();
    int tablesChecked = 0;
    int versionsChecked = 0;
    int index = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      TableFunction history = new DeltaHistoryFunction(() -> allocator, 1000);
      TableFunction snapshot = new DeltaSnapshotFunction(() -> allocator, 1000);
      TableFunction files = new DeltaFilesFunction(() -> allocator, 1000);
      for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode table = entry.getValue();
        if (!table.has("latest")) {
          continue;
        }
        String name = entry.getKey();
        Path path = base.resolve(table.get("tablePath").asText());
        long latest = table.get("latest").get("version").asLong();
        tablesChecked++;
        // history: the commit versions, newest first, with operations and Kernel's timestamps
        List<Long> expectedVersions = new ArrayList<>();
        for (JsonNode version : table.get("commitFileVersions")) {
          if (version.asLong() <= latest) {
            expectedVersions.add(0, version.asLong());
          }
        }
        Path copy = DeltaTimestampConformanceTest.normalizedCopy(path, table.get("versions"),
            temp.resolve("t" + index++));
        List<List<Object>> rows = read(history, copy, null, allocator, failures, name);
        if (rows != null) {
          List<Object> versions = rows.stream().map(row -> row.get(0)).toList();
          if (!versions.equals(new ArrayList<Object>(expectedVersions))) {
            failures.add(name + ": history versions " + versions + ", expected "
                + expectedVersions);
          }
          for (List<Object> row : rows) {
            JsonNode expected = table.get("versions").get(row.get(0).toString());
            if (expected == null) {
              continue;
            }
            JsonNode operation = expected.get("operation");
            Object expectedOperation = operation == null || operation.isNull() ? null
                : operation.asText();
            if (!java.util.Objects.equals(row.get(2), expectedOperation)) {
              failures.add(name + " v" + row.get(0) + ": operation " + row.get(2)
                  + ", expected " + expectedOperation);
            }
            JsonNode kernel = expected.get("kernelTimestamp");
            if (kernel != null && !kernel.isNull()
                && millis((LocalDateTime) row.get(1)) != kernel.asLong()) {
              failures.add(name + " v" + row.get(0) + ": timestamp " + row.get(1)
                  + ", expected " + expected.get("kernelTimestampIso").asText());
            }
          }
        }
        // every version the reference loaded: snapshot and files
        for (Iterator<Map.Entry<String, JsonNode>> v = table.get("versions").fields();
            v.hasNext(); ) {
          Map.Entry<String, JsonNode> version = v.next();
          JsonNode expected = version.getValue();
          if (expected.has("error") || !expected.has("scanFiles")) {
            continue;
          }
          versionsChecked++;
          String label = name + " v" + version.getKey();
          String options = "{\"version\": " + version.getKey() + "}";
          List<List<Object>> described = read(snapshot, path, options, allocator, failures,
              label);
          if (described != null) {
            List<Object> row = described.get(0);
            JsonNode protocol = expected.get("protocol");
            List<Object> expectedRow = List.of(Long.parseLong(version.getKey()),
                protocol.get("minReaderVersion").asInt(),
                protocol.get("minWriterVersion").asInt(),
                DeltaMetadataFunction.json(expected.get("partitionColumns")),
                expected.get("scanFiles").asLong());
            List<Object> actual = List.of(row.get(0), row.get(2), row.get(3), row.get(7),
                row.get(9));
            if (!actual.equals(expectedRow)) {
              failures.add(label + ": delta_snapshot " + actual + ", expected " + expectedRow);
            }
          }
          List<List<Object>> listed = read(files, path, options, allocator, failures, label);
          if (listed != null) {
            long withDeletionVectors = listed.stream().filter(row -> (Boolean) row.get(6))
                .count();
            List<Long> actual = List.of((long) listed.size(), withDeletionVectors);
            List<Long> expectedCounts = List.of(expected.get("scanFiles").asLong(),
                expected.get("scanFilesWithDeletionVector").asLong());
            if (!actual.equals(expectedCounts)) {
              failures.add(label + ": delta_files (files, with DV) " + actual + ", expected "
                  + expectedCounts);
            }
          }
        }
      }
      assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
    }
    System.out.println("Delta metadata conformance: " + tablesChecked + " tables, "
        + versionsChecked + " versions, " + failures.size() + " differences");
    assertThat(failures).isEmpty();
    assertThat(tablesChecked).isGreaterThan(90);
  }

  /** The rows of one call, or null (and a failure) when it fails. */
  private static List<List<Object>> read(TableFunction function, Path table, String options,
      BufferAllocator allocator, List<String> failures, String label) {
    try (TableSource source = function.open(DeltaConformanceTest.arguments(table.toString(),
        options))) {
      int[] projection = new int[source.schema().getFields().size()];
      for (int i = 0; i < projection.length; i++) {
        projection[i] = i;
      }
      List<List<Object>> rows = new ArrayList<>();
      try (TableScan scan = source.scan(projection, allocator, 7)) {
        for (VectorSchemaRoot next = scan.next(); next != null; next = scan.next()) {
          try (VectorSchemaRoot root = next) {
            for (int r = 0; r < root.getRowCount(); r++) {
              List<Object> row = new ArrayList<>();
              for (FieldVector vector : root.getFieldVectors()) {
                Object value = vector.getObject(r);
                row.add(value instanceof org.apache.arrow.vector.util.Text text
                    ? text.toString() : value);
              }
              rows.add(row);
            }
          }
        }
      }
      return rows;
    } catch (QuiverException e) {
      failures.add(label + ": " + function.name() + " refused: " + e.getMessage());
      return null;
    } catch (RuntimeException e) {
      failures.add(label + ": " + function.name() + " threw " + e);
      return null;
    }
  }

  private static long millis(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
