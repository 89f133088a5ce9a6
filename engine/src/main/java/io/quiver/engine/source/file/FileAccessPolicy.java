package io.quiver.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files the file table functions may read, from two session options:
 * <ul>
 *   <li>{@code external_access}: {@code false} disables every file table function (an ACCESS
 *       error); {@code true} or absent allows them;</li>
 *   <li>{@code allowed_paths}: directories given as a JSON array ({@code ["/data","/tmp/x"]})
 *       or a comma-separated list; when set, every file read must lie inside one of them after
 *       {@code ..} and symbolic links are resolved ({@link Path#toRealPath}). Absent or empty:
 *       any path.</li>
 * </ul>
 * A violation is an ACCESS error naming the path.
 */
public final class FileAccessPolicy {
  public static final String EXTERNAL_ACCESS = "external_access";
  public static final String ALLOWED_PATHS = "allowed_paths";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FileAccessPolicy UNRESTRICTED = new FileAccessPolicy(true, List.of());

  private final boolean enabled;
  private final List<Path> allowed;

  private FileAccessPolicy(boolean enabled, List<Path> allowed) {
    this.enabled = enabled;
    this.allowed = List.copyOf(allowed);
  }

  /** Any file may be read. */
  public static FileAccessPolicy unrestricted() {
    return UNRESTRICTED;
  }

  /** The policy of a session's options. */
  public static FileAccessPolicy fromSessionOptions(Map<String, String> options) {
    String access = options.get(EXTERNAL_ACCESS);
    boolean enabled = true;
    if (access != null) {
      String value = access.strip().toLowerCase(Locale.ROOT);
      if (!value.equals("true") && !value.equals("false")) {
        throw new QuiverException(ErrorKind.ACCESS, "session option " + EXTERNAL_ACCESS
            + " must be true or false, got '" + access + "'");
      }
      enabled = value.equals("true");
    }
    String paths = options.get(ALLOWED_PATHS);
    List<Path> allowed = new ArrayList<>();
    if (paths != null) {
      for (String entry : split(paths)) {
        allowed.add(canonical(Path.of(entry)));
      }
    }
    return new FileAccessPolicy(enabled, allowed);
  }

  private static List<String> split(String paths) {
    List<String> entries = new ArrayList<>();
    String text = paths.strip();
    if (text.startsWith("[")) {
      JsonNode array;
      try {
        array = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new QuiverException(ErrorKind.ACCESS, "session option " + ALLOWED_PATHS
            + " is not a valid JSON array: " + e.getOriginalMessage(), e);
      }
      for (JsonNode element : array) {
        if (!element.isTextual()) {
          throw new QuiverException(ErrorKind.ACCESS, "session option " + ALLOWED_PATHS
              + " must hold directory strings, got " + element);
        }
        entries.add(element.textValue());
      }
    } else {
      for (String part : text.split(",")) {
        entries.add(part);
      }
    }
    entries.removeIf(String::isBlank);
    entries.replaceAll(String::strip);
    return entries;
  }

  /**
   * The real path when the file exists (links and {@code ..} resolved), else the absolute
   * normalised path with its deepest existing ancestor resolved.
   */
  static Path canonical(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      Path parent = absolute.getParent();
      if (parent == null) {
        return absolute;
      }
      return canonical(parent).resolve(absolute.getFileName());
    }
  }

  /** Fails with ACCESS when file table functions are disabled. */
  public void checkEnabled(String function) {
    if (!enabled) {
      throw new QuiverException(ErrorKind.ACCESS, function + " reads files, which this session"
          + " does not allow (session option " + EXTERNAL_ACCESS + "=false)");
    }
  }

  /** Fails with ACCESS unless {@code path} (a file or a directory to list) is allowed. */
  public void check(Path path) {
    if (allowed.isEmpty()) {
      return;
    }
    Path real = canonical(path);
    for (Path directory : allowed) {
      if (real.startsWith(directory)) {
        return;
      }
    }
    throw new QuiverException(ErrorKind.ACCESS, "access to " + path + denied(path, real)
        + " is not allowed: the session's " + ALLOWED_PATHS + " are " + allowed);
  }

  private static String denied(Path path, Path real) {
    return real.equals(path.toAbsolutePath().normalize()) ? "" : " (resolved to " + real + ")";
  }

  /** Whether {@code directory} may hold allowed files (it is inside or above an allowed one). */
  boolean mayContain(Path directory) {
    if (allowed.isEmpty()) {
      return true;
    }
    Path real = canonical(directory);
    for (Path root : allowed) {
      if (real.startsWith(root) || root.startsWith(real)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return enabled ? (allowed.isEmpty() ? "any path" : "inside " + allowed) : "disabled";
  }
}
