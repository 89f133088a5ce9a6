package io.quiver.engine.slt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * The SQL logic records the engine does not pass yet, listed in {@code slt/known_gaps.txt}
 * ({@code file:line  reason}). Each listed record still runs and must still fail: a record that
 * starts passing fails the suite until its line is removed, so the list only shrinks.
 */
final class KnownGaps {
  private KnownGaps() {}

  static Set<String> load() {
    Set<String> keys = new HashSet<>();
    try (InputStream in = KnownGaps.class.getResourceAsStream("/slt/known_gaps.txt")) {
      if (in == null) {
        return keys;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          keys.add(trimmed.split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read slt/known_gaps.txt", e);
    }
    return keys;
  }

  static void expectFailure(String key, Executable record) {
    try {
      record.execute();
    } catch (Throwable expected) {
      return;
    }
    throw new AssertionError(key + " passes now: remove it from slt/known_gaps.txt");
  }
}
