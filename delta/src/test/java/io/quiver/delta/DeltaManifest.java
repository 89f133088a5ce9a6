package io.quiver.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code delta-expected/manifest.json} of the conformance corpus, read once. */
final class DeltaManifest {
  private static JsonNode manifest;

  private DeltaManifest() {}

  /** The whole manifest (skips the test when the corpus is absent). */
  static synchronized JsonNode get() {
    if (manifest == null) {
      try {
        manifest = new ObjectMapper().readTree(DeltaTestTables.corpus()
            .resolve("delta-expected/manifest.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return manifest;
  }

  /** The entry of a table, for example {@code delta-golden/basic-with-inserts-merge}. */
  static JsonNode table(String relative) {
    JsonNode table = get().get("tables").get(relative);
    if (table == null) {
      throw new IllegalArgumentException("no table " + relative + " in the manifest");
    }
    return table;
  }

  /** The entry of one version of a table. */
  static JsonNode version(String relative, long version) {
    return table(relative).get("versions").get(Long.toString(version));
  }
}
