package io.quiver.delta.kernel;

import java.util.Set;

/**
 * A snapshot's protocol: the reader and writer versions and the table features it lists, with
 * those its legacy versions imply (a reader version below 3 or a writer version below 7 lists
 * no features; {@code columnMapping}, for example, comes with reader version 2 and writer
 * version 5).
 *
 * @param minReaderVersion the protocol's {@code minReaderVersion}
 * @param minWriterVersion the protocol's {@code minWriterVersion}
 * @param readerFeatures reader features, listed or implied
 * @param writerFeatures writer features (reader-writer features included), listed or implied
 */
public record DeltaProtocol(int minReaderVersion, int minWriterVersion,
    Set<String> readerFeatures, Set<String> writerFeatures) {

  public DeltaProtocol {
    readerFeatures = Set.copyOf(readerFeatures);
    writerFeatures = Set.copyOf(writerFeatures);
  }

  /** For messages: {@code reader version 1, writer version 2 (reader features: [], ...)}. */
  public String describe() {
    return "reader version " + minReaderVersion + ", writer version " + minWriterVersion
        + " (reader features: " + new java.util.TreeSet<>(readerFeatures)
        + "; writer features: " + new java.util.TreeSet<>(writerFeatures) + ")";
  }
}
