package io.quiver.bench.tpch;

import java.time.Duration;
import java.util.concurrent.Callable;
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

  QueryWorker(String name) {
    this.executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A task submitted to the worker. */
  Future<?> submit(Runnable task) {
    return executor.submit(task);
  }

  /** The time ran out while {@link #task()} still runs on the worker. */
  static final class TimedOut extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Future<?> task;

    TimedOut(Future<?> task) {
      super("query run timed out");
      this.task = task;
    }

    Future<?> task() {
      return task;
    }
  }

  /**
   * Runs {@code work} on the worker and waits at most {@code timeout} for its value; the
   * exception {@code work} throws is rethrown as it is.
   *
   * @throws TimedOut when the time runs out (the task goes on: stop or abandon it)
   */
  <T> T call(Callable<T> work, Duration timeout) throws Exception {
    Future<T> future = executor.submit(work);
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new TimedOut(future);
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

  /** Waits up to {@code grace} for {@code task} to end; true when it has ended. */
  static boolean awaitEnd(Future<?> task, Duration grace) {
    try {
      task.get(grace.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return task.isDone();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      return true;
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
