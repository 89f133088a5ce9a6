package io.quiver.engine.plugin;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ServiceConfigurationError;

/**
 * The one translation of what plugin code throws while the host loads it (static initialisers,
 * constructors, {@code manifest()}, {@code functions()}, {@code tableProviders()}, table
 * sources) into the error contract: a {@link ErrorKind#PLUGIN} QuiverException whose message
 * explains the failure in the plugin author's terms (a missing class, a host class the plugin may
 * not use, a failing static initialiser), or {@link ErrorKind#RESOURCE} when the plugin ran out
 * of memory.
 *
 * <p>Only JVM failures that leave the JVM unusable ({@link InternalError}, {@link UnknownError})
 * are rethrown; a stack overflow or an out-of-memory error in plugin code is reported like any
 * other failure.
 */
final class PluginFaults {
  private PluginFaults() {}

  /**
   * @param failure what the plugin code threw
   * @param doing what the host was doing, for example {@code functions()} or {@code creating
   *     plugin class com.acme.AcmePlugin}; it becomes the start of the message
   */
  static QuiverException toException(Throwable failure, String doing) {
    rethrowIfFatal(failure);
    return new QuiverException(kindOf(failure), doing + " failed: " + explain(failure), failure);
  }

  /** Rethrows errors after which the JVM cannot be trusted; returns for everything else. */
  static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)
        && !(failure instanceof OutOfMemoryError)) {
      throw fatal;
    }
  }

  /** RESOURCE for running out of memory (Java heap or Arrow), PLUGIN for anything else. */
  static ErrorKind kindOf(Throwable failure) {
    Throwable inner = unwrap(failure);
    if (inner instanceof OutOfMemoryError || isArrowOutOfMemory(inner)) {
      return ErrorKind.RESOURCE;
    }
    if (inner instanceof QuiverException quiver && quiver.kind() == ErrorKind.RESOURCE) {
      return ErrorKind.RESOURCE;
    }
    return ErrorKind.PLUGIN;
  }

  /** The failure in words, without the stack trace. */
  static String explain(Throwable failure) {
    Throwable inner = unwrap(failure);
    if (inner instanceof ServiceConfigurationError) {
      // No cause: the service entry itself is wrong (class not found, not a QuiverPlugin).
      return serviceEntryProblem(inner.getMessage());
    }
    if (inner instanceof ExceptionInInitializerError init) {
      Throwable thrown = init.getCause() != null ? init.getCause() : init.getException();
      return "its static initialiser threw " + (thrown == null ? "an error" : text(thrown));
    }
    if (inner instanceof NoClassDefFoundError missing) {
      String message = missing.getMessage() == null ? "" : missing.getMessage();
      if (message.startsWith("Could not initialize class ")) {
        return "class " + message.substring("Could not initialize class ".length())
            + " is unusable because its static initialiser failed earlier";
      }
      return missingClass(message.replace('/', '.'));
    }
    if (inner instanceof ClassNotFoundException missing) {
      return missingClass(missing.getMessage());
    }
    if (inner instanceof UnsupportedClassVersionError version) {
      return "the plugin was compiled for a newer Java than this JVM (Java "
          + System.getProperty("java.specification.version") + "): " + version.getMessage()
          + ". Compile it with --release " + System.getProperty("java.specification.version");
    }
    if (inner instanceof LinkageError linkage) {
      return "linkage error " + text(linkage) + ". The plugin was compiled against classes that"
          + " differ from the ones it runs with: rebuild it against this Quiver's quiver-udf and"
          + " Arrow versions";
    }
    if (inner instanceof StackOverflowError) {
      return "stack overflow (unbounded recursion?)";
    }
    if (inner instanceof OutOfMemoryError) {
      return "it ran out of Java heap (" + inner.getMessage() + "). Raise -Xmx or make the"
          + " plugin hold less in memory";
    }
    if (inner instanceof QuiverException quiver) {
      return quiver.getMessage();
    }
    return text(inner);
  }

  /**
   * The innermost useful failure: ServiceLoader wraps what a constructor or static initialiser
   * threw in a ServiceConfigurationError.
   */
  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof ServiceConfigurationError && current.getCause() != null
        && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static String serviceEntryProblem(String message) {
    return "its service entry META-INF/services/io.quiver.udf.plugin.QuiverPlugin is wrong ("
        + message + "). It must name public classes of the jar that implement"
        + " io.quiver.udf.plugin.QuiverPlugin and have a public no-argument constructor";
  }

  /** Why a class could not be found, and what the plugin's author does about it. */
  static String missingClass(String className) {
    if (className != null && className.startsWith("io.quiver.")
        && !PluginClassLoader.isShared(className)) {
      return "it uses the Quiver class " + className + ", which plugins cannot see: plugins"
          + " share only io.quiver.udf.* (the plugin API) and org.apache.arrow.* with the host."
          + " Use the plugin API instead";
    }
    return "class " + className + " was not found. A plugin sees only its own jar, io.quiver.udf.*,"
        + " org.apache.arrow.* and the JDK: bundle the plugin's other dependencies into its jar";
  }

  private static String text(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static boolean isArrowOutOfMemory(Throwable failure) {
    return failure.getClass().getName().equals("org.apache.arrow.memory.OutOfMemoryException");
  }
}
