package io.quiver.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Tables of the shared Delta conformance corpus for the tests, and copies to break. */
public final class DeltaTestTables {
  private DeltaTestTables() {}

  /** The corpus folder; skips the test when it is absent (fails when {@code CI=true}). */
  public static Path corpus() {
    Path base = Path.of(System.getProperty("quiver.conformance.dir", "../shared/conformance"));
    boolean present = Files.isDirectory(base.resolve("delta-golden"));
    Assertions.assertFalse("true".equals(System.getenv("CI")) && !present,
        "CI=true but the Delta corpus is missing at " + base.toAbsolutePath());
    Assumptions.assumeTrue(present, "the Delta corpus is not at " + base.toAbsolutePath()
        + " (set -Dquiver.conformance.dir)");
    return base;
  }

  /** A table of the corpus, for example {@code delta-golden/basic-with-inserts-merge}. */
  public static Path table(String relative) {
    return corpus().resolve(relative).toAbsolutePath().normalize();
  }

  /** A copy of a corpus table under {@code target}, to break. */
  static Path copy(String relative, Path target) {
    Path source = table(relative);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** A SQL string literal of a path. */
  static String literal(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }
}
