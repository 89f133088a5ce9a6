package io.quiver.engine.plugin;

import io.quiver.engine.QuiverSession;
import io.quiver.udf.plugin.QuiverPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Builds a real plugin jar while a test runs: writes Java sources to a directory, compiles
 * them with the JDK's compiler against the test's class path (which has quiver-udf, Arrow and
 * the engine), and packs the classes with a {@code META-INF/services} entry into a jar.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.in(tempDir)
 *     .source("acme.AcmePlugin", "package acme; public class AcmePlugin implements ...")
 *     .service("acme.AcmePlugin")
 *     .build("acme.jar");
 * }</pre>
 *
 * <p>{@link #leaveOut} compiles a class but keeps it out of the jar (a missing dependency);
 * {@link #entry} adds any other file.
 */
final class PluginJarBuilder {
  private final Path directory;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> services = new ArrayList<>();
  private final Set<String> leftOut = new LinkedHashSet<>();
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private boolean serviceFile;

  private PluginJarBuilder(Path directory) {
    this.directory = directory;
  }

  /** A builder that works in {@code directory} (a test's temporary directory). */
  static PluginJarBuilder in(Path directory) {
    return new PluginJarBuilder(directory);
  }

  /** Adds the source of the top-level class {@code className} (dotted, with package). */
  PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Names {@code className} in META-INF/services/io.quiver.udf.plugin.QuiverPlugin. */
  PluginJarBuilder service(String className) {
    services.add(className);
    serviceFile = true;
    return this;
  }

  /** Writes the service file even if it names no class. */
  PluginJarBuilder emptyServiceFile() {
    serviceFile = true;
    return this;
  }

  /** Compiles {@code className} (and its nested classes) but leaves them out of the jar. */
  PluginJarBuilder leaveOut(String className) {
    leftOut.add(className);
    return this;
  }

  /** Adds a file to the jar as it is. */
  PluginJarBuilder entry(String path, String content) {
    entries.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Compiles the sources and writes the jar {@code jarName} into the directory. */
  Path build(String jarName) throws IOException {
    Path work = Files.createTempDirectory(directory, jarName + "-build");
    Path sourceRoot = work.resolve("src");
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none",
        "-classpath", compileClassPath(), "-d", classes.toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    if (!sources.isEmpty()) {
      compile(arguments);
    }
    Path jar = directory.resolve(jarName);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      if (serviceFile) {
        String text = services.isEmpty() ? "" : String.join("\n", services) + "\n";
        write(out, "META-INF/services/" + QuiverPlugin.class.getName(),
            text.getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        write(out, entry.getKey(), entry.getValue());
      }
      List<Path> classFiles;
      try (Stream<Path> walk = Files.walk(classes)) {
        classFiles = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path classFile : classFiles) {
        String name = classes.relativize(classFile).toString().replace('\\', '/');
        if (!isLeftOut(name)) {
          write(out, name, Files.readAllBytes(classFile));
        }
      }
    }
    return jar;
  }

  private boolean isLeftOut(String entryName) {
    for (String className : leftOut) {
      String base = className.replace('.', '/');
      if (entryName.equals(base + ".class") || entryName.startsWith(base + "$")) {
        return true;
      }
    }
    return false;
  }

  private static void write(JarOutputStream out, String name, byte[] content)
      throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static void compile(List<String> arguments) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("these tests compile plugins and need a JDK, not a JRE");
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = compiler.run(null, null, diagnostics, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError("the test plugin does not compile:\n"
          + diagnostics.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * The test's class path plus the code sources of quiver-udf, Arrow and the engine (Surefire
   * may run tests from a manifest-only jar, which javac does not expand).
   */
  private static String compileClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> type : List.of(QuiverPlugin.class, ArrowType.class, BufferAllocator.class,
        QuiverSession.class)) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
