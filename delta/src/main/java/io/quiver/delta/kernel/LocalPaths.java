package io.quiver.delta.kernel;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Converts between the path strings Delta Kernel passes around ({@code file:/abs/path},
 * {@code file:///abs/path} or a plain absolute or relative path) and {@link java.nio.file.Path}.
 * Kernel's paths are not URI-escaped ({@code file:/a b/c} names a folder with a space), so the
 * text after the scheme is taken literally. Only the local file system is supported.
 */
public final class LocalPaths {
  private LocalPaths() {}

  /** The local path named by a Kernel path string. */
  public static Path toPath(String kernelPath) {
    String text = kernelPath;
    if (text.regionMatches(true, 0, "file:", 0, 5)) {
      text = text.substring(5);
      if (text.startsWith("///")) {
        text = text.substring(2);
      } else if (text.startsWith("//")) {
        // file://host/path: only an empty host or localhost names the local file system
        int slash = text.indexOf('/', 2);
        String host = slash < 0 ? text.substring(2) : text.substring(2, slash);
        if (!host.isEmpty() && !host.toLowerCase(Locale.ROOT).equals("localhost")) {
          throw new IllegalArgumentException("not a local path: " + kernelPath);
        }
        text = slash < 0 ? "/" : text.substring(slash);
      }
    } else if (hasScheme(text)) {
      throw new IllegalArgumentException("not a local path: " + kernelPath);
    }
    return Paths.get(text);
  }

  /** The Kernel path string ({@code file:/abs/path}) of a local path. */
  public static String toKernelPath(Path path) {
    return "file:" + path.toAbsolutePath().normalize().toString();
  }

  /** True when {@code text} starts with a URI scheme of two or more letters ({@code s3:}). */
  public static boolean hasScheme(String text) {
    int colon = text.indexOf(':');
    if (colon < 2) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return Character.isLetter(text.charAt(0));
  }
}
