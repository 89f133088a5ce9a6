package io.quiver.engine.plugin;

/**
 * Makes a plugin's class loader the thread's context class loader while the host calls into
 * the plugin (libraries inside the plugin that look up classes or services through the context
 * loader then find the plugin's own), and restores the previous one on {@link #close()}.
 *
 * <pre>{@code
 * try (ContextClassLoader ignored = ContextClassLoader.use(loader)) {
 *   plugin.functions(context);
 * }
 * }</pre>
 */
final class ContextClassLoader implements AutoCloseable {
  private final Thread thread;
  private final ClassLoader previous;

  private ContextClassLoader(ClassLoader loader) {
    this.thread = Thread.currentThread();
    this.previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
  }

  static ContextClassLoader use(ClassLoader loader) {
    return new ContextClassLoader(loader);
  }

  @Override
  public void close() {
    thread.setContextClassLoader(previous);
  }
}
