package io.quiver.bench.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.QuiverSession;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call of {@link QuiverSession#capabilities()} on a session with the built-in functions
 * and one user function: the JSON snapshot an embedding application may ask for at any time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx4g"})
public class CapabilitiesBenchmark {
  private QuiverSession session;

  @Setup(Level.Trial)
  public void setUp() {
    session = QuiverSession.open();
    session.functions().register(new PlusOne("plus_one", PlusOne.Access.ADDRESS));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public ObjectNode capabilities() {
    return session.capabilities();
  }

  BufferAllocator allocator() {
    return session.allocator();
  }
}
