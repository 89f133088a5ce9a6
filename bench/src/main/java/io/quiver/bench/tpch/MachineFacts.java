package io.quiver.bench.tpch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a benchmark ran on, for the report.
 *
 * @param cores processors available to the JVM
 * @param cpu the processor's model name ({@code /proc/cpuinfo}), or empty
 * @param memoryBytes physical memory, or -1 when unknown
 * @param jvm JVM name, vendor and version
 * @param maxHeapBytes the JVM's heap limit
 * @param os operating system name, version and architecture
 * @param loadAverage the system load average over the last minute when the facts were taken
 *     (other work on the machine), or negative when unknown
 */
public record MachineFacts(int cores, String cpu, long memoryBytes, String jvm, long maxHeapBytes,
    String os, double loadAverage) {

  /** The facts of this machine and JVM. */
  public static MachineFacts current() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean system) {
      memory = system.getTotalMemorySize();
    }
    return new MachineFacts(Runtime.getRuntime().availableProcessors(), cpuModel(), memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.vendor", "")
            + " " + System.getProperty("java.runtime.version", System.getProperty("java.version")),
        Runtime.getRuntime().maxMemory(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"), currentLoadAverage());
  }

  /** The system load average over the last minute, or negative when unknown. */
  public static double currentLoadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the model stays unknown.
    }
    return "";
  }

  /** One line: {@code 2 cores (CPU), 23.4 GiB memory, JVM ..., heap limit ..., OS}. */
  public String summary() {
    return cores + " cores" + (cpu.isEmpty() ? "" : " (" + cpu + ")") + ", "
        + (memoryBytes < 0 ? "unknown" : Bytes.format(memoryBytes)) + " memory, " + jvm
        + ", heap limit " + Bytes.format(maxHeapBytes) + ", " + os
        + (loadAverage < 0 ? "" : String.format(java.util.Locale.ROOT,
            ", load average %.1f at the start", loadAverage));
  }

  /** The facts as a JSON-ready map. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cores", cores);
    map.put("cpu", cpu);
    map.put("memory_bytes", memoryBytes);
    map.put("jvm", jvm);
    map.put("jvm_max_heap_bytes", maxHeapBytes);
    map.put("os", os);
    map.put("load_average_at_start", loadAverage < 0 ? null : loadAverage);
    return map;
  }
}
