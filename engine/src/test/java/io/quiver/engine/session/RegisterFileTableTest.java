package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.engine.QueryResult;
import io.quiver.engine.QuiverSession;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** session.registerFileTable: a file-backed table from Java. */
class RegisterFileTableTest {
  @TempDir Path directory;

  private static List<List<Object>> rows(QuiverSession session, String sql) {
    try (QueryResult result = session.sql(sql)) {
      return result.toRows();
    }
  }

  @Test
  void fileTableIsReadAtEachQueryWithItsOptions() throws IOException {
    Path file = directory.resolve("it's.csv");
    Files.writeString(file, "id;name\n1;a\n2;b\n");
    try (QuiverSession session = QuiverSession.open()) {
      session.registerFileTable("People", "csv", file.toString(), "{\"delimiter\": \";\"}");
      assertThat(rows(session, "SELECT COUNT(*), MAX(name) FROM \"People\""))
          .containsExactly(List.of(2L, "b"));
      Files.writeString(file, "id;name\n1;a\n2;b\n3;c\n");
      assertThat(rows(session, "SELECT COUNT(*) FROM \"People\"")).containsExactly(List.of(3L));
      assertThat(session.allocator().getAllocatedMemory()).isZero();
    }
  }

  @Test
  void unknownFormatMissingFileAndPolicyAreErrors() {
    try (QuiverSession session = QuiverSession.open()) {
      QuiverException format = catchThrowableOfType(
          () -> session.registerFileTable("t", "xls", "x.xls", null), QuiverException.class);
      assertThat(format.kind()).isEqualTo(ErrorKind.PLAN);
      assertThat(format.getMessage()).contains("parquet, csv, json or arrow");
      QuiverException missing = catchThrowableOfType(() -> session.registerFileTable("t",
          "parquet", directory.resolve("none.parquet").toString(), null), QuiverException.class);
      assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
      assertThat(session.tableNames()).doesNotContain("t");
    }
    try (QuiverSession closed = QuiverSession.builder().option("external_access", "false")
        .build()) {
      QuiverException denied = catchThrowableOfType(() -> closed.registerFileTable("t", "csv",
          directory.resolve("a.csv").toString(), null), QuiverException.class);
      assertThat(denied.kind()).isEqualTo(ErrorKind.ACCESS);
    }
  }
}
