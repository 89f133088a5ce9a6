package io.quiver.delta;

import io.quiver.delta.kernel.LocalPaths;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data files the {@code files} option restricts a scan to. An entry is a path relative to
 * the table root (as the log's add actions write it, URI-escaped or not:
 * {@code p=1/part-0.parquet}), an absolute path or a {@code file:} URI. Each must be an active
 * data file of the snapshot read ({@link #checkActive}); the scan then reads only those.
 */
final class DeltaFileSelection {
  /** Each entry as given, to the local paths it may name. */
  private final Map<String, List<Path>> entries = new LinkedHashMap<>();
  private final Set<Path> paths = new HashSet<>();

  private DeltaFileSelection() {}

  /** The selection of {@code entries} for the table at {@code root}. */
  static DeltaFileSelection of(List<String> entries, Path root) {
    DeltaFileSelection selection = new DeltaFileSelection();
    for (String entry : entries) {
      List<Path> candidates = candidates(entry, root);
      selection.entries.put(entry, candidates);
      selection.paths.addAll(candidates);
    }
    return selection;
  }

  private static List<Path> candidates(String entry, Path root) {
    List<Path> result = new ArrayList<>(2);
    try {
      if (LocalPaths.hasScheme(entry)) {
        result.add(LocalPaths.toPath(entry).toAbsolutePath().normalize());
      } else {
        result.add(root.resolve(entry).toAbsolutePath().normalize());
      }
    } catch (IllegalArgumentException e) {
      throw new QuiverException(ErrorKind.DATA, "files entry '" + entry + "' is not a local"
          + " path of the table: " + e.getMessage(), e);
    }
    String decoded = decoded(entry);
    if (decoded != null && !decoded.equals(entry)) {
      try {
        result.add((LocalPaths.hasScheme(decoded) ? LocalPaths.toPath(decoded)
            : root.resolve(decoded)).toAbsolutePath().normalize());
      } catch (IllegalArgumentException e) {
        // the escaped reading is no path: only the literal one applies
      }
    }
    return result;
  }

  /** The entry with URI escapes ({@code %20}) decoded, or null when it is no URI. */
  private static String decoded(String entry) {
    if (entry.indexOf('%') < 0) {
      return null;
    }
    try {
      URI uri = new URI(entry);
      return uri.getScheme() == null ? uri.getPath() : uri.getScheme() + ":" + uri.getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** True when {@code file} (an absolute, normalised local path) is selected. */
  boolean includes(Path file) {
    return paths.contains(file);
  }

  /**
   * Checks that every entry names one of {@code active}, the snapshot's active data files
   * (absolute, normalised): otherwise a DATA error naming the entry and the version.
   */
  void checkActive(Set<Path> active, long version) {
    for (Map.Entry<String, List<Path>> entry : entries.entrySet()) {
      if (entry.getValue().stream().noneMatch(active::contains)) {
        throw new QuiverException(ErrorKind.DATA, "files entry '" + entry.getKey()
            + "' is not an active data file of version " + version + " of the table (which"
            + " has " + active.size() + " active data files)");
      }
    }
  }
}
