package io.quiver.bench.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CapabilitiesBenchmarkTest {
  @Test
  void verify() {
    CapabilitiesBenchmark benchmark = new CapabilitiesBenchmark();
    benchmark.setUp();
    ObjectNode capabilities;
    try {
      capabilities = benchmark.capabilities();
    } finally {
      benchmark.tearDown();
    }

    assertThat(capabilities.path("functions").path("by_source").path("session").asInt())
        .isEqualTo(1);
    assertThat(capabilities.path("functions").path("total").asInt()).isGreaterThan(1);
    assertThat(capabilities.path("quiver_version").asText()).isNotEmpty();
    assertThat(benchmark.allocator().getAllocatedMemory()).isZero();
  }
}
