package io.quiver.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementBufferTest {

  private static StatementBuffer of(String... lines) {
    StatementBuffer buffer = new StatementBuffer();
    for (String line : lines) {
      buffer.append(line);
    }
    return buffer;
  }

  @Test
  void aSemicolonEndsAStatement() {
    assertThat(of("SELECT 1;").endsStatement()).isTrue();
    assertThat(of("SELECT 1;  ").endsStatement()).isTrue();
    assertThat(of("SELECT 1; -- done").endsStatement()).isTrue();
    assertThat(of("SELECT 1; /* done */").endsStatement()).isTrue();
    assertThat(of("SELECT", "1", ";").endsStatement()).isTrue();
    assertThat(of("SELECT 1").endsStatement()).isFalse();
    assertThat(of("SELECT 1; SELECT 2").endsStatement()).isFalse();
  }

  @Test
  void semicolonsInsideQuotesAndCommentsDoNotCount() {
    assertThat(of("SELECT 'a;").endsStatement()).isFalse();
    assertThat(of("SELECT 'a;", "b';").endsStatement()).isTrue();
    assertThat(of("SELECT 'it''s;'").endsStatement()).isFalse();
    assertThat(of("SELECT 'it''s;';").endsStatement()).isTrue();
    assertThat(of("SELECT \"x;\"").endsStatement()).isFalse();
    assertThat(of("SELECT `x;`").endsStatement()).isFalse();
    assertThat(of("SELECT 1 -- ;").endsStatement()).isFalse();
    assertThat(of("SELECT 1 /* ;").endsStatement()).isFalse();
    assertThat(of("SELECT 1 /* ;", "*/;").endsStatement()).isTrue();
  }

  @Test
  void blankMeansOnlyWhitespaceAndFinishedComments() {
    assertThat(of("").isBlank()).isTrue();
    assertThat(of("  -- comment").isBlank()).isTrue();
    assertThat(of("/* a */").isBlank()).isTrue();
    assertThat(of("/* open").isBlank()).isFalse();
    assertThat(of("x").isBlank()).isFalse();
  }

  @Test
  void clearStartsOver() {
    StatementBuffer buffer = of("SELECT 'open");
    buffer.clear();
    assertThat(buffer.isEmpty()).isTrue();
    buffer.append("SELECT 2;");
    assertThat(buffer.endsStatement()).isTrue();
    assertThat(buffer.text()).isEqualTo("SELECT 2;\n");
  }
}
