package io.quiver.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.QuiverSession;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A session in a JVM started without Arrow's flag fails at once, naming the flag. */
class JvmFlagTest {

  /** Started in a child JVM without --add-opens: opens a session and reports the outcome. */
  public static final class OpenSession {
    public static void main(String[] args) {
      try (QuiverSession session = QuiverSession.open()) {
        System.out.println("opened");
      } catch (io.quiver.udf.error.QuiverException e) {
        System.out.println("kind=" + e.kind() + " message=" + e.getMessage());
      }
    }
  }

  @Test
  void sessionWithoutTheFlagFailsWithAQuiverExceptionNamingIt() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp",
        System.getProperty("java.class.path"), OpenSession.class.getName()))
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("kind=UNSUPPORTED")
        .contains(QuiverSession.REQUIRED_JVM_FLAG);
    assertThat(File.pathSeparator).isNotEmpty();
  }
}
