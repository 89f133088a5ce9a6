package io.quiver.delta;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions a table's {@code _delta_log} folder holds, read from file names alone: commit
 * files ({@code NNNNNNNNNNNNNNNNNNNN.json}, with their modification times, which Kernel uses as
 * commit timestamps) and checkpoints. Used to name the available range in time-travel errors.
 */
final class DeltaLogListing {
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint.*\\.(parquet|json)");

  /** Commit version to the file's modification time in milliseconds. */
  final TreeMap<Long, Long> commits = new TreeMap<>();
  final TreeSet<Long> checkpoints = new TreeSet<>();

  static DeltaLogListing of(Path logFolder) {
    DeltaLogListing listing = new DeltaLogListing();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(logFolder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        Matcher commit = COMMIT.matcher(name);
        if (commit.matches()) {
          listing.commits.put(Long.parseLong(commit.group(1)),
              Files.getLastModifiedTime(entry).toMillis());
          continue;
        }
        Matcher checkpoint = CHECKPOINT.matcher(name);
        if (checkpoint.matches()) {
          listing.checkpoints.add(Long.parseLong(checkpoint.group(1)));
        }
      }
    } catch (IOException e) {
      // the range is only for messages; an unreadable folder fails elsewhere with IO
    }
    return listing;
  }

  /**
   * The earliest version a snapshot can be built at: 0 when commit 0 exists, else the earliest
   * checkpoint (older commits were cleaned up), else the earliest commit; -1 when there is none.
   */
  long earliestVersion() {
    if (commits.containsKey(0L)) {
      return 0;
    }
    if (!checkpoints.isEmpty()) {
      return checkpoints.first();
    }
    return commits.isEmpty() ? -1 : commits.firstKey();
  }
}
