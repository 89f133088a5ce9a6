package io.quiver.engine.slt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code *.slt} file under {@code src/test/resources/slt/}: one container per file,
 * one test per record (named {@code file:line}) and a last test per file that checks that the
 * query memory is released and the session closes. Each file gets a fresh session.
 *
 * <p>System properties: {@code -Dslt.rewrite=true} writes the rows the engine returns into
 * mismatching query records of the source files (read the diff before committing it);
 * {@code -Dslt.files=a,b} runs only files whose path contains one of the given texts;
 * {@code -Dslt.batchSize=n} runs the sessions with n rows per batch (default: the session
 * default), which exercises batch boundaries on the small tables of the files.
 */
class SqlLogicTest {
  private static final String DIRECTORY = "slt";

  @TestFactory
  Stream<DynamicNode> sqlLogicTests() throws IOException {
    Path root = testDirectory();
    boolean rewrite = Boolean.getBoolean("slt.rewrite");
    int batchSize = Integer.getInteger("slt.batchSize", 0);
    List<String> filters = filters();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(path -> path.getFileName().toString().endsWith(".slt"))
          .filter(path -> matches(root.relativize(path).toString(), filters))
          .sorted()
          .toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no .slt files under " + root + " match " + filters);
    }
    List<DynamicNode> containers = new ArrayList<>();
    for (Path path : files) {
      String name = root.relativize(path).toString().replace('\\', '/');
      SqlLogicFile file =
          SqlLogicParser.parse(name, Files.readString(path, StandardCharsets.UTF_8));
      containers.add(container(file, path, batchSize, rewrite));
    }
    return containers.stream();
  }

  private static DynamicContainer container(SqlLogicFile file, Path path, int batchSize,
      boolean rewrite) {
    SqlLogicFileRun run = new SqlLogicFileRun(file, path, batchSize, rewrite);
    List<DynamicNode> tests = new ArrayList<>();
    Set<String> gaps = KnownGaps.load();
    for (SqlLogicRecord record : file.records()) {
      String key = file.name() + ":" + record.line();
      if (gaps.contains(key)) {
        // A recorded gap of the engine (see known_gaps.txt): it must still fail; when it
        // passes, this test fails and asks for the line to be removed from the list. Its
        // expected rows are never rewritten: they state what the engine should return.
        tests.add(DynamicTest.dynamicTest(key + " [known gap] " + record.header(),
            lineUri(path, record.line()), () -> KnownGaps.expectFailure(key,
                () -> run.run(record, false))));
        continue;
      }
      tests.add(DynamicTest.dynamicTest(file.name() + ":" + record.line() + " " + record.header(),
          lineUri(path, record.line()), () -> run.run(record)));
    }
    tests.add(DynamicTest.dynamicTest(file.name() + ": memory released, session closed",
        path.toUri(), run::finish));
    return DynamicContainer.dynamicContainer(file.name(), path.toUri(), tests.stream());
  }

  private static URI lineUri(Path path, int line) {
    return URI.create(path.toUri() + "?line=" + line);
  }

  /** The source directory (so that rewriting edits the real files), else the classpath copy. */
  private static Path testDirectory() {
    Path source = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
        DIRECTORY);
    if (Files.isDirectory(source)) {
      return source.toAbsolutePath().normalize();
    }
    if (Boolean.getBoolean("slt.rewrite")) {
      throw new IllegalStateException("slt.rewrite needs the source directory " + source
          + ": run the test from the engine module");
    }
    URL url = SqlLogicTest.class.getClassLoader().getResource(DIRECTORY);
    if (url == null) {
      throw new IllegalStateException("no '" + DIRECTORY + "' directory on the test classpath");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read " + url, e);
    }
  }

  private static List<String> filters() {
    String value = System.getProperty("slt.files", "").trim();
    if (value.isEmpty()) {
      return List.of();
    }
    return List.of(value.split("\\s*,\\s*"));
  }

  private static boolean matches(String relativePath, List<String> filters) {
    if (filters.isEmpty()) {
      return true;
    }
    for (String filter : filters) {
      if (relativePath.contains(filter)) {
        return true;
      }
    }
    return false;
  }
}
