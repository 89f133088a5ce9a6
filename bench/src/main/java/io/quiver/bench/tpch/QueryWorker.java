package io.quiver.bench.tpch;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A thread that runs one query at a time for an engine, so that the benchmark can stop waiting
 * when a query runs past its time limit.
 */
final class QueryWorker implements AutoCloseable {
  private final ExecutorService executor;
  private volatile Thread thread;

  QueryWorker(String name) {
    this.executor = Executors.newSingleThreadExecutor(task -> {
      Thread created = new Thread(task, name);
      created.setDaemon(true);
      thread = created;
      return created;
    });
  }

  /**
   * Stops the worker's thread the hard way ({@link Thread#stop()}), for a query engine that
   * neither ends nor reacts to interruption: a {@link ThreadDeath} unwinds the running query
   * (closing what its try-with-resources opened). Whatever state that query shared is suspect
   * afterwards and must be thrown away. Returns false where the JVM no longer supports it
   * (Java 20 and later).
   */
  @SuppressWarnings({"deprecation", "removal"})
  boolean forceStop() {
    Thread running = thread;
    if (running == null) {
      return false;
    }
    try {
      running.stop();
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** A task submitted to the worker. */
  Future<?> submit(Runnable task) {
    return executor.submit(task);
  }

  /** The time ran out while the task still runs on the worker. */
  static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Future<?> task;
    private final transient CountDownLatch ended;

    TimedOut(Future<?> task, CountDownLatch ended) {
      super("query run timed out");
      this.task = task;
      this.ended = ended;
    }

    /** Interrupts the task's thread. */
    void interrupt() {
      task.cancel(true);
    }

    /**
     * Waits up to {@code grace} for the task to end (a cancelled future reports "done" at
     * once, so this watches the task itself); true when it has ended.
     */
    boolean awaitEnd(Duration grace) {
      try {
        return ended.await(grace.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ended.getCount() == 0;
      }
    }
  }

  /**
   * Runs {@code work} on the worker and waits at most {@code timeout} for its value; the
   * exception {@code work} throws is rethrown as it is.
   *
   * @throws TimedOut when the time runs out (the task goes on: stop or abandon it)
   */
  <T> T call(Callable<T> work, Duration timeout) throws Exception {
    CountDownLatch ended = new CountDownLatch(1);
    Future<T> future = executor.submit(() -> {
      try {
        return work.call();
      } finally {
        ended.countDown();
      }
    });
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimedOut(future, ended);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Lets the current task finish, then ends the thread. */
  void shutdown() {
    executor.shutdown();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
