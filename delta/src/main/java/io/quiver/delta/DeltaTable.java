package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.delta.kernel.LocalPaths;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A Delta table's location and the snapshot a scan reads: resolves the table URI (a local
 * path or a {@code file:} URI; other schemes are UNSUPPORTED), checks that it holds a
 * {@code _delta_log}, and loads the latest snapshot or the one the options select. A version
 * or timestamp outside the table's history is a DATA error naming the available range.
 */
public final class DeltaTable {
  private final String uri;
  private final Path root;
  private final String kernelPath;

  private DeltaTable(String uri, Path root) {
    this.uri = uri;
    this.root = root;
    this.kernelPath = LocalPaths.toKernelPath(root);
  }

  /**
   * The table at {@code uri}.
   *
   * @throws QuiverException UNSUPPORTED for a non-local scheme, IO when the folder does not
   *     exist, DATA when it has no {@code _delta_log}
   */
  public static DeltaTable at(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new QuiverException(ErrorKind.DATA, "delta_scan needs a table URI, got "
          + (uri == null ? "NULL" : "''"));
    }
    if (LocalPaths.hasScheme(uri) && !uri.regionMatches(true, 0, "file:", 0, 5)) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "only local tables (a path or a file:"
          + " URI) can be read for now, not " + uri.substring(0, uri.indexOf(':') + 1));
    }
    Path root;
    try {
      root = LocalPaths.toPath(uri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      throw new QuiverException(ErrorKind.DATA, "not a valid table path: " + e.getMessage(), e);
    }
    if (!Files.isDirectory(root)) {
      throw new QuiverException(ErrorKind.IO, "the table folder " + root + " does not exist");
    }
    if (!Files.isDirectory(root.resolve("_delta_log"))) {
      throw new QuiverException(ErrorKind.DATA, "not a Delta table: " + root
          + " has no _delta_log folder");
    }
    return new DeltaTable(uri, root);
  }

  public String uri() {
    return uri;
  }

  public Path root() {
    return root;
  }

  /** Loads the snapshot {@code options} select. Kernel failures become QuiverExceptions. */
  public Snapshot snapshot(Engine engine, DeltaScanOptions options) {
    Snapshot latest;
    try {
      latest = KernelInternals.latestSnapshot(engine, kernelPath);
    } catch (RuntimeException e) {
      if (options.version() == null) {
        throw DeltaErrors.translate(e);
      }
      // the latest snapshot is broken; an older version may still load
      try {
        return KernelInternals.snapshotAtVersion(engine, kernelPath, options.version());
      } catch (RuntimeException older) {
        throw DeltaErrors.translate(older);
      }
    }
    if (options.version() != null) {
      long version = options.version();
      DeltaLogListing listing = DeltaLogListing.of(root.resolve("_delta_log"));
      long earliest = listing.earliestVersion();
      if (version > latest.getVersion() || version < earliest) {
        throw new QuiverException(ErrorKind.DATA, "version " + version + " is not in the"
            + " table's history: available versions are " + Math.max(earliest, 0) + " to "
            + latest.getVersion());
      }
      if (version == latest.getVersion()) {
        return latest;
      }
      try {
        return KernelInternals.snapshotAtVersion(engine, kernelPath, version);
      } catch (KernelException e) {
        throw new QuiverException(ErrorKind.DATA, "version " + version + " cannot be loaded: "
            + e.getMessage() + " (available versions are " + Math.max(earliest, 0) + " to "
            + latest.getVersion() + ")", e);
      } catch (RuntimeException e) {
        throw DeltaErrors.translate(e);
      }
    }
    if (options.timestampMillis() != null) {
      try {
        return KernelInternals.snapshotAtTimestamp(engine, kernelPath,
            options.timestampMillis(), latest);
      } catch (KernelException e) {
        DeltaLogListing listing = DeltaLogListing.of(root.resolve("_delta_log"));
        long earliest = listing.earliestVersion();
        Long first = listing.commits.get(earliest);
        String from = first == null ? "version " + earliest
            : Instant.ofEpochMilli(first) + " (version " + earliest + ")";
        throw new QuiverException(ErrorKind.DATA, "timestamp " + options.timestampText()
            + " is not in the table's history: the available range is " + from + " to "
            + Instant.ofEpochMilli(latest.getTimestamp(engine)) + " (version "
            + latest.getVersion() + ")", e);
      } catch (RuntimeException e) {
        throw DeltaErrors.translate(e);
      }
    }
    return latest;
  }
}
