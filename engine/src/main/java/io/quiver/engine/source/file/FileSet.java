package io.quiver.engine.source.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a file table function's {@code path} argument names, in a deterministic order.
 *
 * <p>{@code path} is one of:
 * <ul>
 *   <li>a file;</li>
 *   <li>a directory: every regular file below it, recursively (hive partition directories
 *       included), whose name ends with one of the extensions; names starting with {@code .}
 *       or {@code _} (such as {@code _SUCCESS}, {@code .crc} files) are skipped, files and
 *       directories alike;</li>
 *   <li>a glob ({@code *}, {@code ?}, {@code [...]}, <code>{a,b}</code>; {@code **} crosses
 *       directories), matched with java.nio's glob syntax against the path below the glob's
 *       last literal directory: {@code data/*.parquet}, {@code data/**}{@code /year=*}{@code
 *       /*.parquet}. A glob keeps exactly what it matches (no extension filter);</li>
 *   <li>a JSON array of the above, {@code '["a.csv", "dir", "b/*.csv"]'} (SQL has no array
 *       literal here): the entries in the given order, duplicates dropped.</li>
 * </ul>
 * Directory and glob matches are sorted by path. A missing file, a directory or glob that
 * matches nothing and an unreadable file are IO errors naming the path; a path outside the
 * session's allowed directories is an ACCESS error.
 */
public final class FileSet {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FileSet() {}

  /**
   * Resolves {@code argument}.
   *
   * @param extensions the endings a directory listing keeps (case-insensitive)
   */
  public static List<Path> resolve(String argument, List<String> extensions,
      FileAccessPolicy policy) {
    Set<Path> files = new LinkedHashSet<>();
    for (String entry : entries(argument)) {
      files.addAll(resolveOne(entry, extensions, policy));
    }
    return List.copyOf(files);
  }

  private static List<String> entries(String argument) {
    String text = argument.strip();
    if (!text.startsWith("[")) {
      return List.of(argument);
    }
    JsonNode array;
    try {
      array = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new QuiverException(ErrorKind.DATA, "the path starts with '[' but is not a JSON"
          + " array of paths (at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()
          + "); write it as '[\"a.csv\", \"b.csv\"]'", e);
    }
    if (!array.isArray() || array.isEmpty()) {
      throw new QuiverException(ErrorKind.DATA, "the path list " + text
          + " must be a non-empty JSON array of path strings");
    }
    List<String> entries = new ArrayList<>();
    for (JsonNode element : array) {
      if (!element.isTextual() || element.textValue().isBlank()) {
        throw new QuiverException(ErrorKind.DATA, "the path list " + text
            + " holds " + element + ", but each entry must be a non-empty path string");
      }
      entries.add(element.textValue());
    }
    return entries;
  }

  private static List<Path> resolveOne(String entry, List<String> extensions,
      FileAccessPolicy policy) {
    if (entry.isBlank()) {
      throw new QuiverException(ErrorKind.DATA, "the path is empty: give a file, a directory,"
          + " a glob or a JSON array of paths");
    }
    int glob = firstGlobComponent(entry);
    if (glob >= 0) {
      return glob(entry, glob, policy);
    }
    Path path = Path.of(entry);
    policy.check(path);
    if (Files.isDirectory(path)) {
      return listDirectory(path, extensions, policy);
    }
    if (!Files.exists(path)) {
      throw new QuiverException(ErrorKind.IO, "no such file: " + path.toAbsolutePath()
          + " (relative paths start at the working directory)");
    }
    checkReadable(path);
    return List.of(path.toAbsolutePath().normalize());
  }

  /** The index of the first path component holding a glob character, or -1. */
  private static int firstGlobComponent(String entry) {
    String[] parts = entry.split("[/\\\\]", -1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].matches(".*[*?\\[{].*")) {
        return i;
      }
    }
    return -1;
  }

  private static List<Path> glob(String entry, int globIndex, FileAccessPolicy policy) {
    String[] parts = entry.split("[/\\\\]", -1);
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < globIndex; i++) {
      base.append(parts[i]).append('/');
    }
    Path directory = base.length() == 0 ? Path.of("") : Path.of(base.toString());
    String pattern = String.join("/", java.util.Arrays.copyOfRange(parts, globIndex,
        parts.length));
    if (!policy.mayContain(directory)) {
      throw new QuiverException(ErrorKind.ACCESS, "access to " + entry + " is not allowed:"
          + " the glob's directory " + directory.toAbsolutePath().normalize()
          + " is outside the session's allowed_paths");
    }
    if (!Files.isDirectory(directory)) {
      throw new QuiverException(ErrorKind.IO, "the glob " + entry + " matches no file: its"
          + " directory " + directory.toAbsolutePath() + " does not exist");
    }
    List<PathMatcher> matchers = new ArrayList<>();
    try {
      for (String variant : zeroOrMoreDirectories(pattern)) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
      }
    } catch (IllegalArgumentException e) {
      throw new QuiverException(ErrorKind.DATA, "the glob " + entry + " is malformed: "
          + e.getMessage(), e);
    }
    PathMatcher matcher = path -> matchers.stream().anyMatch(m -> m.matches(path));
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
    List<Path> matches = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory, depth)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(directory.relativize(file)))
          .forEach(matches::add);
    } catch (IOException | UncheckedIOException e) {
      throw QuiverException.wrap(ErrorKind.IO, "listing " + directory.toAbsolutePath()
          + " for the glob " + entry, e);
    }
    if (matches.isEmpty()) {
      throw new QuiverException(ErrorKind.IO, "the glob " + entry + " matches no file (in "
          + directory.toAbsolutePath().normalize() + ")");
    }
    return accept(matches, policy);
  }

  /**
   * The pattern with each {@code **}{@code /} kept or dropped: java.nio's {@code **}{@code /}
   * needs at least one directory, but a glob's {@code **} means zero or more (as in DuckDB and
   * shells with globstar).
   */
  private static List<String> zeroOrMoreDirectories(String pattern) {
    int at = pattern.indexOf("**/");
    if (at < 0) {
      return List.of(pattern);
    }
    List<String> variants = new ArrayList<>();
    for (String rest : zeroOrMoreDirectories(pattern.substring(at + 3))) {
      variants.add(pattern.substring(0, at + 3) + rest);
      variants.add(pattern.substring(0, at) + rest);
    }
    return variants;
  }

  private static List<Path> listDirectory(Path directory, List<String> extensions,
      FileAccessPolicy policy) {
    List<Path> matches = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(file -> !hidden(directory, file))
          .filter(Files::isRegularFile)
          .filter(file -> hasExtension(file, extensions))
          .forEach(matches::add);
    } catch (IOException | UncheckedIOException e) {
      throw QuiverException.wrap(ErrorKind.IO, "listing " + directory.toAbsolutePath(), e);
    }
    if (matches.isEmpty()) {
      throw new QuiverException(ErrorKind.IO, "the directory " + directory.toAbsolutePath()
          + " holds no file ending with " + String.join(" or ", extensions)
          + " (set the option file_extension to read other files)");
    }
    return accept(matches, policy);
  }

  private static List<Path> accept(List<Path> matches, FileAccessPolicy policy) {
    List<Path> files = new ArrayList<>();
    for (Path file : matches) {
      policy.check(file);
      checkReadable(file);
      files.add(file.toAbsolutePath().normalize());
    }
    files.sort(null);
    return files;
  }

  private static boolean hidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasExtension(Path file, List<String> extensions) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String extension : extensions) {
      if (name.endsWith(extension.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static void checkReadable(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new QuiverException(ErrorKind.IO, file.toAbsolutePath()
          + " is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new QuiverException(ErrorKind.IO, "cannot read " + file.toAbsolutePath()
          + ": permission denied (check the file's permissions)");
    }
  }
}
