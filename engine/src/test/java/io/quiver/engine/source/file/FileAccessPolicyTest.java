package io.quiver.engine.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.engine.source.ArrowTestFiles;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** external_access and allowed_paths: disabling, and escapes with .., symlinks and globs. */
class FileAccessPolicyTest {
  @TempDir
  Path directory;
  private Path allowed;
  private Path outside;

  @BeforeEach
  void files() throws IOException {
    allowed = directory.resolve("allowed");
    outside = directory.resolve("outside");
    ArrowTestFiles.write(allowed.resolve("in.arrow"), true, 0, 2, 2, false);
    ArrowTestFiles.write(outside.resolve("secret.arrow"), true, 100, 2, 2, false);
  }

  private List<List<Object>> rows(QuiverSession session, String sql) {
    try (QueryResult result = session.sql(sql)) {
      return result.toRows();
    }
  }

  private QuiverException denied(QuiverSession session, String path) {
    Throwable thrown = catchThrowable(() -> rows(session, "SELECT * FROM read_arrow('"
        + path.replace("'", "''") + "')"));
    assertThat(thrown).as(path).isInstanceOf(QuiverException.class);
    QuiverException error = (QuiverException) thrown;
    assertThat(error.kind()).as(error.getMessage()).isEqualTo(ErrorKind.ACCESS);
    return error;
  }

  private QuiverSession confined(String allowedPaths) {
    return QuiverSession.builder().option("allowed_paths", allowedPaths).build();
  }

  private static void closeChecked(QuiverSession session) {
    assertThat(session.allocator().getAllocatedMemory())
        .isEqualTo(session.tableAllocator().getAllocatedMemory());
    session.close();
  }

  @Test
  void externalAccessFalseDisablesFileFunctions() {
    QuiverSession session = QuiverSession.builder().option("external_access", "false").build();
    try {
      QuiverException error = denied(session, allowed.resolve("in.arrow").toString());
      assertThat(error.getMessage()).contains("external_access=false").contains("read_arrow");
    } finally {
      closeChecked(session);
    }
  }

  @Test
  void allowedPathsConfineReadsAndEscapesAreAccessErrors() throws IOException {
    Path link = allowed.resolve("link.arrow");
    Files.createSymbolicLink(link, outside.resolve("secret.arrow"));
    Path linkedDirectory = allowed.resolve("linked");
    Files.createSymbolicLink(linkedDirectory, outside);
    for (String setting : List.of("[\"" + allowed + "\"]", allowed + ", /nonexistent")) {
      QuiverSession session = confined(setting);
      try {
        assertThat(rows(session, "SELECT COUNT(*) FROM read_arrow('"
            + allowed.resolve("in.arrow") + "')")).containsExactly(List.of(2L));
        assertThat(denied(session, outside.resolve("secret.arrow").toString()).getMessage())
            .contains("secret.arrow").contains("allowed_paths");
        assertThat(denied(session, allowed + "/../outside/secret.arrow").getMessage())
            .contains("secret.arrow");
        assertThat(denied(session, link.toString()).getMessage()).contains("link.arrow")
            .contains("resolved to");
        denied(session, linkedDirectory.resolve("secret.arrow").toString());
        denied(session, linkedDirectory.toString());
        denied(session, allowed + "/*");
        denied(session, allowed + "/../outside/*.arrow");
        denied(session, directory + "/*/secret.arrow");
        denied(session, "[\"" + allowed.resolve("in.arrow") + "\", \""
            + outside.resolve("secret.arrow") + "\"]");
        assertThat(denied(session, outside.resolve("missing.arrow").toString()).getMessage())
            .contains("missing.arrow");
      } finally {
        closeChecked(session);
      }
    }
  }

  @Test
  void badPolicySettingsAreErrors() {
    QuiverSession session = QuiverSession.builder().option("external_access", "maybe").build();
    try {
      assertThat(denied(session, allowed.toString()).getMessage()).contains("true or false");
    } finally {
      closeChecked(session);
    }
  }
}
