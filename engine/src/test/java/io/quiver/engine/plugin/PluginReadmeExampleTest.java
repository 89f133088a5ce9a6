package io.quiver.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin example of engine/README.md ("Plugins"), compiled and loaded: keep them in step. */
class PluginReadmeExampleTest {
  @TempDir
  Path directory;

  private static String readmeExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("## Plugins");
    assertThat(section).as("engine/README.md has a Plugins section").isNotNegative();
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  @Test
  void readmePluginLoadsAndRuns() throws IOException {
    String source = """
        package acme;

        import io.quiver.udf.function.*;
        import io.quiver.udf.plugin.*;
        import java.util.*;

        """ + readmeExample();
    Path jar = PluginJarBuilder.in(directory).source("acme.AcmePlugin", source)
        .service("acme.AcmePlugin").build("acme.jar");

    try (QuiverSession session = QuiverSession.open()) {
      try (QueryResult result = session.sql("LOAD PLUGIN '" + jar + "'")) {
        assertThat(result.toRows()).singleElement()
            .satisfies(row -> assertThat(row.get(3)).isEqualTo("LOADED"));
      }
      try (QueryResult result = session.sql("SELECT acme_add_one(1)")) {
        assertThat(result.toRows()).containsExactly(List.of(2L));
      }
      assertThat(session.plugins()).singleElement()
          .satisfies(report -> assertThat(report.version()).isEqualTo("1.2.0"));
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }
}
