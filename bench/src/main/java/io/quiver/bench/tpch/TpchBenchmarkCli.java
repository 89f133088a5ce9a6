package io.quiver.bench.tpch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code bench/run tpch} command line: the only place of the benchmark that writes to the
 * terminal. It prints progress and the report and writes the report files.
 */
public final class TpchBenchmarkCli {
  private TpchBenchmarkCli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the benchmark; returns the exit code (2 for a bad command line). */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    BenchmarkOptions options;
    try {
      if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
        out.println(BenchmarkOptions.USAGE);
        return 0;
      }
      options = BenchmarkOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    BenchmarkReport report = new TpchBenchmark(options, out::println).run();
    out.println();
    out.print(report.toText());
    List<Path> files = report.write(options.resultsDirectory());
    out.println("report files: " + files.get(0) + " " + files.get(1) + " " + files.get(2));
    return 0;
  }
}
