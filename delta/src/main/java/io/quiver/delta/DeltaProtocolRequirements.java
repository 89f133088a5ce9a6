package io.quiver.delta;

import io.quiver.delta.kernel.DeltaProtocol;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code delta_scan}'s options require of the table's protocol: {@code min_reader_version},
 * {@code min_writer_version}, {@code required_reader_features}, {@code required_writer_features}.
 * A table that falls short is a DATA error naming its protocol: the table is readable, it is
 * just not the table the caller asked for (UNSUPPORTED is kept for what Quiver cannot read).
 * Features count when the protocol lists them or its legacy versions imply them
 * ({@link DeltaProtocol}).
 */
final class DeltaProtocolRequirements {
  private DeltaProtocolRequirements() {}

  /** Checks {@code protocol}, of version {@code version}, against {@code options}. */
  static void check(DeltaScanOptions options, DeltaProtocol protocol, long version) {
    List<String> unmet = new ArrayList<>();
    if (options.minReaderVersion() != null
        && protocol.minReaderVersion() < options.minReaderVersion()) {
      unmet.add("min_reader_version " + options.minReaderVersion());
    }
    if (options.minWriterVersion() != null
        && protocol.minWriterVersion() < options.minWriterVersion()) {
      unmet.add("min_writer_version " + options.minWriterVersion());
    }
    missing("required_reader_features", options.requiredReaderFeatures(),
        protocol.readerFeatures(), unmet);
    missing("required_writer_features", options.requiredWriterFeatures(),
        protocol.writerFeatures(), unmet);
    if (!unmet.isEmpty()) {
      throw new QuiverException(ErrorKind.DATA, "the table's protocol at version " + version
          + " does not meet " + String.join(", ", unmet) + ": it has "
          + protocol.describe());
    }
  }

  private static void missing(String key, List<String> required, Set<String> present,
      List<String> unmet) {
    List<String> absent = new ArrayList<>();
    for (String feature : required) {
      if (!present.contains(feature)) {
        absent.add(feature);
      }
    }
    if (!absent.isEmpty()) {
      unmet.add(key + " " + absent);
    }
  }
}
