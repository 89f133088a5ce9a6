package io.quiver.bench.tpch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * network resources. A summary, the machine and command, a table of medians and ratios, and per
 * query a bar chart of every engine's median on one logarithmic axis shared by all queries, with
 * the min-max range as a whisker and failures written where the bar would be.
 */
final class HtmlReport {
  private static final String[] COLORS = {"#1f6feb", "#d29922", "#bf8700", "#8250df", "#2da44e",
      "#cf222e", "#57606a"};
  private static final int LABEL_WIDTH = 110;
  private static final int PLOT_WIDTH = 520;
  private static final int VALUE_WIDTH = 170;
  private static final int BAR_HEIGHT = 16;
  private static final int BAR_GAP = 4;

  private HtmlReport() {}

  static String render(BenchmarkReport report) {
    BenchmarkOptions options = report.options();
    List<String> engines = report.engines();
    List<String> peers = report.peers();
    StringBuilder html = new StringBuilder();
    String title = "Quiver TPC-H SF " + options.scaleFactorName() + " - "
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
            .format(report.started());
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;"
            + "color:#1f2328;max-width:1100px}\n")
        .append("table{border-collapse:collapse;font-size:13px;margin:1em 0}\n")
        .append("th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right}\n")
        .append("th:first-child,td:first-child,td.status{text-align:left}\n")
        .append("th{background:#f6f8fa}\n")
        .append(".fail{color:#cf222e;font-weight:600}.skip{color:#8c959f}\n")
        .append(".facts td{text-align:left}\n")
        .append("code{background:#f6f8fa;padding:1px 4px}\n")
        .append(".chart{margin:0.4em 0 1.2em 0}\nh3{margin:1.2em 0 0.2em 0;font-size:15px}\n")
        .append("svg text{font-size:11px;font-family:inherit}\n</style></head><body>\n");
    html.append("<h1>").append(escape(title)).append("</h1>\n");
    html.append("<p>").append(escape(report.settingsLine())).append(". Times are medians in"
        + " milliseconds, from submitting the SQL to holding every result row as Java values."
        + " A ratio is Quiver's median divided by the engine's: above 1, Quiver is slower."
        + " A wrong result is never shown as a time.</p>\n");
    html.append("<table class=\"facts\">");
    fact(html, "date", report.started().toString());
    fact(html, "command", options.commandLine());
    fact(html, "machine", report.machineSummary());
    for (String engine : engines) {
      String facts = report.engineFacts().get(engine);
      fact(html, engine, facts == null ? "" : facts);
    }
    html.append("</table>\n");

    html.append("<h2>Medians (ms)</h2>\n<table><tr><th>query</th>");
    for (String engine : engines) {
      html.append("<th>").append(escape(engine)).append("</th>");
    }
    for (String peer : peers) {
      html.append("<th>quiver/").append(escape(peer)).append("</th>");
    }
    html.append("<th>status</th></tr>\n");
    for (QueryMeasurement query : report.queries()) {
      html.append("<tr><td>").append(escape(query.query().name())).append("</td>");
      for (String engine : engines) {
        html.append(cell(query.engine(engine)));
      }
      for (String peer : peers) {
        html.append("<td>").append(BenchmarkReport.ratioText(BenchmarkReport.ratio(query, peer)))
            .append("</td>");
      }
      html.append("<td class=\"status\">").append(escape(query.statusText())).append("</td></tr>\n");
    }
    html.append("<tr><th>total</th>");
    for (String engine : engines) {
      html.append("<th>").append(BenchmarkReport.millis(report.totalMillis(engine)))
          .append("</th>");
    }
    for (String peer : peers) {
      double[] pair = report.pairTotals(peer);
      html.append("<th>").append(BenchmarkReport.ratioText(BenchmarkReport.ratio(pair[0],
          pair[1]))).append(" (").append((int) pair[2]).append(")</th>");
    }
    html.append("<th class=\"status\">").append(report.okCount()).append(" of ")
        .append(report.tpchCount()).append(" TPC-H queries finished by every engine that ran"
            + "</th></tr>\n</table>\n");
    html.append("<p>Totals: sum of medians over the TPC-H queries every engine that ran"
        + " finished; total ratios: over the TPC-H queries Quiver and that engine both finished"
        + " (how many in brackets). The scan queries are not in the totals.</p>\n");

    double[] range = range(report);
    html.append("<h2>Per query (log scale)</h2>\n<p>");
    for (int i = 0; i < engines.size(); i++) {
      html.append("<span style=\"display:inline-block;width:10px;height:10px;background:")
          .append(color(i)).append("\"></span> ").append(escape(engines.get(i))).append(" &nbsp; ");
    }
    html.append("</p>\n");
    for (QueryMeasurement query : report.queries()) {
      html.append("<h3>").append(escape(query.query().name())).append("</h3>\n");
      chart(html, query, engines, range);
    }
    html.append("<h2>Failures</h2>\n<ul>\n");
    boolean any = false;
    for (QueryMeasurement query : report.queries()) {
      for (EngineMeasurement engine : query.engines()) {
        if (!engine.ok()) {
          any = true;
          html.append("<li><b>").append(escape(query.query().name())).append(' ')
              .append(escape(engine.engine())).append(' ').append(engine.status())
              .append("</b>: <code>").append(escape(BenchmarkReport.firstLines(engine.detail(),
                  3))).append("</code></li>\n");
        }
      }
    }
    if (!any) {
      html.append("<li>none</li>\n");
    }
    html.append("</ul>\n</body></html>\n");
    return html.toString();
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value))
        .append("</td></tr>");
  }

  private static String cell(EngineMeasurement engine) {
    if (engine.ok()) {
      return "<td title=\"min " + BenchmarkReport.millis(engine.minMillis()) + ", max "
          + BenchmarkReport.millis(engine.maxMillis()) + "\">"
          + BenchmarkReport.millis(engine.medianMillis()) + "</td>";
    }
    String kind = engine.status() == RunStatus.SKIPPED ? "skip" : "fail";
    return "<td class=\"" + kind + "\" title=\"" + escape(BenchmarkReport.firstLines(
        engine.detail(), 1)) + "\">" + engine.status() + "</td>";
  }

  /** Powers of ten around every minimum and maximum time: {low, high}. */
  private static double[] range(BenchmarkReport report) {
    double low = Double.MAX_VALUE;
    double high = 0;
    for (QueryMeasurement query : report.queries()) {
      for (EngineMeasurement engine : query.engines()) {
        if (engine.ok() && !Double.isNaN(engine.minMillis())) {
          low = Math.min(low, Math.max(engine.minMillis(), 0.001));
          high = Math.max(high, engine.maxMillis());
        }
      }
    }
    if (high == 0) {
      return new double[] {1, 10};
    }
    double lowPower = Math.pow(10, Math.floor(Math.log10(low)));
    double highPower = Math.pow(10, Math.ceil(Math.log10(high)));
    if (highPower <= lowPower) {
      highPower = lowPower * 10;
    }
    return new double[] {lowPower, highPower};
  }

  private static double x(double millis, double[] range) {
    double position = (Math.log10(millis) - Math.log10(range[0]))
        / (Math.log10(range[1]) - Math.log10(range[0]));
    return LABEL_WIDTH + Math.max(0, Math.min(1, position)) * PLOT_WIDTH;
  }

  private static void chart(StringBuilder html, QueryMeasurement query, List<String> engines,
      double[] range) {
    int height = engines.size() * (BAR_HEIGHT + BAR_GAP) + 18;
    int width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
    html.append("<svg class=\"chart\" width=\"")
        .append(width).append("\" height=\"").append(height).append("\" role=\"img\"")
        .append(" aria-label=\"").append(escape(query.query().name()))
        .append(" medians\">\n");
    int axis = engines.size() * (BAR_HEIGHT + BAR_GAP);
    for (double tick = range[0]; tick <= range[1] * 1.0001; tick *= 10) {
      double position = x(tick, range);
      html.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\""
          + " stroke=\"#d0d7de\"/>", position, position, axis));
      html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
          + " fill=\"#57606a\">%s</text>%n", position, axis + 13, tickLabel(tick)));
    }
    for (int i = 0; i < engines.size(); i++) {
      EngineMeasurement engine = query.engine(engines.get(i));
      int y = i * (BAR_HEIGHT + BAR_GAP);
      html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s"
          + "</text>", LABEL_WIDTH - 6, y + BAR_HEIGHT - 4, escape(engine.engine())));
      if (engine.ok() && !Double.isNaN(engine.medianMillis())) {
        double end = x(Math.max(engine.medianMillis(), range[0]), range);
        html.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\""
            + " height=\"%d\" fill=\"%s\"><title>%s: median %s ms, min %s, max %s</title></rect>",
            LABEL_WIDTH, y, Math.max(1, end - LABEL_WIDTH), BAR_HEIGHT, color(i),
            escape(engine.engine()), BenchmarkReport.millis(engine.medianMillis()),
            BenchmarkReport.millis(engine.minMillis()),
            BenchmarkReport.millis(engine.maxMillis())));
        double low = x(Math.max(engine.minMillis(), range[0]), range);
        double high = x(engine.maxMillis(), range);
        html.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
            + " y2=\"%d\" stroke=\"#1f2328\"/>", low, y + BAR_HEIGHT / 2, high,
            y + BAR_HEIGHT / 2));
        double ratio = BenchmarkReport.ratio(query, engine.engine());
        html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s ms%s</text>%n",
            Math.max(end, high) + 4, y + BAR_HEIGHT - 4,
            BenchmarkReport.millis(engine.medianMillis()),
            engine.engine().equals(BenchmarkOptions.QUIVER) || Double.isNaN(ratio) ? ""
                : " (quiver/" + escape(engine.engine()) + " " + BenchmarkReport.ratioText(ratio)
                    + ")"));
      } else {
        html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s<title>"
            + "%s</title></text>%n", LABEL_WIDTH + 4, y + BAR_HEIGHT - 4,
            engine.status() == RunStatus.SKIPPED ? "#8c959f" : "#cf222e", engine.status(),
            escape(BenchmarkReport.firstLines(engine.detail(), 1))));
      }
    }
    html.append("</svg>\n");
  }

  private static String tickLabel(double millis) {
    if (millis >= 1000) {
      return BenchmarkReport.millis(millis / 1000).replace(".0", "") + " s";
    }
    return (millis >= 1 ? String.valueOf((long) millis) : String.valueOf(millis)) + " ms";
  }

  private static String color(int index) {
    return COLORS[index % COLORS.length];
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
