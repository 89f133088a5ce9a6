package io.quiver.engine.source.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.source.ArrowTestFiles;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded corruption of valid Arrow IPC files (file and stream format, with a dictionary
 * column): bytes flipped or the file truncated at random positions, 200 fixed seeds each. Every
 * case either reads or fails with a QuiverException of kind DATA, IO or UNSUPPORTED, within a
 * time bound, and leaves no query memory behind.
 */
class ArrowCorruptionTest {
  private static final int SEEDS = 200;

  @TempDir
  Path directory;
  private QuiverSession session;

  @BeforeEach
  void open() {
    session = QuiverSession.builder().batchSize(16).memoryLimit(256L << 20).build();
  }

  @AfterEach
  void close() {
    session.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void corruptFilesGiveOnlyQuiverExceptions(boolean fileFormat) throws IOException {
    Path valid = ArrowTestFiles.write(directory.resolve(fileFormat ? "v.arrow" : "v.arrows"),
        fileFormat, 0, 40, 7, true);
    byte[] original = Files.readAllBytes(valid);
    Path corrupt = directory.resolve(fileFormat ? "c.arrow" : "c.arrows");
    String sql = "SELECT COUNT(*), SUM(id), MAX(name), MIN(color) FROM read_arrow('"
        + corrupt.toString().replace("'", "''") + "')";
    int failures = 0;
    for (int seed = 0; seed < SEEDS; seed++) {
      Files.write(corrupt, corrupt(original, seed));
      int currentSeed = seed;
      Throwable outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try (QueryResult result = session.sql(sql)) {
          result.toRows();
          return null;
        } catch (Throwable e) {
          return e;
        }
      }, () -> "seed " + currentSeed + " did not finish in time");
      if (outcome != null) {
        failures++;
        assertThat(outcome).as("seed %d: %s", seed, outcome)
            .isInstanceOf(QuiverException.class);
        assertThat(((QuiverException) outcome).kind()).as("seed %d: %s", seed, outcome)
            .isIn(ErrorKind.DATA, ErrorKind.IO, ErrorKind.UNSUPPORTED);
      }
      assertThat(session.allocator().getAllocatedMemory()).as("seed %d: %s", seed, outcome)
          .isEqualTo(session.tableAllocator().getAllocatedMemory());
    }
    assertThat(failures).isGreaterThan(SEEDS / 4);
  }

  /** Even seeds flip 1..8 bytes; odd seeds truncate, half of them after flipping one byte. */
  private static byte[] corrupt(byte[] original, int seed) {
    Random random = new Random(seed);
    byte[] bytes = original.clone();
    if (seed % 2 == 0 || seed % 4 == 1) {
      int flips = seed % 2 == 0 ? 1 + random.nextInt(8) : 1;
      for (int i = 0; i < flips; i++) {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
      }
    }
    if (seed % 2 == 1) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    return bytes;
  }
}
